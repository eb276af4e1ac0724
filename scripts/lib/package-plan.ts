/**
 * Which packages to build and what goes in each: the whole course, each part with lessons,
 * each role path in content/paths, or a custom lesson list. One build (dist/), many packages.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inCourseOrder } from '../../src/engine/course-order.ts';
import { assessmentHref } from '../../src/engine/quiz/props.ts';
import { lessonMinutesFor, MANAGER_EXTENSION_ROLES } from '../../src/engine/lesson-minutes.ts';
import { pathLessons, SECTOR_LESSONS } from '../../src/engine/path-lessons.ts';
import { sectorSchema, type Role, type Sector } from '../../src/schemas/common.ts';
import type { LearningPath } from '../../src/schemas/path.ts';
import { tr } from '../../src/i18n/zh-CN.roleplay.ts';
import { t } from '../../src/i18n/zh-CN.ts';
import { tc } from '../../src/i18n/zh-CN.catalogue.ts';
import type { CourseContent } from './content-check.ts';
import { i18n, zhCN } from '../../src/components/i18n.ts';

export const COURSE_TITLE = '服务行业雷区';
export const DEFAULT_MASTERY = 80;

export interface PackagePlan {
  /** File-name stem: course, part1, new-hire-frontline, custom-p01-p03. */
  name: string;
  title: string;
  /** Lesson ids in course order. */
  lessons: string[];
  /** The package's assessment quiz id, when it has one. */
  assessment?: string | undefined;
  /** Page of that assessment (e.g. assessment-course.html). */
  assessmentPage?: string | undefined;
  masteryScore: number;
  /** Honest learner time: the lessons' minutes (manager extensions only where the audience leads a team). */
  minutes: number;
  /** Who the package is for, as the catalogue shows it: a path's audience, a part's summary, the course's. */
  audience: string;
  /** Whether `minutes` counts the lessons' manager extensions (managerMinutes). */
  countsManagerMinutes: boolean;
  /** A role path's sector elective: the industry whose lesson (P31–P35) the package holds. */
  sector?: Sector | undefined;
  /** The role path a path package is made from (content/paths/<path>.yaml). */
  path?: string | undefined;
}

/** Lessons in course order: part order, then order within the part. */
export function courseOrder(content: CourseContent): string[] {
  return inCourseOrder(content.lessons.map((l) => l.data), content.parts.map((p) => p.data)).map((l) => l.id);
}

/** The assessment page the quiz pages write for an assessment id (assessment-course.html for course-assessment). */
export const assessmentPageFor = assessmentHref;

function assessmentFor(content: CourseContent, dist: string, scope: { part?: string; all?: boolean }): { id: string; page: string; passMark: number } | null {
  for (const { data } of content.quizzes) {
    const quiz = data as { id: string; kind?: string; passMark?: number; draw?: unknown };
    if (quiz.kind !== 'assessment' || !Array.isArray(quiz.draw)) continue;
    const rules = quiz.draw as { part?: string; bank?: string }[];
    const matches = scope.all
      ? rules.length > 0 && rules.every((r) => r.part === 'all')
      : rules.length > 0 && rules.every((r) => r.part === scope.part);
    const page = assessmentPageFor(quiz.id);
    if (matches && existsSync(join(dist, page))) return { id: quiz.id, page, passMark: quiz.passMark ?? DEFAULT_MASTERY };
  }
  return null;
}

function plan(content: CourseContent, name: string, title: string, audience: string, lessonIds: string[], assessment: { id: string; page: string; passMark: number } | null, role?: Role, sector?: Sector): PackagePlan {
  const order = courseOrder(content);
  const lessons = order.filter((id) => lessonIds.includes(id));
  const minutes = content.lessons.filter((l) => lessons.includes(l.data.id)).reduce((sum, l) => sum + lessonMinutesFor(l.data, role), 0);
  return {
    name,
    title,
    lessons,
    assessment: assessment?.id,
    assessmentPage: assessment?.page,
    masteryScore: assessment?.passMark ?? DEFAULT_MASTERY,
    minutes,
    audience,
    countsManagerMinutes: role === undefined || MANAGER_EXTENSION_ROLES.includes(role),
    ...(sector ? { sector } : {}),
  };
}

/** The standard set: course, each part with lessons, each path. */
export function standardPlans(content: CourseContent, dist: string): PackagePlan[] {
  const all = courseOrder(content);
  const plans = [plan(content, 'course', COURSE_TITLE, tc('catalogue.audience.course'), all, assessmentFor(content, dist, { all: true }))];
  for (const { data: part } of [...content.parts].sort((a, b) => a.data.order - b.data.order)) {
    const ids = content.lessons.filter((l) => l.data.part === part.id).map((l) => l.data.id);
    // No lessons yet, or a part that travels only with the course and the paths (package: false).
    if (ids.length === 0 || part.package === false) continue;
    const label = part.label ? `${part.label} ${part.title}` : part.title;
    // A part without its assessment (not written yet) is packaged without one: completion is its lessons.
    plans.push(plan(content, part.package ?? part.id, `${COURSE_TITLE} · ${label}`, part.summary, ids, assessmentFor(content, dist, { part: part.id })));
  }
  for (const { data: path } of content.paths) plans.push(pathPlan(content, path));
  return plans;
}

/**
 * A role path's package with its sector elective: the path's own sector (package name = path id),
 * or the one HR picked (`--sector hotel` → new-hire-frontline-hotel).
 */
export function pathPlan(content: CourseContent, path: LearningPath, sector: Sector = path.sector): PackagePlan {
  const own = sector === path.sector;
  const lessons = pathLessons(path, new Set(content.lessons.map((l) => l.data.id)), sector);
  // Until the industry lesson exists the package holds no elective, and its title names none.
  const elective = lessons.includes(SECTOR_LESSONS[sector]);
  const title = `${COURSE_TITLE} · ${path.title}${elective ? `（${tr(`roleplay.industry.${sector}`)}）` : ''}`;
  return { ...plan(content, own ? path.id : `${path.id}-${sector}`, title, path.audience, lessons, null, path.role, elective ? sector : undefined), path: path.id };
}

/** The plan for `--path <id> [--sector <sector>]`, with errors that list what exists. */
export function pathPlanFor(content: CourseContent, pathId: string, sector: string | undefined, title?: string, name?: string): PackagePlan {
  const path = content.paths.find((p) => p.data.id === pathId)?.data;
  if (!path) throw new Error(`--path: unknown path "${pathId}" (known: ${content.paths.map((p) => p.data.id).sort().join(', ')})`);
  const parsed = sector === undefined ? undefined : sectorSchema.safeParse(sector);
  if (parsed && !parsed.success)
    throw new Error(`--sector: unknown sector "${sector}" (known: ${sectorSchema.options.map((s) => `${s} (${SECTOR_LESSONS[s]})`).join(', ')})`);
  if (parsed && !content.lessons.some((l) => l.data.id === SECTOR_LESSONS[parsed.data]))
    throw new Error(`--sector: the ${parsed.data} lesson ${SECTOR_LESSONS[parsed.data]} is not written yet`);
  if (name !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new Error(`--name: "${name}" must be lower-case letters, digits and hyphens`);
  return { ...pathPlan(content, path, parsed?.data), ...(title ? { title } : {}), ...(name ? { name } : {}) };
}


export function customPlan(content: CourseContent, lessonIds: string[], title: string | undefined, name: string | undefined): PackagePlan {
  const known = new Set(content.lessons.map((l) => l.data.id));
  const unknown = lessonIds.filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`--lessons: unknown lesson id(s) ${unknown.join(', ')} (known: ${[...known].sort().join(', ')})`);
  if (lessonIds.length === 0) throw new Error('--lessons: give at least one lesson id, e.g. --lessons P01,P03');
  const stem = name ?? `custom-${lessonIds.map((id) => id.toLowerCase()).join('-')}`;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(stem)) throw new Error(`--name: "${stem}" must be lower-case letters, digits and hyphens`);
  return plan(content, stem, title ?? `${COURSE_TITLE} · ${lessonIds.join('、')}`, tc('catalogue.audience.custom'), lessonIds, null);
}

export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  return out;
}

/** Relative .html links of a page (explicit file names, as the site writes them). */
export function htmlLinks(html: string): string[] {
  const links = new Set<string>();
  for (const m of html.matchAll(/href="([^"#?:]+\.html)(?:[#?][^"]*)?"/g)) links.add((m[1] as string).replace(/^\.\//, ''));
  return [...links];
}

/**
 * Files of a package: index.html, its lessons' pages, its assessment page, other pages they link
 * to that are not another lesson's or assessment's page, and every shared non-page file.
 */
export function packageFiles(dist: string, distFiles: string[], plan: PackagePlan, allLessons: string[]): string[] {
  const lessonPage = (id: string) => `${id.toLowerCase()}.html`;
  const foreign = new Set([
    ...allLessons.filter((id) => !plan.lessons.includes(id)).map(lessonPage),
    ...distFiles.filter((f) => /^assessment-.*\.html$/.test(f) && f !== plan.assessmentPage),
  ]);
  const pages = new Set<string>();
  const queue = ['index.html', ...plan.lessons.map(lessonPage), ...(plan.assessmentPage ? [plan.assessmentPage] : [])];
  while (queue.length > 0) {
    const page = queue.shift() as string;
    if (pages.has(page) || foreign.has(page) || !distFiles.includes(page)) continue;
    const html = readFileSync(join(dist, page), 'utf8');
    // A part page whose lessons are all outside the package stays out too.
    const partLessons = /\bdata-part-lessons="([^"]*)"/.exec(html)?.[1];
    if (partLessons !== undefined && !partLessons.split(',').some((id) => plan.lessons.includes(id))) continue;
    pages.add(page);
    queue.push(...htmlLinks(html));
  }
  const shared = distFiles.filter((f) => !f.endsWith('.html') && !f.startsWith('packages/'));
  return [...pages, ...shared].sort();
}

/** Adds the package's `<meta name="course-…">` tags (read by src/runtime/boot.ts) to a page's head. */
export function injectMeta(html: string, tags: Record<string, string | undefined>): string {
  const metas = Object.entries(tags)
    .filter(([, v]) => v !== undefined)
    .map(([name, content]) => `<meta name="${name}" content="${String(content).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`)
    .join('');
  const at = html.search(/<meta charset[^>]*>/i);
  if (at >= 0) {
    const end = html.indexOf('>', at) + 1;
    return html.slice(0, end) + metas + html.slice(end);
  }
  return html.replace(/<head[^>]*>/i, (head) => head + metas);
}

/**
 * Removes what would point outside a package, so no link in it can 404 even before the
 * course's script runs (and the site-only HR catalogue of role paths): course-map and table-of-contents entries of lessons not in the package
 * (`data-scope-lesson`), blocks that need a page the package lacks (`data-requires-page`),
 * prev/next links to an absent lesson (they lead home instead), and, as a last resort, any other
 * link to an absent page (its text stays, the link goes).
 */
export function pruneForeignLinks(html: string, present: Set<string>): string {
  const has = (page: string) => present.has(page.replace(/^\.\//, ''));
  return html
    // The HR catalogue of role paths belongs to the course site, not inside one package.
    .replace(/<section\b[^>]*\bdata-site-only\b[^>]*>[\s\S]*?<\/section>/g, '')
    .replace(/<li\b[^>]*\bdata-scope-lesson="([^"]+)"[^>]*>[\s\S]*?<\/li>/g, (li, id: string) => (has(`${id.toLowerCase()}.html`) ? li : ''))
    .replace(/<(section|aside|div|li|p)\b[^>]*\bdata-requires-page="([^"]+)"[^>]*>[\s\S]*?<\/\1>/g, (block, _tag, page: string) => (has(page) ? block : ''))
    .replace(/<a\b([^>]*)\bhref="([^"#?:]+\.html)"([^>]*)>([\s\S]*?)<\/a>/g, (a, before: string, href: string, after: string, inner: string) => {
      if (has(href)) return a;
      const attrs = `${before}${after}`;
      const homeLabel = /\bdata-home-label="([^"]*)"/.exec(attrs)?.[1];
      if (/\bdata-scope-target=/.test(attrs) && homeLabel !== undefined) {
        return `<a${before.replace(/\srel="[^"]*"/, '')}href="index.html"${after.replace(/\srel="[^"]*"/, '')}>${homeLabel}</a>`;
      }
      return `<span>${inner}</span>`;
    });
}

/**
 * Pages the package's completion rule needs (every lesson page, the assessment page) that cannot
 * be reached by following links from index.html inside the package. A learner only ever clicks,
 * so a page nobody links to can never be completed: the packager fails the build on any.
 * `pages` maps each HTML file of the package to its final markup (after pruning).
 */
export function unreachableRequiredPages(pages: Map<string, string>, plan: Pick<PackagePlan, 'lessons' | 'assessmentPage'>): string[] {
  const reached = new Set<string>();
  const queue = ['index.html'];
  while (queue.length > 0) {
    const page = queue.shift() as string;
    if (reached.has(page)) continue;
    const html = pages.get(page);
    if (html === undefined) continue;
    reached.add(page);
    queue.push(...htmlLinks(html));
  }
  const required = [...plan.lessons.map((id) => `${id.toLowerCase()}.html`), ...(plan.assessmentPage ? [plan.assessmentPage] : [])];
  return required.filter((page) => !reached.has(page));
}

/**
 * Removes every `<tag …attr="value"…>…</tag>` element (nesting of the same tag respected) for
 * which `drop(value)` is true.
 */
export function dropElements(html: string, tag: string, attr: string, drop: (value: string) => boolean): string {
  // An empty value is written without "=" (Astro renders data-x="" as data-x).
  const open = new RegExp(`<${tag}\\b[^>]*\\b${attr}(?:="([^"]*)")?(?=[\\s>])[^>]*>`, 'g');
  let out = '';
  let from = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    if (!drop(m[1] ?? '')) continue;
    const tags = new RegExp(`<${tag}\\b[^>]*>|</${tag}>`, 'g');
    tags.lastIndex = m.index + m[0].length;
    let depth = 1;
    let end = html.length;
    for (let t2 = tags.exec(html); t2; t2 = tags.exec(html)) {
      depth += t2[0].startsWith('</') ? -1 : 1;
      if (depth === 0) {
        end = t2.index + t2[0].length;
        break;
      }
    }
    out += html.slice(from, m.index);
    from = end;
    open.lastIndex = end;
  }
  return out + html.slice(from);
}

/**
 * A package describes itself, not the whole planned course: on its home page the parts it does
 * not hold (and the parts still being written) go, the title, tagline and lesson count are the
 * package's; the course tagline in every page's description names the package's lesson count.
 */
export function describePackage(file: string, html: string, plan: Pick<PackagePlan, 'title' | 'lessons' | 'minutes'>): string {
  const courseTagline = t('course.tagline');
  const tagline = t('home.packageTagline', { count: plan.lessons.length });
  let out = nameForeignLessons(html.split(`content="${courseTagline}"`).join(`content="${tagline}"`), plan.lessons);
  // Table of contents: the parts none of whose lessons are in the package.
  out = dropElements(out, 'section', 'data-toc-part-lessons', (ids) => !ids.split(',').some((id) => plan.lessons.includes(id)));
  if (file !== 'index.html') return out;
  out = dropElements(out, 'li', 'data-home-part-lessons', (ids) => !ids.split(',').some((id) => plan.lessons.includes(id)));
  // The element's text, and its interface-language mark (src/components/i18n.ts): a dictionary
  // word with its values, or for the package's title (course content) none, and lang="zh-CN".
  const replaceInner = (attr: string, text: string, mark: Record<string, string>) => {
    out = out.replace(new RegExp(`(<(\\w+)\\b[^>]*\\b${attr}\\b[^>]*>)[\\s\\S]*?(</\\2>)`), (_all, start: string, _tag: string, end: string) => {
      const bare = start.replace(/\s(?:data-i18n(?:-vars)?|lang)=(?:"[^"]*"|'[^']*')/g, '');
      const marks = Object.entries(mark).map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
      return `${bare.slice(0, -1)}${marks}>${escapeText(text)}${end}`;
    });
  };
  const count = plan.lessons.length;
  replaceInner('data-package-tagline', tagline, i18n('home.packageTagline', { count }));
  replaceInner('data-package-title', plan.title, zhCN());
  replaceInner('data-package-summary', t('home.lessonCount', { count, minutes: plan.minutes }), i18n('home.lessonCount', { count, minutes: plan.minutes }));
  return out;
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * In a lesson's text, a lesson outside the package named by its bare id ("见 P03") gets its
 * title ("P03《投诉处理不当》"): the learner cannot open it here, so the id alone says nothing.
 * Titles come from the course data embedded in the page; only text inside `.lesson-body` changes.
 */
export function nameForeignLessons(html: string, inPackage: readonly string[]): string {
  const data = /<script type="application\/json" id="course-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const start = html.search(/<div class="lesson-body\b/);
  if (!data || start < 0) return html;
  let titles: Map<string, string>;
  try {
    titles = new Map((JSON.parse(data) as { lessons: { id: string; title: string }[] }).lessons.map((l) => [l.id, l.title]));
  } catch {
    return html;
  }
  // The end of the lesson body: its matching </div>.
  const tags = /<div\b[^>]*>|<\/div>/g;
  tags.lastIndex = start;
  let depth = 0;
  let end = html.length;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) {
      end = m.index + m[0].length;
      break;
    }
  }
  const body = html
    .slice(start, end)
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part.replace(/\bP\d{2}\b(?!\s*《)/g, (id) => {
            const title = titles.get(id);
            return title && !inPackage.includes(id) ? `${id}《${escapeText(title)}》` : id;
          }),
    )
    .join('');
  return html.slice(0, start) + body + html.slice(end);
}
