import type { Sector } from '../schemas/common.ts';

/** Each sector's industry lesson (course-outline.md §5.2): what a path's sector elective adds. */
export const SECTOR_LESSONS: Readonly<Record<Sector, string>> = {
  restaurant: 'P31',
  hotel: 'P32',
  finance: 'P33',
  healthcare: 'P34',
  ecommerce: 'P35',
};

interface PathUnits {
  lessons: readonly string[];
  planned?: readonly string[] | undefined;
  sector?: Sector | undefined;
}

/**
 * A role path's lessons as packaged and counted: its `lessons`, plus the `planned` units whose
 * lesson exists by now. The content check requires every id under `lessons` to exist, so a path
 * names unwritten units under `planned`; each is packaged (and counted as ready on the site)
 * from the build in which its lesson lands, with no edit to the path file. Moving it to
 * `lessons` afterwards only tidies the file.
 *
 * Last comes the sector elective: the industry lesson of `sector` (the path's own unless HR
 * picked another when packaging), once that lesson exists.
 */
export function pathLessons(path: PathUnits, existing: ReadonlySet<string>, sector: Sector | undefined = path.sector): string[] {
  const units = [...path.lessons, ...(path.planned ?? []).filter((id) => existing.has(id) && !path.lessons.includes(id))];
  const elective = sector ? SECTOR_LESSONS[sector] : undefined;
  return elective && existing.has(elective) && !units.includes(elective) ? [...units, elective] : units;
}

/** Units the path will hold once every planned lesson exists (its lessons, planned units and sector elective). */
export function plannedPathSize(path: PathUnits): number {
  const everyUnitWritten = new Set([...path.lessons, ...(path.planned ?? []), ...Object.values(SECTOR_LESSONS)]);
  return pathLessons(path, everyUnitWritten).length;
}
