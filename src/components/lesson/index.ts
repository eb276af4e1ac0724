// The lesson component kit: handed to every lesson's <Content components={…} /> so MDX files
// use them without import lines.
import Callout from './Callout.astro';
import CaseNumbers from './CaseNumbers.astro';
import CaseSection from './CaseSection.astro';
import CaseStudy from './CaseStudy.astro';
import Dialogue from './Dialogue.astro';
import DoDont from './DoDont.astro';
import ForManagers from './ForManagers.astro';
import JobAid from './JobAid.astro';
import KeyFigure from './KeyFigure.astro';
import SpotChecklist from './SpotChecklist.astro';
import Steps from './Steps.astro';
import Takeaways from './Takeaways.astro';

export const lessonComponents = {
  Callout,
  CaseNumbers,
  CaseSection,
  CaseStudy,
  Dialogue,
  DoDont,
  ForManagers,
  JobAid,
  KeyFigure,
  SpotChecklist,
  Steps,
  Takeaways,
};
