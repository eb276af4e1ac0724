/**
 * Bad input the content check must stop before the build (issue 9, items 11–12): code in a
 * lesson, an oversized lesson, components outside the kit, invisible characters in ids.
 * Each case copies the good fixture and swaps in one file from tests/fixtures/content/broken/.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLessonSource, MAX_LESSON_BYTES } from '../../scripts/content/lesson-safety.ts';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';
import { LESSON_COMPONENT_NAMES } from '../../src/components/lesson/kit.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'content');
const GOOD = join(FIXTURES, 'good');
const BROKEN = join(FIXTURES, 'broken');
const roots: string[] = [];

/** The good fixture with `target` replaced by the broken fixture `name`. */
function withBroken(name: string, target: string): string {
  const root = mkdtempSync(join(tmpdir(), 'content-safety-'));
  roots.push(root);
  cpSync(GOOD, root, { recursive: true });
  cpSync(join(BROKEN, name), join(root, target));
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const LESSON = 'content/lessons/P01.mdx';

describe('lesson safety: code in a lesson', () => {
  it('rejects a <script> block, naming file, line and reason', () => {
    const { problems } = loadAndCheckContent(withBroken('lesson-script.mdx', LESSON));
    expect(problems).toEqual([
      `${LESSON}:20: body → <script> is not allowed in a lesson; lessons carry no code of their own`,
      `${LESSON}:20: body → <script> is not allowed in a lesson; lessons carry no code of their own`,
    ]);
  });

  it('rejects event-handler attributes on HTML and on kit components, and javascript: links', () => {
    const { problems } = loadAndCheckContent(withBroken('lesson-handlers.mdx', LESSON));
    expect(problems).toEqual([
      `${LESSON}:26: body → a javascript: URL is not allowed in a lesson`,
      `${LESSON}:18: body → event-handler attribute "onclick" on <div> is not allowed in a lesson`,
      `${LESSON}:20: body → event-handler attribute "onClick" on <Callout> is not allowed in a lesson`,
    ]);
  });

  it('rejects elements that embed, submit or redirect', () => {
    const body = '<iframe srcdoc="x"></iframe>\n\n<base href="https://example.org/">\n\n<meta http-equiv="refresh" content="0">\n';
    // The appended lines start right after the fixture's last line.
    const first = readFileSync(join(GOOD, LESSON), 'utf8').split('\n').length + 1;
    expect(checkLessonSource(LESSON, `${readFileSync(join(GOOD, LESSON), 'utf8')}\n${body}`)).toEqual([
      `${LESSON}:${first}: body → <iframe> is not allowed in a lesson; it embeds, submits or redirects`,
      `${LESSON}:${first + 2}: body → <base> is not allowed in a lesson; it embeds, submits or redirects`,
      `${LESSON}:${first + 4}: body → <meta> is not allowed in a lesson; it embeds, submits or redirects`,
    ]);
  });

  it('rejects import and export lines', () => {
    const source = `${readFileSync(join(GOOD, LESSON), 'utf8')}\nimport X from '../../src/x.ts';\n\nexport const y = 1;\n`;
    const first = readFileSync(join(GOOD, LESSON), 'utf8').split('\n').length + 1;
    expect(checkLessonSource(LESSON, source)).toEqual([
      `${LESSON}:${first}: body → import lines are not allowed in a lesson; the component kit needs no import`,
      `${LESSON}:${first + 2}: body → export lines are not allowed in a lesson; the component kit needs no import`,
    ]);
  });

  it('ignores code shown as code and text inside attribute values', () => {
    const source = [
      readFileSync(join(GOOD, LESSON), 'utf8'),
      '```html',
      '<script>shown, not run</script> <Unknown onclick="x">',
      '```',
      '',
      '行内代码 `<script>` 也只是文字。',
      '',
      '<Callout kind="tip" title="别写 <Chart onclick=x>">',
      '',
      '正文。',
      '',
      '</Callout>',
      '',
      '<Steps title="步骤" items={["一 <b>", "二 onload=x"]} />',
    ].join('\n');
    expect(checkLessonSource(LESSON, source)).toEqual([]);
  });
});

describe('lesson safety: size', () => {
  it(`rejects a lesson over ${MAX_LESSON_BYTES} bytes (a 2 MB one here)`, () => {
    const root = withBroken('../good/content/lessons/P01.mdx', LESSON);
    writeFileSync(join(root, LESSON), `${readFileSync(join(GOOD, LESSON), 'utf8')}\n${'服务'.repeat(350_000)}\n`);
    const problems = loadAndCheckContent(root).problems.filter((p) => p.includes('limit'));
    expect(problems).toEqual([`${LESSON}: (file) → 2051 KB is over the 60 KB limit for one lesson; split it into two lessons or move material out`]);
  });

  it('leaves real lessons ample room (each under half the limit)', () => {
    const dir = join(import.meta.dirname, '..', '..', 'content', 'lessons');
    const sizes = readdirSync(dir).map((f) => statSync(join(dir, f)).size);
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeLessThan(MAX_LESSON_BYTES / 2);
  });
});

describe('lesson safety: components outside the kit', () => {
  it('names the .mdx file, the line and the kit for an unknown component', () => {
    const { problems } = loadAndCheckContent(withBroken('lesson-unknown-component.mdx', LESSON));
    const kit = LESSON_COMPONENT_NAMES.join(', ');
    expect(problems).toEqual([
      `${LESSON}:18: body → unknown component <KeyFigures>; the lesson kit has ${kit}`,
      `${LESSON}:20: body → unknown component <Chart>; the lesson kit has ${kit}`,
    ]);
  });

  it('accepts every component of the kit (the list the MDX wiring is typed against)', () => {
    const body = LESSON_COMPONENT_NAMES.map((name) => `<${name} />`).join('\n\n');
    expect(checkLessonSource(LESSON, `${readFileSync(join(GOOD, LESSON), 'utf8')}\n${body}\n`)).toEqual([]);
  });
});

describe('invisible characters in ids and fields', () => {
  it('names the file and field of a zero-width space, with no follow-on messages', () => {
    const { problems } = loadAndCheckContent(withBroken('scenario-invisible-id.yaml', 'scenarios/p01-demo.yaml'));
    expect(problems).toEqual([
      'scenarios/p01-demo.yaml: id → contains an invisible character U+200B ("p01-demo"); delete it',
      'scenarios/p01-demo.yaml: nodes.0.id → contains an invisible character U+200B ("n1"); delete it',
    ]);
  });

  it('names the field of a part in parts.yaml the way the schema does', () => {
    const root = withBroken('../good/content/parts.yaml', 'content/parts.yaml');
    const path = join(root, 'content/parts.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('id: part1', 'id: part\u200b1'));
    expect(loadAndCheckContent(root).problems).toEqual(['content/parts.yaml: [0].id → contains an invisible character U+200B ("part1"); delete it']);
  });

  it.each([
    ['U+200D', '\u200d'],
    ['U+FEFF', '\ufeff'],
    ['U+202E', '\u202e'],
    ['U+2028', '\u2028'],
    ['U+00AD', '\u00ad'],
  ])('reports %s in a lesson frontmatter id reference', (code, char) => {
    const root = withBroken('../good/content/lessons/P01.mdx', LESSON);
    const path = join(root, LESSON);
    writeFileSync(path, readFileSync(path, 'utf8').replace('quiz: p01', `quiz: p0${char}1`));
    expect(loadAndCheckContent(root).problems).toEqual([`${LESSON}: quiz → contains an invisible character ${code} ("p01"); delete it`]);
  });
});
