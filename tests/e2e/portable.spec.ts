import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

// Root-absolute URLs ("/x", not "//host") in attributes, CSS url() and JS import specifiers.
const ROOT_ABSOLUTE = [
  /\s(?:href|src|component-url|renderer-url|action|poster|srcset)="\/(?!\/)[^"]*"/g,
  /url\(\s*['"]?\/(?!\/)[^)'"]*/g,
  /(?:import\(|from)\s*["'`]\/(?!\/)[^"'`]*/g,
  /["'`]\/_astro\/[^"'`]*/g,
  // Vite's preload helper: dependency lists resolved against the site root.
  /__vite__mapDeps=[^;]*["'`]_astro\/[^;]*/g,
  /return\s*["'`]\/["'`]\s*\+/g,
];

test('the built output contains no root-absolute URL', () => {
  const found: string[] = [];
  for (const file of files('dist')) {
    if (file.includes(`${join('dist', 'packages')}`)) continue;
    if (!/\.(html|css|js|mjs|json|svg)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of ROOT_ABSOLUTE) for (const match of text.matchAll(pattern)) found.push(`${file}: ${match[0].slice(0, 80)}`);
  }
  expect(found).toEqual([]);
});

test('links name explicit .html files, never directories', () => {
  const bad: string[] = [];
  for (const file of files('dist')) {
    if (!file.endsWith('.html') || file.includes(join('dist', 'packages'))) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/<a\s[^>]*href="([^"#]*)(#[^"]*)?"/g)) {
      const href = match[1] ?? '';
      if (href === '' || /^(https?:|mailto:)/.test(href)) continue;
      if (!/\.html$/.test(href)) bad.push(`${file}: href="${href}"`);
    }
  }
  expect(bad).toEqual([]);
});

// Astro adds a component's scoped class (astro-xxxxxxxx) to an object spread into an element; a
// shared object gathered every component's class and carried them onto every later element
// (index.html was 712 KB, 588 KB of it such classes). One element, one scope class at most, and
// one class attribute.
test('no element carries another component\'s scope class or two class attributes', () => {
  const bad: string[] = [];
  for (const file of files('dist')) {
    if (!file.endsWith('.html') || file.includes(join('dist', 'packages'))) continue;
    const text = readFileSync(file, 'utf8');
    for (const tag of text.matchAll(/<[a-z][\w-]*\s[^>]*>/g)) {
      const classes = [...tag[0].matchAll(/\sclass="([^"]*)"/g)].map((m) => m[1] ?? '');
      const scopes = new Set(classes.join(' ').split(/\s+/).filter((c) => /^astro-[a-z0-9]{8}$/.test(c)));
      if (classes.length > 1 || scopes.size > 1) bad.push(`${file}: ${tag[0].slice(0, 120)}`);
    }
  }
  expect(bad.slice(0, 5), `${bad.length} element(s)`).toEqual([]);
});

// Lesson pages are loaded from the same deep sub-path, islands hydrated, under the same 404 guard in
// lessons.spec.ts; here every other page.
const lessonPages = new Set(readdirSync('content/lessons').map((f) => f.replace(/\.mdx$/, '').toLowerCase() + '.html'));

test('every page loads from the deep sub-path with no 404', async ({ page }) => {
  const pages = readdirSync('dist').filter((f) => f.endsWith('.html') && !lessonPages.has(f));
  expect(pages.length, 'non-lesson pages (home, parts, assessments, certificate, practice)').toBeGreaterThan(5);
  for (const file of pages) {
    await page.goto(file);
    await page.waitForLoadState('networkidle');
  }
});
