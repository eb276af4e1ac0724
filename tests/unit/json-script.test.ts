/**
 * Course data embedded in pages (issue 9, item 10): one serialiser, safe inside a <script>
 * block, used by every page. tests/e2e/hostile-content.spec.ts builds a site whose titles hold
 * `</script>` and proves the page still opens an LMS session.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/site/json-script.ts';

const root = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
  });
}

describe('jsonForScript', () => {
  it('escapes what could end or confuse a script block, and parses back to the same value', () => {
    const title = '期望</script><script>alert(1)</script><!-- <SCRIPT> & \u2028\u2029';
    const text = jsonForScript({ title });
    expect(text).toBe(
      '{"title":"期望\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!-- \\u003cSCRIPT\\u003e \\u0026 \\u2028\\u2029"}',
    );
    expect(JSON.parse(text)).toEqual({ title });
  });

  it('round-trips any JSON value and never emits < > & U+2028 U+2029', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = jsonForScript(value);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a value with no JSON form', () => {
    expect(() => jsonForScript(undefined)).toThrow(/no JSON form/);
  });
});

/**
 * The only other set:html allowed: HTML Astro itself has just rendered (escaped) from a slot and
 * re-emits after adding heading ids — never data. File → the expression it may pass.
 */
const RENDERED_HTML: Record<string, string[]> = {
  [join('src', 'components', 'shell', 'LessonSections.astro')]: ['html'],
};

describe('pages embed JSON only through jsonForScript', () => {
  const pages = filesUnder(join(root, 'src'), /\.(astro|tsx)$/);

  it('finds the page templates', () => {
    expect(pages.map((p) => relative(root, p))).toContain(join('src', 'layouts', 'CourseLayout.astro'));
  });

  it.each(pages.map((p) => [relative(root, p), p]))('%s: every set:html and JSON script block goes through jsonForScript', (_name, path) => {
    const source = readFileSync(path, 'utf8');
    const allowed = RENDERED_HTML[relative(root, path)] ?? [];
    const raw = [...source.matchAll(/set:html=\{([^}]*)\}/g)]
      .map((m) => m[1] as string)
      .filter((expr) => !/^jsonForScript\(/.test(expr.trim()) && !allowed.includes(expr.trim()));
    expect(raw, 'set:html with anything but jsonForScript(…)').toEqual([]);
    for (const block of source.matchAll(/<script[^>]*type="application\/json"[^>]*>/g))
      expect(block[0], 'a JSON script block must be filled with set:html={jsonForScript(…)}').toMatch(/set:html=\{jsonForScript\(/);
    expect(source, 'no define:vars (it inlines values into a script)').not.toMatch(/define:vars/);
  });
});
