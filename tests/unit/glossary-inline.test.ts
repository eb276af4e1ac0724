/**
 * Issue 13 item 6: glossary terms flagged for inline display (content/glossary.md) become, at
 * build time, a definition the learner opens by keyboard or tap (scripts/build/glossary-plugin.ts).
 */
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { GlossaryMatcher, glossaryHtml, glossaryPlugin } from '../../scripts/build/glossary-plugin.ts';
import { glossaryProblems, parseGlossary, readGlossary, type GlossaryEntry } from '../../scripts/content/glossary.ts';
import { repoRoot } from '../support/fixture-site.ts';

const GLOSSARY = `# 术语表

## 通用

| 术语 | English | 释义 |
|---|---|---|
| 触点 / 接触点 | touchpoint | 客户与企业发生接触的任何一个点。 |

## 五维度
<!-- 行内释义 -->

| 术语 | English | 释义 |
|---|---|---|
| 专业度 | professionalism | 正确、完整地解决问题的能力。 |
| 首次解决率 | first-contact resolution (FCR) | 第一次联系就解决的比例。 |
| 解决 | resolve | 一个很短的词，测试最长匹配。 |
`;

const inline = () => parseGlossary(GLOSSARY).filter((e) => e.inline);

describe('the glossary as data', () => {
  it('reads every row with its section, and flags only the marked sections for inline display', () => {
    const entries = parseGlossary(GLOSSARY);
    expect(entries.map((e) => [e.term, e.inline])).toEqual([
      ['触点 / 接触点', false],
      ['专业度', true],
      ['首次解决率', true],
      ['解决', true],
    ]);
    expect(entries[0]?.forms).toEqual(['触点', '接触点']);
  });

  it('a term defined twice is a problem naming both lines', () => {
    const twice = `${GLOSSARY}\n## 另一节\n\n| 术语 | English | 释义 |\n|---|---|---|\n| 专业度 | pro | 又一次定义。 |\n`;
    expect(glossaryProblems(parseGlossary(twice))).toEqual([expect.stringMatching(/line 2\d → "专业度" is already defined on line 1\d \(五维度\)/)]);
  });

  it('a definition that points at a source document breaks the voice rule, naming line and term', () => {
    const sourced = `${GLOSSARY}\n## 另一节\n\n| 术语 | English | 释义 |\n|---|---|---|\n| 百分点 | point | 两个百分比之差，照原资料用词。 |\n`;
    expect(glossaryProblems(parseGlossary(sourced))).toEqual([expect.stringMatching(/line \d+ → "百分点" \[voice-source-doc\]/)]);
  });

  it('the course glossary defines the five dimensions and FCR once, flagged for inline display', () => {
    const entries = readGlossary(repoRoot);
    expect(glossaryProblems(entries)).toEqual([]);
    expect(entries.filter((e) => e.inline).map((e) => e.term)).toEqual(expect.arrayContaining(['响应速度', '专业度', '记忆力', '主动性', '情感共鸣', '首次解决率']));
  });
});

/** A lesson through the build's own MDX pipeline (Sätteri) with the plugin; the compiled JSX as text. */
const compile = (mdx: string) => {
  const result = mdxToJs(mdx, { mdastPlugins: [glossaryPlugin(inline())] });
  // Synchronous with synchronous plugins (ours is).
  if (result instanceof Promise) throw new Error('expected a synchronous compile');
  return result.code;
};
const buttons = (code: string) => [...code.matchAll(/popovertarget: "(gloss-\d+)",\s*children: "([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);

describe('inline definitions in a lesson (the build plugin)', () => {
  it('wraps the first occurrence of each term only, as a popover button and its definition', () => {
    const code = compile('专业度决定首次解决率。\n\n再说一次专业度。\n');
    expect(buttons(code)).toEqual(['gloss-1 专业度', 'gloss-2 首次解决率']);
    expect(code).toMatch(/id: "gloss-1",\s*popover: "auto",\s*role: "note"/);
    expect(code).toContain('professionalism：正确、完整地解决问题的能力。');
    expect(code).toContain('"再说一次专业度。"');
  });

  it('the markup: a native button naming the term, its popover with the definition', () => {
    const [entry] = inline();
    const out = glossaryHtml(entry as never, '专业度', 'gloss-7');
    expect(out).toBe(
      '<span class="gloss"><button type="button" class="gloss-term" popovertarget="gloss-7">专业度</button>' +
        '<span class="gloss-pop" id="gloss-7" popover="auto" role="note"><strong>专业度</strong> professionalism：正确、完整地解决问题的能力。</span></span>',
    );
  });

  it('a short term inside a longer one does not split it', () => {
    const matcher = new GlossaryMatcher(inline());
    expect(matcher.split('首次解决率是关键，要解决。')?.map((s) => (typeof s === 'string' ? s : `[${s.form}]`))).toEqual(['[首次解决率]', '是关键，要', '[解决]', '。']);
  });

  it('leaves headings, links, code and the manager extension alone and wraps the next occurrence in running text', () => {
    const code = compile('## 专业度\n\n看[专业度](a2.html)与 `专业度`。\n\n<ForManagers title="x">\n\n专业度\n\n</ForManagers>\n\n这里才是专业度。\n');
    expect(buttons(code)).toEqual(['gloss-1 专业度']);
    expect(code).toMatch(/"这里才是",\s*_jsxs\("span"/);
  });

  it('finds terms inside emphasis and component children (P03 writes **专业度** in a callout)', () => {
    const code = compile('<Callout kind="info" title="t">\n\n体现**专业度**。\n\n</Callout>\n');
    expect(buttons(code)).toEqual(['gloss-1 专业度']);
  });

  it('escapes definitions: glossary text never becomes markup', () => {
    const entry = inline()[0] as GlossaryEntry;
    expect(glossaryHtml({ ...entry, definition: '<script>x</script> & "y"' }, '专业度', 'g')).toContain('&lt;script&gt;x&lt;/script&gt; &amp; &quot;y&quot;');
  });
});
