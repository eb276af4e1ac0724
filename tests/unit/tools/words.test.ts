/**
 * The tools' words in an English interface (issue 18 point 7): interface words have English and are
 * looked up in the active language; the preset examples are course text (Chinese only, never in
 * the English table) and are marked zh-CN where shown; the English words reach the browser's
 * English table (en.words.ts).
 */
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { $uiLanguage, addEnglish } from '../../../src/i18n/active.ts';
import { toolsUiEn } from '../../../src/i18n/en.tools.ts';
import { englishWords } from '../../../src/i18n/en.words.ts';
import { exampleWord, toolExamples, toolsUi } from '../../../src/i18n/zh-CN.tools.ts';
import { fillNodes, Text, textLang, tw } from '../../../src/islands/tools/words.tsx';

const HAN = /\p{Script=Han}/u;

afterEach(() => $uiLanguage.set('zh-CN'));

describe('interface words and examples', () => {
  it('split into two tables with no key in both', () => {
    expect(Object.keys(toolsUi).filter((k) => Object.hasOwn(toolExamples, k))).toEqual([]);
  });

  it('every example is Chinese course text with no English word', () => {
    for (const [key, value] of Object.entries(toolExamples)) {
      expect(value, key).toMatch(HAN);
      expect(Object.hasOwn(englishWords, key), `${key} has an English word`).toBe(false);
    }
  });

  it('every interface word of the tools is in the English table the browser loads', () => {
    for (const key of Object.keys(toolsUi)) expect(englishWords[key], key).toBe(toolsUiEn[key as keyof typeof toolsUiEn]);
  });

  it('the islands read interface words in the active language; examples stay Chinese', () => {
    addEnglish(englishWords);
    expect(tw('tools.sfmea.col.failure')).toBe(toolsUi['tools.sfmea.col.failure']);
    $uiLanguage.set('en');
    expect(tw('tools.sfmea.col.failure')).toBe(toolsUiEn['tools.sfmea.col.failure']);
    expect(tw('tools.self.level.part', { part: 3 })).toBe('Part 3');
    expect(exampleWord('tools.sfmea.hotel-checkin.h1.step')).toBe(toolExamples['tools.sfmea.hotel-checkin.h1.step']);
    expect(exampleWord('tools.sfmea.nowhere')).toBe('tools.sfmea.nowhere');
  });
});

describe('the language of text from outside the dictionaries', () => {
  it('is zh-CN for Chinese text and the interface’s language otherwise (never left out: Preact would leave lang="")', () => {
    expect(textLang('Queue at the front desk')).toBe('zh-CN');
    $uiLanguage.set('en');
    expect(textLang(toolExamples['tools.pain.hotel-checkin.h1'])).toBe('zh-CN');
    expect(textLang('Queue at the front desk')).toBe('en');
    expect(textLang('')).toBe('en');
  });

  it('marks a preset line inside an English sentence', () => {
    const name = toolExamples['tools.sfmea.preset.clinic-registration'];
    const html = render(h('p', null, fillNodes('You are looking at “{name}”, {other}.', { name: h(Text, { value: name }) })));
    expect(html).toBe(`<p>You are looking at “<span lang="zh-CN">${name}</span>”, {other}.</p>`);
    $uiLanguage.set('en');
    expect(render(h(Text, { value: 'My own step' }))).toBe('<span lang="en">My own step</span>');
  });
});
