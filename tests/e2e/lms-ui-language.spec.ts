/**
 * English interface from the LMS (issue 18 point 7): an LMS that sets the learner's language to
 * English (SCORM 1.2 cmi.student_preference.language, 2004 cmi.learner_preference.language; the
 * preview sets it with `&lang=en`) gets the shell, LMS status, quiz and role-play in English,
 * `<html lang="en">`, while the lesson stays Chinese and is marked `lang="zh-CN"`. The words are
 * the dictionaries' (tests/support/ui-words.ts), never copied.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { answerQuestion, questionOf } from '../support/journey.ts';
import { word, wordPattern } from '../support/ui-words.ts';
import { axeViolations, expect, test } from './fixtures.ts';
import { courseFrame, newLearner, openLesson, packageFile } from './lms-helpers.ts';

const frontmatter = (file: string) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '') as { title: string; summary: string };
const p01 = frontmatter('content/lessons/P01.mdx');
const en = (key: string, vars?: Record<string, string | number>) => word('en', key, vars);

for (const version of ['1.2', '2004'] as const) {
  test(`SCORM ${version}: the LMS asks for English → shell, LMS status, quiz and role-play in English; the lesson stays zh-CN`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`player.html?pkg=${packageFile(version)}&learner=${newLearner(`en${version}`)}&profile=clean&lang=en`);
    const frame = await courseFrame(page);
    await expect(frame.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
    // Shell: navigation, progress and the LMS status.
    await expect(frame.getByTestId('toc-open')).toHaveText(new RegExp(en('nav.toc')));
    await expect(frame.getByTestId('progress-text')).toHaveText(wordPattern('en', 'progress.summary'));
    await expect(frame.getByTestId('lms-mode')).toContainText(en(`lms.mode.scorm${version === '1.2' ? '12' : '2004'}`));
    await expect(frame.getByTestId('lms-exit')).toHaveText(en('lms.exit'));
    // The package's home: its tagline and size in English, its title (course content) marked Chinese.
    await expect(frame.locator('[data-package-tagline]')).toHaveText(wordPattern('en', 'home.packageTagline'));
    await expect(frame.locator('[data-package-summary]')).toHaveText(wordPattern('en', 'home.lessonCount'));
    await expect(frame.locator('[data-package-title]')).toHaveAttribute('lang', 'zh-CN');

    await openLesson(frame, 'P01');
    await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
    await expect(frame.locator('#objectives-title')).toHaveText(en('lesson.objectives'));
    await expect(frame.getByTestId('next')).toContainText(en('nav.next'));
    // The lesson itself: Chinese, marked as such.
    await expect(frame.locator('.lesson-header h1')).toHaveText(p01.title);
    await expect(frame.locator('.lesson-header h1')).toHaveAttribute('lang', 'zh-CN');
    await expect(frame.locator('.lesson-body')).toHaveAttribute('lang', 'zh-CN');
    await expect(frame.locator('.lesson-header .summary')).toHaveText(p01.summary);

    // The role-play: start, one reply, played to its end.
    const rp = frame.locator('section.rp');
    await rp.scrollIntoViewIfNeeded();
    await rp.getByRole('button', { name: en('roleplay.start') }).click({ timeout: 30_000 });
    await expect(rp.getByText(en('roleplay.yourTurn'))).toBeVisible();
    const firstChoice = rp.locator('.rp-choice').first();
    await expect(firstChoice).toHaveAttribute('lang', 'zh-CN');
    for (let turn = 0; turn < 30 && !(await rp.locator('.rp-end').isVisible()); turn++) {
      await rp.locator('.rp-choice').first().click({ timeout: 20_000 }).catch(() => undefined);
    }
    await expect(rp.locator('.rp-end')).toBeVisible();
    await expect(rp.locator('.rp-result-title')).toHaveText(en('roleplay.result'));
    await expect(rp.locator('.rp-outcome-line')).toContainText(en('roleplay.outcomeLabel'));
    await expect(rp.locator('.rp-closing')).toHaveAttribute('lang', 'zh-CN');

    // The knowledge check: start, answer, submit, results.
    const quiz = frame.locator('section.quiz[data-quiz="p01"]');
    await quiz.scrollIntoViewIfNeeded();
    const kind = en('quiz.kind.bank');
    await quiz.getByRole('button', { name: en('quiz.start', { kind }) }).click({ timeout: 30_000 });
    for (let n = 1; n < 50 && !(await quiz.locator('.quiz-results').isVisible()); n++) {
      const question = quiz.locator('.quiz-question');
      await expect(question.locator('.quiz-qhead')).toHaveText(wordPattern('en', 'quiz.progress'));
      await expect(question.locator('.quiz-prompt')).toHaveAttribute('lang', 'zh-CN');
      const q = questionOf('p01', (await question.getAttribute('data-qkey')) as string);
      await answerQuestion(question, q, true);
      await quiz.getByRole('button', { name: en('quiz.check') }).click();
      await expect(quiz.locator('.quiz-verdict')).toHaveText(new RegExp(en('quiz.verdict.correct')));
      await quiz.getByRole('button', { name: new RegExp(`^(${en('quiz.next')}|${en('quiz.finish')})$`) }).click();
    }
    await expect(quiz.locator('.quiz-score')).toContainText(en('quiz.score', { score: 100 }));
    await expect(quiz.locator('.quiz-results')).toContainText(en('quiz.results', { kind }));

    await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
    // The course in English (the preview's own inspector around it is checked by lms-preview.spec.ts).
    expect(await axeViolations(page, 'iframe')).toEqual([]);
  });
}
