import type { Locator, Page } from '@playwright/test';
import { correctResponse } from '../../src/engine/quiz/score.ts';
import type { RuntimeQuestion } from '../../src/engine/quiz/runtime.ts';
import { banks, questionOf, wrongResponse } from '../support/journey.ts';
import { anyOf, zh, zhPattern } from '../support/ui-words.ts';
import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

const START_BANK = zh('quiz.start', { kind: zh('quiz.kind.bank') });
const START_ASSESSMENT = zh('quiz.start', { kind: zh('quiz.kind.assessment') });
const SUBMIT_ASSESSMENT = zh('quiz.submit', { kind: zh('quiz.kind.assessment') });

/** Answers one rendered question with the mouse (the keyboard test below uses keys only). */
async function answerWith(question: Locator, q: RuntimeQuestion, response: string[]) {
  if (q.type === 'ordering') {
    for (let i = 0; i < response.length; i++) {
      const order = await question.locator('li[data-item]').evaluateAll((items) => items.map((li) => li.getAttribute('data-item')));
      const id = response[i] as string;
      for (let at = order.indexOf(id); at > i; at--) await question.locator(`li[data-item="${id}"] button[data-focus$="-up"]`).click();
    }
  } else if (q.type === 'matching') {
    for (const pair of response) {
      const [left, right] = pair.split(':') as [string, string];
      await question.locator(`select[id$="-${left}"]`).selectOption(right);
    }
  } else {
    for (const id of response) await question.locator(`input[value="${id}"]`).check();
  }
}

async function answerVisible(page: Page, quizId: string, right: boolean) {
  const questions = page.locator('.quiz-question');
  for (let i = 0; i < (await questions.count()); i++) {
    const element = questions.nth(i);
    const q = questionOf(quizId, (await element.getAttribute('data-qkey')) as string);
    let response = right ? correctResponse(q) : wrongResponse(q);
    if (q.type === 'ordering' && !right) {
      // An ordering answer needs a move: if the shuffle already shows our wrong order, use another.
      const shown = await element.locator('li[data-item]').evaluateAll((items) => items.map((li) => li.getAttribute('data-item')));
      if (shown.join() === response.join()) response = [...correctResponse(q).slice(1), correctResponse(q)[0] as string];
    }
    await answerWith(element, q, response);
  }
}

async function storedQuiz(page: Page, quizId: string) {
  return page.evaluate((id) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('spc:'));
    return key ? JSON.parse(localStorage.getItem(key) ?? '{}').state.quizzes[id] : undefined;
  }, quizId);
}

/** Presses Tab until the focused element matches `selector` (and contains `text`). */
async function tabTo(page: Page, selector: string, text = '') {
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(
      ([sel, txt]) => !!document.activeElement?.matches(sel as string) && (document.activeElement?.textContent ?? '').includes(txt as string),
      [selector, text],
    );
    if (hit) return;
  }
  throw new Error(`Tab never reached ${selector} ${text}`);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-focus') ?? document.activeElement?.tagName);

test.describe('quiz', () => {
  test("P01's knowledge check can be completed by keyboard alone", async ({ page }) => {
    await page.goto('p01.html');
    await waitForCourse(page);
    await tabTo(page, '.quiz-button', START_BANK);
    await page.keyboard.press('Enter');

    const p01 = banks.get('p01');
    const total = (p01?.kind === 'bank' ? p01.draw : undefined) ?? 4;
    for (let n = 1; n <= total; n++) {
      const question = page.locator('.quiz-question');
      await expect(question.locator('.quiz-qhead')).toHaveText(zh('quiz.progress', { n, total }));
      const key = (await question.getAttribute('data-qkey')) as string;
      expect(await focused(page)).toBe(`q-${key}`);
      const q = questionOf('p01', key);
      const right = correctResponse(q);

      if (q.type === 'ordering') {
        for (let i = 0; i < right.length; i++) {
          const order = await question.locator('li[data-item]').evaluateAll((items) => items.map((li) => li.getAttribute('data-item')));
          const id = right[i] as string;
          const steps = order.indexOf(id) - i;
          if (steps <= 0) continue;
          await tabTo(page, `button[data-focus="p01-${key}-${id}-up"]`);
          for (let s = 0; s < steps; s++) await page.keyboard.press('Enter');
        }
      } else if (q.type === 'matching') {
        for (const pair of right) {
          const [left, target] = pair.split(':') as [string, string];
          await tabTo(page, `select[id="p01-${key}-${left}"]`);
          const values = await page.locator(`select[id="p01-${key}-${left}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
          for (let s = 0; s < values.indexOf(target); s++) await page.keyboard.press('ArrowDown');
        }
      } else if (q.type === 'multiple-response') {
        const values = await question.locator('input').evaluateAll((is) => is.map((i) => (i as HTMLInputElement).value));
        for (const value of values) {
          await tabTo(page, `input[value="${value}"]`);
          if (right.includes(value)) await page.keyboard.press('Space');
          await expect(question.locator(`input[value="${value}"]`)).toBeChecked({ checked: right.includes(value) });
        }
      } else {
        const values = await question.locator('input').evaluateAll((is) => is.map((i) => (i as HTMLInputElement).value));
        await tabTo(page, 'input[type="radio"]');
        const index = values.indexOf(right[0] as string);
        if (index === 0) await page.keyboard.press('Space');
        for (let s = 0; s < index; s++) await page.keyboard.press('ArrowDown');
      }

      await tabTo(page, '.quiz-button', zh('quiz.check'));
      await page.keyboard.press('Enter');
      // Focus moves to the feedback, which says the answer was right and why.
      await expect(page.locator('.quiz-feedback')).toBeFocused();
      await expect(page.locator('.quiz-verdict')).toHaveText(new RegExp(zh('quiz.verdict.correct')));
      await expect(page.locator('.quiz-why')).toContainText(q.explanation);
      await tabTo(page, '.quiz-button', n < total ? zh('quiz.next') : zh('quiz.finish'));
      await page.keyboard.press('Enter');
    }

    await expect(page.locator('.quiz-results-title')).toBeFocused();
    await expect(page.locator('.quiz-score')).toContainText(zh('quiz.score', { score: 100 }));
    await expect(page.locator('.quiz [aria-live="polite"]')).toContainText(zh('quiz.score', { score: 100 }));
    expect(await storedQuiz(page, 'p01')).toMatchObject({ attempts: 1, best: 100, passed: true, current: { submitted: true } });
  });

  test('an assessment can be failed, then passed on a fresh draw; the best score is kept', async ({ page }) => {
    await page.goto('assessment-part1.html');
    await waitForCourse(page);
    await page.getByRole('button', { name: START_ASSESSMENT }).click();
    const firstDraw = await page.locator('.quiz-question').evaluateAll((qs) => qs.map((q) => q.getAttribute('data-qkey')));
    expect(firstDraw.length).toBeGreaterThanOrEqual(6);

    // Submitting with questions left open is refused and says which ones.
    await page.getByRole('button', { name: SUBMIT_ASSESSMENT }).click();
    await expect(page.getByRole('alert')).toHaveText(zhPattern('quiz.unanswered'));

    await answerVisible(page, 'part1-assessment', false);
    await page.getByRole('button', { name: SUBMIT_ASSESSMENT }).click();
    await expect(page.locator('.quiz-results-title')).toBeFocused();
    await expect(page.locator('.quiz-score')).toContainText(zh('quiz.failed', { passMark: 80 }));
    const failed = await storedQuiz(page, 'part1-assessment');
    expect(failed).toMatchObject({ attempts: 1, passed: false, current: { submitted: true } });
    expect(failed.best).toBeLessThan(80);

    // The review shows each answer, the right one and why.
    await page.getByRole('button', { name: zh('quiz.review') }).click();
    await expect(page.locator('.quiz-review-list > li')).toHaveCount(firstDraw.length);
    await expect(page.locator('.quiz-review-list .quiz-answers').first()).toContainText(zh('quiz.rightAnswer'));

    await page.getByRole('button', { name: zh('quiz.retry') }).click();
    const secondDraw = await page.locator('.quiz-question').evaluateAll((qs) => qs.map((q) => q.getAttribute('data-qkey')));
    expect(secondDraw).not.toEqual(firstDraw);
    await answerVisible(page, 'part1-assessment', true);
    await page.getByRole('button', { name: SUBMIT_ASSESSMENT }).click();
    await expect(page.locator('.quiz-score')).toContainText(zh('quiz.score', { score: 100 }));
    await expect(page.locator('.quiz-score')).toHaveText(zhPattern('quiz.passed'));
    await expect(page.locator('.quiz-results')).toContainText(zh('quiz.attemptsUsed', { used: 2, max: 3 }));
    expect(await storedQuiz(page, 'part1-assessment')).toMatchObject({ attempts: 2, best: 100, passed: true });
  });

  test('a reload mid-assessment resumes at the same question with the same draw and answers', async ({ page }) => {
    await page.goto('assessment-course.html');
    await waitForCourse(page);
    await page.getByRole('button', { name: START_ASSESSMENT }).click();
    const seen: string[] = [];
    for (let i = 0; i < 2; i++) {
      seen.push((await page.locator('.quiz-question').getAttribute('data-qkey')) as string);
      await answerVisible(page, 'course-assessment', true);
      await page.getByRole('button', { name: zh('quiz.next') }).click();
    }
    const third = (await page.locator('.quiz-question').getAttribute('data-qkey')) as string;

    await page.reload();
    await waitForCourse(page);
    const question = page.locator('.quiz-question');
    await expect(question.locator('.quiz-qhead')).toHaveText(new RegExp(`^${zhPattern('quiz.progress', { n: 3 }).source}$`));
    await expect(question).toHaveAttribute('data-qkey', third);
    await expect(page.locator('.quiz-status')).toHaveText(zhPattern('quiz.answeredCount', { answered: 2 }));

    // Back to the first question: same question, answer still there.
    await page.getByRole('button', { name: zh('quiz.prev') }).click();
    await page.getByRole('button', { name: zh('quiz.prev') }).click();
    await expect(question).toHaveAttribute('data-qkey', seen[0] as string);

    // Finish from where we left off.
    for (;;) {
      await answerVisible(page, 'course-assessment', true);
      const next = page.getByRole('button', { name: zh('quiz.next') });
      if (!(await next.isVisible())) break;
      await next.click();
    }
    await page.getByRole('button', { name: SUBMIT_ASSESSMENT }).click();
    await expect(page.locator('.quiz-score')).toContainText(zh('quiz.score', { score: 100 }));
  });

  test('a reload mid knowledge check keeps checked answers locked with their feedback', async ({ page }) => {
    await page.goto('p01.html');
    await waitForCourse(page);
    await page.locator('.quiz').scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: START_BANK }).click();
    const key = (await page.locator('.quiz-question').getAttribute('data-qkey')) as string;
    await answerVisible(page, 'p01', false);
    await page.getByRole('button', { name: zh('quiz.check') }).click();
    await expect(page.locator('.quiz-verdict')).toHaveText(anyOf(zhPattern('quiz.verdict.incorrect'), zhPattern('quiz.verdict.partial')));

    await page.reload();
    await waitForCourse(page);
    await page.locator('.quiz').scrollIntoViewIfNeeded();
    await expect(page.locator('.quiz-question')).toHaveAttribute('data-qkey', key);
    await expect(page.locator('.quiz-verdict')).toHaveText(anyOf(zhPattern('quiz.verdict.incorrect'), zhPattern('quiz.verdict.partial')));
    await expect(page.getByRole('button', { name: zh('quiz.check') })).toHaveCount(0);
    await expect(page.getByRole('button', { name: zh('quiz.next') })).toBeVisible();
  });

  for (const width of [1280, 320])
  test(`no WCAG 2.1 A/AA violations in question, feedback and review states at ${width}px`, async ({ page }) => {
    {
      await page.setViewportSize({ width, height: 900 });

      // Question state: every question type of the part assessment on one page.
      await page.goto('assessment-part1.html');
      await waitForCourse(page);
      await page.getByRole('button', { name: START_ASSESSMENT }).click();
      expect(await axeViolations(page, '.quiz'), `question state at ${width}px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      // Review state.
      await answerVisible(page, 'part1-assessment', false);
      await page.getByRole('button', { name: SUBMIT_ASSESSMENT }).click();
      await page.getByRole('button', { name: zh('quiz.review') }).click();
      expect(await axeViolations(page, '.quiz'), `review state at ${width}px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      // Feedback state: a checked knowledge-check answer.
      await page.goto('p01.html');
      await waitForCourse(page);
      await page.locator('.quiz').scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: START_BANK }).click();
      expect(await axeViolations(page, '.quiz'), `knowledge-check question at ${width}px`).toEqual([]);
      await answerVisible(page, 'p01', false);
      await page.getByRole('button', { name: zh('quiz.check') }).click();
      await expect(page.locator('.quiz-feedback')).toBeFocused();
      expect(await axeViolations(page, '.quiz'), `feedback state at ${width}px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });
});
