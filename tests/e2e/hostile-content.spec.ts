/**
 * Hostile titles (issue 9, item 10): a lesson and a part titled with `</script>`, a script and
 * `<!--` must stay text. Builds a fixture site from tests/fixtures/content/good with the two
 * titles swapped in (tests/fixtures/content/broken/), serves it under a deep path, and opens
 * a lesson with a SCORM 1.2 API in the window: the course data must parse, the injected script
 * must not run, and the course must open its LMS session.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readFrontmatter } from '../../scripts/lib/content-check.ts';
import { repoRoot, serveFixtureSite, type ServedSite } from '../support/fixture-site.ts';
import { expect, test } from './fixtures.ts';

const BROKEN = join(repoRoot, 'tests', 'fixtures', 'content', 'broken');
const lessonTitle = (readFrontmatter(readFileSync(join(BROKEN, 'lesson-title-script.mdx'), 'utf8')) as { title: string }).title;
const partTitle = (parseYaml(readFileSync(join(BROKEN, 'parts-title-script.yaml'), 'utf8')) as { title: string }[])[0]?.title ?? '';
const basePath = '/pluginfile.php/7/mod_scorm/content/3/';

let site: ServedSite | null = null;
let origin = '';

// One worker builds the site once; the tests share it.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  site = await serveFixtureSite('hostile-titles', {
    'content/lessons/P01.mdx': 'lesson-title-script.mdx',
    'content/parts.yaml': 'parts-title-script.yaml',
  }, basePath);
  origin = site.origin;
});

test.afterAll(async () => {
  await site?.close();
});

test.beforeEach(async ({ page }) => {
  // A minimal SCORM 1.2 LMS in the page's own window (the first place API discovery looks).
  await page.addInitScript(() => {
    const store: Record<string, string> = {};
    const calls: string[] = [];
    Object.assign(window, {
      lmsCalls: calls,
      API: {
        LMSInitialize: () => (calls.push('LMSInitialize'), 'true'),
        LMSFinish: () => (calls.push('LMSFinish'), 'true'),
        LMSGetValue: (key: string) => store[key] ?? '',
        LMSSetValue: (key: string, value: string) => {
          calls.push(`LMSSetValue ${key}`);
          store[key] = String(value);
          return 'true';
        },
        LMSCommit: () => (calls.push('LMSCommit'), 'true'),
        LMSGetLastError: () => '0',
        LMSGetErrorString: () => '',
        LMSGetDiagnostic: () => '',
      },
    });
  });
});

test('the fixture titles really are hostile', () => {
  for (const title of [lessonTitle, partTitle]) {
    expect(title).toContain('</script>');
    expect(title).toContain('<!--');
    expect(title).toContain('<script>window.injected=true</script>');
  }
});

for (const pageName of ['p01.html', 'index.html']) {
  test(`${pageName}: titles with </script> stay text, the course data parses and the LMS session opens`, async ({ page }) => {
    await page.goto(`${origin}${pageName}`);
    // The course opened its LMS session and reported the launch.
    await expect.poll(() => page.evaluate(() => (window as unknown as { lmsCalls: string[] }).lmsCalls), { timeout: 20_000 }).toContain('LMSInitialize');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { lmsCalls: string[] }).lmsCalls.some((c) => c.startsWith('LMSSetValue cmi.core.lesson_status'))), { timeout: 20_000 })
      .toBe(true);
    const data = await page.evaluate(() => JSON.parse(document.getElementById('course-data')?.textContent ?? 'null') as { lessons: { title: string }[]; parts: { title: string }[] } | null);
    expect(data?.lessons[0]?.title).toBe(lessonTitle);
    expect(data?.parts[0]?.title).toBe(partTitle);
    // The script inside the titles never ran, and exactly one course-data block exists.
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    expect(await page.locator('script#course-data').count()).toBe(1);
    if (pageName === 'p01.html') await expect(page.locator('h1')).toHaveText(lessonTitle);
  });
}
