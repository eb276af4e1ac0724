// The lesson component kit: handed to every lesson's <Content components={…} /> so MDX files
// use them without import lines. The names are listed once in kit.ts (the content check reads
// them there); `satisfies` keeps this object and that list the same, in both directions.
import Callout from './Callout.astro';
import CaseNumbers from './CaseNumbers.astro';
import CaseSection from './CaseSection.astro';
import CaseStudy from './CaseStudy.astro';
import Dialogue from './Dialogue.astro';
import DoDont from './DoDont.astro';
import ForManagers from './ForManagers.astro';
import JobAid from './JobAid.astro';
import KeyFigure from './KeyFigure.astro';
import SelfAssessment from './SelfAssessment.astro';
import SpotChecklist from './SpotChecklist.astro';
import Steps from './Steps.astro';
import Takeaways from './Takeaways.astro';
import type { LessonComponentName } from './kit.ts';

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
  SelfAssessment,
  SpotChecklist,
  Steps,
  Takeaways,
} satisfies Record<LessonComponentName, unknown>;
