/**
 * Issue 18 point 5: the pure parts of the reading aids — the lesson's sections read from its
 * rendered body (src/site/lesson-sections.ts) and the minutes left (src/engine/reading.ts).
 */
import { describe, expect, it } from 'vitest';
import { minutesLeft, readingFraction } from '../../src/engine/reading.ts';
import { htmlText, lessonSections, scrollableTables, shortTitle } from '../../src/site/lesson-sections.ts';

describe('lesson sections', () => {
  const body = [
    '<p>导语</p>',
    '<h2 id="识别a">识别：效率上去了，<a href="#x">满意度</a>下来了</h2><p>…</p>',
    '<h3 id="sub">小节</h3>',
    '<h2 id="案例b">案例：“房间”马上就好 &amp; 之后</h2>',
    '<section class="takeaways"><h2 data-astro-cid-x>要点回顾</h2></section>',
    '<section class="job-aid"><h2 id="job-aid-checklist" data-astro-cid-y>温暖转接检查单</h2></section>',
  ].join('');

  it('lists every h2 in order, with its text, and not the h3s', () => {
    const { sections } = lessonSections(body);
    expect(sections.map((s) => s.title)).toEqual(['识别：效率上去了，满意度下来了', '案例：“房间”马上就好 & 之后', '要点回顾', '温暖转接检查单']);
    expect(sections.map((s) => s.short)).toEqual(['识别', '案例', '要点回顾', '温暖转接检查单']);
    expect(sections[0]?.id).toBe('识别a');
    expect(sections[3]?.id).toBe('job-aid-checklist');
  });

  it('gives a heading without an id a stable one, and puts it in the body', () => {
    const first = lessonSections(body);
    const takeaways = first.sections[2];
    expect(takeaways?.id).toMatch(/^section-/);
    expect(first.html).toContain(`<h2 id="${takeaways?.id}" data-astro-cid-x>要点回顾</h2>`);
    expect(lessonSections(body).sections[2]?.id).toBe(takeaways?.id);
    // The body is otherwise unchanged.
    expect(first.html.replace(` id="${takeaways?.id}"`, '')).toBe(body);
  });

  it('two headings with the same words get different ids', () => {
    const { sections } = lessonSections('<h2>要点回顾</h2><h2>要点回顾</h2>');
    expect(new Set(sections.map((s) => s.id)).size).toBe(2);
  });

  it('decodes character references and drops tags', () => {
    expect(htmlText('<em>A</em> &lt;b&gt; &#x4E2D;&#25991; &quot;x&quot;')).toBe('A <b> 中文 "x"');
    expect(shortTitle('本课程怎么学')).toBe('本课程怎么学');
    expect(shortTitle('态度的账本：数字怎么说')).toBe('态度的账本');
  });
});

describe('minutes left', () => {
  it('counts down from the lesson minutes as the reader scrolls', () => {
    expect(minutesLeft(17, 0)).toBe(17);
    expect(minutesLeft(17, 0.5)).toBe(9);
    expect(minutesLeft(10, 0.5)).toBe(5);
    expect(minutesLeft(10, 0.95)).toBe(1);
    expect(minutesLeft(10, 0.999)).toBe(1);
    expect(minutesLeft(10, 1)).toBe(0);
    expect(minutesLeft(0, 0.2)).toBe(0);
  });

  it('places the scroll position between the top and the end of the lesson', () => {
    expect(readingFraction(0, 0, 1000)).toBe(0);
    expect(readingFraction(250, 0, 1000)).toBe(0.25);
    expect(readingFraction(1200, 0, 1000)).toBe(1);
    expect(readingFraction(-30, 0, 1000)).toBe(0);
    // A lesson shorter than the window: read as soon as it is open.
    expect(readingFraction(0, 0, -200)).toBe(1);
  });
});

describe('lesson tables that scroll on a phone are keyboard-reachable (axe scrollable-region-focusable)', () => {
  it('every table becomes a tab stop, once', () => {
    const html = scrollableTables('<p>x</p><table><tr><td>1</td></tr></table><TABLE class="a"></TABLE><table tabindex="-1"></table>');
    expect(html).toBe('<p>x</p><table tabindex="0"><tr><td>1</td></tr></table><table tabindex="0" class="a"></TABLE><table tabindex="-1"></table>');
  });
});
