/**
 * The English interface has every word the Chinese one has (issue 18 point 7: "no missing keys,
 * checked by a test that fails on a missing key"): each zh-CN dictionary the pages use and its
 * en sibling have the same keys and the same `{placeholders}`, and no English string is empty
 * or still Chinese.
 */
import { describe, expect, it } from 'vitest';
import { DIMENSION_NAMES_EN } from '../../src/i18n/en.dimensions.ts';
import { lmsUiEn } from '../../src/i18n/en.lms.ts';
import { CRITICAL_NAMES_EN, OUTCOME_NAMES_EN } from '../../src/i18n/en.outcomes.ts';
import { persistenceUiEn } from '../../src/i18n/en.persistence.ts';
import { quizUiEn } from '../../src/i18n/en.quiz.ts';
import { roleplayUiEn } from '../../src/i18n/en.roleplay.ts';
import { selfUiEn } from '../../src/i18n/en.self.ts';
import { toolUiEn } from '../../src/i18n/en.tool-ui.ts';
import { toolsUiEn } from '../../src/i18n/en.tools.ts';
import { uiEn } from '../../src/i18n/en.ts';
import { DIMENSION_NAMES } from '../../src/i18n/zh-CN.dimensions.ts';
import { lmsUi } from '../../src/i18n/zh-CN.lms.ts';
import { CRITICAL_NAMES, OUTCOME_NAMES } from '../../src/i18n/zh-CN.outcomes.ts';
import { persistenceUi } from '../../src/i18n/zh-CN.persistence.ts';
import { quizUi } from '../../src/i18n/zh-CN.quiz.ts';
import { roleplayUi } from '../../src/i18n/zh-CN.roleplay.ts';
import { selfUi } from '../../src/i18n/zh-CN.self.ts';
import { toolUi } from '../../src/i18n/zh-CN.tool-ui.ts';
import { toolsUi } from '../../src/i18n/zh-CN.tools.ts';
import { ui } from '../../src/i18n/zh-CN.ts';

type Table = Readonly<Record<string, string>>;

const PAIRS: [string, Table, Table][] = [
  ['zh-CN.ts / en.ts', ui, uiEn],
  ['zh-CN.quiz.ts / en.quiz.ts', quizUi, quizUiEn],
  ['zh-CN.roleplay.ts / en.roleplay.ts', roleplayUi, roleplayUiEn],
  ['zh-CN.lms.ts / en.lms.ts', lmsUi, lmsUiEn],
  ['zh-CN.persistence.ts / en.persistence.ts', persistenceUi, persistenceUiEn],
  ['zh-CN.self.ts / en.self.ts', selfUi, selfUiEn],
  ['zh-CN.tool-ui.ts / en.tool-ui.ts', toolUi, toolUiEn],
  ['zh-CN.tools.ts / en.tools.ts (the tools\' engine words)', toolsUi, toolsUiEn],
  ['zh-CN.dimensions.ts / en.dimensions.ts', DIMENSION_NAMES, DIMENSION_NAMES_EN],
  ['zh-CN.outcomes.ts / en.outcomes.ts (outcomes)', OUTCOME_NAMES, OUTCOME_NAMES_EN],
  ['zh-CN.outcomes.ts / en.outcomes.ts (critical)', CRITICAL_NAMES, CRITICAL_NAMES_EN],
];

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
/** Keys whose English value is Chinese on purpose: the course title is the product's name. */
const CHINESE_ON_PURPOSE = new Set(['course.title']);

/** Every way an English table falls short of its Chinese sibling, one line each. */
export function parityProblems(name: string, zh: Table, en: Table): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(zh)) {
    if (!(key in en)) problems.push(`${name}: key "${key}" missing in English`);
    else if (placeholders(zh[key] as string).join() !== placeholders(en[key] as string).join())
      problems.push(`${name}: key "${key}" placeholders {${placeholders(zh[key] as string).join('}, {')}} ≠ {${placeholders(en[key] as string).join('}, {')}}`);
    else if (!(en[key] as string).trim()) problems.push(`${name}: key "${key}" is empty in English`);
    else if (CJK.test(en[key] as string) && !CHINESE_ON_PURPOSE.has(key)) problems.push(`${name}: key "${key}" is still Chinese in English`);
  }
  for (const key of Object.keys(en)) if (!(key in zh)) problems.push(`${name}: key "${key}" only in English`);
  return problems;
}

describe('English dictionaries', () => {
  for (const [name, zh, en] of PAIRS) {
    it(`${name}: same keys, same placeholders, English words`, () => {
      expect(parityProblems(name, zh, en)).toEqual([]);
    });
  }

  it('fails on a missing key, a changed placeholder and an extra key (the check can fail)', () => {
    const { 'nav.next': _dropped, ...missingOne } = uiEn;
    expect(parityProblems('copy', ui, missingOne)).toEqual(['copy: key "nav.next" missing in English']);
    expect(parityProblems('copy', quizUi, { ...quizUiEn, 'quiz.progress': 'Question {n}' })).toEqual([
      'copy: key "quiz.progress" placeholders {n}, {total} ≠ {n}',
    ]);
    expect(parityProblems('copy', lmsUi, { ...lmsUiEn, 'lms.extra': 'x' })).toEqual(['copy: key "lms.extra" only in English']);
    expect(parityProblems('copy', selfUi, { ...selfUiEn, 'self.kind': '自评' })).toEqual(['copy: key "self.kind" is still Chinese in English']);
  });

  it('no key is used by two dictionaries (the browser swap merges them into one table)', () => {
    const seen = new Map<string, string>();
    for (const [name, zh] of PAIRS.slice(0, 8)) {
      for (const key of Object.keys(zh)) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });
});
