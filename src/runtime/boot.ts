import { $course, scopeCourse, type CourseData } from '../state/course.ts';
import { connectAdapter, finishSession, flushSession } from '../state/persistence.ts';
import type { PackageInfo } from '../lms/types.ts';
import { pickAdapter } from './launch.ts';

/**
 * Runs once per launch (the ClientRouter keeps the document alive across lesson pages):
 * reads the course data embedded in the page and the package's `<meta name="course-…">` tags
 * (written by scripts/package.ts), limits the lessons to the package's scope, connects the
 * runtime and hydrates the learner state.
 */
function meta(name: string): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
}

function readCourseData(): CourseData | null {
  const element = document.getElementById('course-data');
  if (!element?.textContent) return null;
  try {
    // A package limited to some lessons carries <meta name="course-scope" content="P01,P03">.
    return scopeCourse(JSON.parse(element.textContent) as CourseData, meta('course-scope'));
  } catch (error) {
    console.warn('[course] course data unreadable', error);
    return null;
  }
}

export function readPackageInfo(): PackageInfo {
  const scorm = meta('course-scorm');
  const mastery = Number(meta('course-mastery'));
  const report = meta('course-report');
  return {
    id: meta('course-package'),
    scorm: scorm === '1.2' || scorm === '2004' ? scorm : undefined,
    assessment: meta('course-assessment'),
    masteryScore: Number.isFinite(mastery) && mastery >= 0 && mastery <= 100 ? mastery : 80,
    report: report === 'completed-incomplete' ? report : undefined,
  };
}

const course = readCourseData();
if (course) {
  $course.set(course);
  const pkg = readPackageInfo();
  void pickAdapter(course, pkg).then((adapter) => connectAdapter(adapter, pkg));
  // Commit when the page is hidden (tab switch, app switch, before close): the last moment a
  // browser reliably runs code. Terminate on pagehide (close, reload, leaving the course; not on
  // ClientRouter swaps). Never unload/beforeunload: Moodle 4.5 blocks unload in its SCORM frame.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushSession();
  });
  addEventListener('pagehide', () => finishSession());
}
