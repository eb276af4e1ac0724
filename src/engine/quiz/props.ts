/**
 * Build-time helper for pages: turns collection entries into the Quiz island's props.
 *   lesson page:      quizIslandProps(lesson.data.quiz, await getCollection('quizzes'))
 *   assessment page:  quizIslandProps(id, quizzes, lessons)   (lessons give each bank's part)
 * It re-runs checkQuiz so a broken quiz fails the Astro build even if the content check was
 * skipped, and it throws (failing the build) with the file and the reason.
 */
import { checkQuiz, type Assessment, type Quiz, type QuizBank } from '../../schemas/quiz.ts';
import type { DrawPool, QuizIslandProps, QuizRuntime, RuntimeQuestion } from './runtime.ts';

/** A quiz as data, or a collection entry holding it. */
export type QuizSource = Quiz | { data: Quiz };
/** A lesson's id and part, as data or as a collection entry; pass them in course order. */
export type LessonSource = { id: string; part: string } | { data: { id: string; part: string } };

const unwrap = <T extends object>(source: T | { data: T }): T => ('data' in source ? source.data : source) as T;

/** File name of an assessment page: `course-assessment` → `assessment-course.html`. */
export function assessmentSlug(id: string): string {
  return id.replace(/-assessment$/, '');
}

export function assessmentHref(id: string): string {
  return `assessment-${assessmentSlug(id)}.html`;
}

function bankQuestions(bank: QuizBank, qualify: boolean): RuntimeQuestion[] {
  return bank.questions.map((q) => ({ ...q, key: qualify ? `${bank.id}.${q.id}` : q.id, bank: bank.id, lesson: bank.lesson }));
}

/** The banks an assessment draws from, in rule order then course order, each once, with its count. */
export function resolveDraw(assessment: Assessment, banks: readonly QuizBank[], lessons: readonly { id: string; part: string }[]): { bank: QuizBank; count: number }[] {
  const lessonOrder = new Map(lessons.map((l, i) => [l.id, i]));
  const partOf = new Map(lessons.map((l) => [l.id, l.part]));
  const ordered = [...banks].sort(
    (a, b) => (lessonOrder.get(a.lesson) ?? Infinity) - (lessonOrder.get(b.lesson) ?? Infinity) || a.id.localeCompare(b.id),
  );
  const out: { bank: QuizBank; count: number }[] = [];
  for (const rule of assessment.draw) {
    const matches = ordered.filter((b) =>
      rule.bank !== undefined ? b.id === rule.bank : rule.part === 'all' || partOf.get(b.lesson) === rule.part,
    );
    for (const bank of matches)
      if (!out.some((o) => o.bank.id === bank.id)) out.push({ bank, count: Math.min(rule.perBank, bank.questions.length) });
  }
  return out;
}

export function quizIslandProps(quizId: string, quizzes: readonly QuizSource[], lessons: readonly LessonSource[] = []): QuizIslandProps {
  const all = quizzes.map(unwrap);
  const lessonList = lessons.map(unwrap);
  const quiz = all.find((q) => q.id === quizId);
  if (!quiz) throw new Error(`quiz "${quizId}" not found (no quizzes/${quizId}.yaml)`);
  const banks = all.filter((q): q is QuizBank => q.kind === 'bank');
  // Without a lesson list (lesson pages), lesson references are checked by the content check instead.
  const lessonIds = new Set(lessonList.length ? lessonList.map((l) => l.id) : banks.map((b) => b.lesson));
  const problems = checkQuiz(quiz, { quizzes: all, lessonIds });
  if (problems.length) throw new Error(problems.map((p) => `quizzes/${quizId}.yaml: ${p}`).join('\n'));

  let pools: DrawPool[];
  let questions: RuntimeQuestion[];
  if (quiz.kind === 'bank') {
    questions = bankQuestions(quiz, false);
    pools = [{ bank: quiz.id, count: quiz.draw ?? quiz.questions.length, keys: questions.map((q) => q.key) }];
  } else {
    if (quiz.draw.some((r) => r.part !== undefined) && lessonList.length === 0)
      throw new Error(`quizzes/${quizId}.yaml: draw → drawing by part needs the lesson list (pass lessons to quizIslandProps)`);
    const resolved = resolveDraw(quiz, banks, lessonList);
    questions = resolved.flatMap(({ bank }) => bankQuestions(bank, true));
    pools = resolved.map(({ bank, count }) => ({ bank: bank.id, count, keys: bankQuestions(bank, true).map((q) => q.key) }));
    if (questions.length === 0) throw new Error(`quizzes/${quizId}.yaml: draw → no bank matches these rules yet, so the assessment has no questions`);
  }

  const runtime: QuizRuntime = {
    id: quiz.id,
    kind: quiz.kind,
    title: quiz.title,
    ...(quiz.intro ? { intro: quiz.intro } : {}),
    passMark: quiz.passMark,
    maxAttempts: quiz.attempts ?? null,
    display: quiz.display,
    feedback: quiz.feedback,
    pools,
    limit: quiz.kind === 'assessment' ? (quiz.limit ?? null) : null,
  };
  return { quiz: runtime, questions, ...(quiz.kind === 'bank' ? { lessonId: quiz.lesson } : {}) };
}
