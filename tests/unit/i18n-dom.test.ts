/**
 * The page's words switch language and back (src/i18n/dom.ts), over a minimal stand-in for the
 * DOM (the project runs unit tests in Node without a DOM library): text of `data-i18n`
 * elements with their vars, `data-i18n-attr` attributes with per-attribute vars, "@key" vars,
 * and the Chinese originals restored exactly.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/dom.ts';
import { uiEn } from '../../src/i18n/en.ts';
import { t } from '../../src/i18n/zh-CN.ts';

class FakeElement {
  textContent: string;
  private attributes: Map<string, string>;
  constructor(attributes: Record<string, string>, text = '') {
    this.attributes = new Map(Object.entries(attributes));
    this.textContent = text;
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
}

function page(elements: FakeElement[]) {
  return {
    querySelectorAll: (selector: string) => elements.filter((e) => e.getAttribute(selector.slice(1, -1)) !== null),
  } as unknown as ParentNode;
}

describe('switching the page words', () => {
  it('rewrites marked text and attributes into English and restores the Chinese', () => {
    const next = new FakeElement({ 'data-i18n': 'nav.next' }, t('nav.next'));
    const minutes = new FakeElement({ 'data-i18n': 'lesson.minutes', 'data-i18n-vars': JSON.stringify({ minutes: 12 }) }, t('lesson.minutes', { minutes: 12 }));
    const strings = new FakeElement({
      'data-progress': t('progress.summary'),
      'aria-label': t('progress.label'),
      'data-i18n-attr': 'data-progress:progress.summary;aria-label:progress.label',
    });
    const print = new FakeElement({ 'data-i18n': 'jobaid.print', 'data-i18n-vars': JSON.stringify({ kind: '@jobaid.kind.script' }) }, t('jobaid.print', { kind: t('jobaid.kind.script') }));
    const hint = new FakeElement({ 'data-i18n-attr': 'data-scorm12:lms.mode.lmsHint', 'data-i18n-attr-vars': JSON.stringify({ 'data-scorm12': { version: 'SCORM 1.2' } }), 'data-scorm12': 'zh' });
    const content = new FakeElement({ lang: 'zh-CN' }, '课程正文');
    const root = page([next, minutes, strings, print, hint, content]);
    const words = { ...uiEn, 'lms.mode.lmsHint': 'Saved to the platform ({version}).' };

    translate(root, words);
    expect(next.textContent).toBe(uiEn['nav.next']);
    expect(next.getAttribute('lang')).toBe('en');
    expect(minutes.textContent).toBe(uiEn['lesson.minutes'].replace('{minutes}', '12'));
    // A template the shell fills later stays a template.
    expect(strings.getAttribute('data-progress')).toBe(uiEn['progress.summary']);
    expect(strings.getAttribute('aria-label')).toBe(uiEn['progress.label']);
    expect(print.textContent).toBe(uiEn['jobaid.print'].replace('{kind}', uiEn['jobaid.kind.script']));
    expect(hint.getAttribute('data-scorm12')).toBe('Saved to the platform (SCORM 1.2).');
    expect(content.textContent).toBe('课程正文');

    translate(root, null);
    expect(next.textContent).toBe(t('nav.next'));
    expect(next.getAttribute('lang')).toBeNull();
    expect(minutes.textContent).toBe(t('lesson.minutes', { minutes: 12 }));
    expect(strings.getAttribute('data-progress')).toBe(t('progress.summary'));
    expect(strings.getAttribute('aria-label')).toBe(t('progress.label'));
    expect(print.textContent).toBe(t('jobaid.print', { kind: t('jobaid.kind.script') }));
    expect(hint.getAttribute('data-scorm12')).toBe('zh');
  });

  it('leaves a word it does not know as it is', () => {
    const unknown = new FakeElement({ 'data-i18n': 'no.such.key' }, '原文');
    translate(page([unknown]), uiEn);
    expect(unknown.textContent).toBe('原文');
  });
});
