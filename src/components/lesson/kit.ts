/**
 * The names of the lesson component kit: the one list both the MDX wiring (index.ts, checked by
 * the type system against this list) and the content check (unknown components) read.
 * Plain data, so build scripts can import it without loading .astro files.
 */
export const LESSON_COMPONENT_NAMES = [
  'Callout',
  'CaseNumbers',
  'CaseSection',
  'CaseStudy',
  'Dialogue',
  'DoDont',
  'ForManagers',
  'JobAid',
  'KeyFigure',
  'SelfAssessment',
  'SpotChecklist',
  'Steps',
  'Takeaways',
] as const;

export type LessonComponentName = (typeof LESSON_COMPONENT_NAMES)[number];
