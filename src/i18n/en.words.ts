import { lmsUiEn } from './en.lms.ts';
import { persistenceUiEn } from './en.persistence.ts';
import { quizUiEn } from './en.quiz.ts';
import { roleplayUiEn } from './en.roleplay.ts';
import { selfUiEn } from './en.self.ts';
import { toolUiEn } from './en.tool-ui.ts';
import { toolsUiEn } from './en.tools.ts';
import { uiEn } from './en.ts';

/**
 * Every English word the pages and islands use, in one table (keys are unique across the
 * dictionaries: tests/unit/i18n-parity.test.ts). The chunk a page loads only for an English
 * interface (src/islands/language.ts); Chinese learners never download it.
 */
export const englishWords: Readonly<Record<string, string>> = { ...uiEn, ...quizUiEn, ...roleplayUiEn, ...lmsUiEn, ...persistenceUiEn, ...selfUiEn, ...toolUiEn, ...toolsUiEn };
