import type { CourseData } from '../state/course.ts';
import { findApi, type WindowLike } from './discovery.ts';
import { createScormAdapter } from './scorm-adapter.ts';
import { driver12, driver2004 } from './scorm-api.ts';
import { scorm12Profile } from './scorm12.ts';
import { scorm2004Profile } from './scorm2004.ts';
import { createStandaloneAdapter } from './standalone.ts';
import type { LmsAdapter, PackageInfo } from './types.ts';

/**
 * Picks the runtime for this launch. A package built for one SCORM version looks only for that
 * version's API (an LMS that offers both must get the one the manifest declared); the plain web
 * build tries 2004, then 1.2. No API found: the course runs standalone and the header says so.
 */
export function pickAdapter(course: CourseData, pkg: PackageInfo, win: WindowLike = globalThis as unknown as WindowLike): LmsAdapter {
  const versions = pkg.scorm ? [pkg.scorm] : (['2004', '1.2'] as const);
  for (const version of versions) {
    if (version === '2004') {
      const api = findApi(win, 'API_1484_11');
      if (api) return createScormAdapter({ driver: driver2004(api), profile: scorm2004Profile, courseId: course.courseId, packageId: pkg.id });
    } else {
      const api = findApi(win, 'API');
      if (api) return createScormAdapter({ driver: driver12(api), profile: scorm12Profile, courseId: course.courseId, packageId: pkg.id });
    }
  }
  if (pkg.scorm) console.info(`[lms] no SCORM ${pkg.scorm} API found; running standalone (progress kept in this browser)`);
  return createStandaloneAdapter(course.courseId);
}
