/**
 * A role path's lessons as packaged and counted: its `lessons`, plus the `planned` units whose
 * lesson exists by now. The content check requires every id under `lessons` to exist, so a path
 * names unwritten units under `planned`; each is packaged (and counted as ready on the site)
 * from the build in which its lesson lands, with no edit to the path file. Moving it to
 * `lessons` afterwards only tidies the file.
 */
export function pathLessons(path: { lessons: readonly string[]; planned?: readonly string[] | undefined }, existing: ReadonlySet<string>): string[] {
  return [...path.lessons, ...(path.planned ?? []).filter((id) => existing.has(id) && !path.lessons.includes(id))];
}
