import type { CourseData } from '../state/course.ts';
import { findApi, type WindowLike } from '../lms/discovery.ts';
import type { LmsAdapter, PackageInfo } from '../lms/types.ts';

/**
 * Picks the runtime for this launch. A package built for one SCORM version looks only for that
 * version's API (an LMS that offers both must get the one the manifest declared); the plain web
 * build tries 2004, then 1.2. No API found: the course runs standalone and the header says so.
 * The SCORM runtime is imported only when an API is there (see scorm-runtime.ts).
 */
export async function pickAdapter(
  course: CourseData,
  pkg: PackageInfo,
  win: WindowLike = globalThis as unknown as WindowLike,
): Promise<LmsAdapter> {
  const versions = pkg.scorm ? [pkg.scorm] : (['2004', '1.2'] as const);
  for (const version of versions) {
    const api = version === '2004' ? findApi(win, 'API_1484_11') : findApi(win, 'API');
    if (api) {
      const { createScormRuntime } = await import('../lms/scorm-runtime.ts');
      return createScormRuntime(version, api, { courseId: course.courseId, packageId: pkg.id });
    }
  }
  if (pkg.scorm) console.info(`[lms] no SCORM ${pkg.scorm} API found; running standalone (progress kept in this browser)`);
  // Loaded on demand like the SCORM runtime: the browser mirror's code stays out of the page shell.
  const { createStandaloneAdapter } = await import('../lms/standalone.ts');
  return createStandaloneAdapter(course.courseId);
}
