/**
 * The learner's spot in a lesson, from where its anchors (section headings and activities, in
 * page order) sit on screen: the last one scrolled past the sticky header, or none at the top.
 * `null` when the page has no layout (an LMS that hides the course's frame on exit leaves every
 * position at 0, which would put the learner at the last anchor): the spot kept stays.
 */
export function spotOf(viewportHeight: number, headerBottom: number, anchors: Iterable<{ id: string; getBoundingClientRect(): { top: number } }>): string | undefined | null {
  if (!viewportHeight) return null;
  let spot: string | undefined;
  for (const anchor of anchors) {
    if (anchor.getBoundingClientRect().top > headerBottom + 24) break;
    spot = anchor.id;
  }
  return spot;
}
