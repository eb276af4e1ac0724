/**
 * Build-time helper for pages: turns collection entries into the Quiz island's props.
 *   lesson page:      quizIslandProps(lesson.data.quiz, await getCollection('quizzes'))
 *   assessment page:  quizIslandProps(id, quizzes, lessons)   (lessons give each pool's part)
 * It re-runs checkQuiz so a broken quiz fails the Astro build even if the content check was
 * skipped, and it throws (failing the build) with the file and the reason.
 */
import { checkQuiz, type Assessment, type QuestionFile, type Quiz, type QuizPool } from '../../schemas/quiz.ts';
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

function fileQuestions(file: QuestionFile, qualify: boolean): RuntimeQuestion[] {
  return file.questions.map((q) => ({ ...q, key: qualify ? `${file.id}.${q.id}` : q.id, bank: file.id, lesson: file.lesson }));
}

/** The pools an assessment draws from, in rule order then course order, each once, with its count. */
export function resolveDraw(assessment: Assessment, pools: readonly QuizPool[], lessons: readonly { id: string; part: string }[]): { pool: QuizPool; count: number }[] {
  const lessonOrder = new Map(lessons.map((l, i) => [l.id, i]));
  const partOf = new Map(lessons.map((l) => [l.id, l.part]));
  const ordered = [...pools].sort(
    (a, b) => (lessonOrder.get(a.lesson) ?? Infinity) - (lessonOrder.get(b.lesson) ?? Infinity) || a.id.localeCompare(b.id),
  );
  const out: { pool: QuizPool; count: number }[] = [];
  for (const rule of assessment.draw) {
    const matches = ordered.filter((p) =>
      rule.pool !== undefined ? p.id === rule.pool : rule.part === 'all' || partOf.get(p.lesson) === rule.part,
    );
    for (const pool of matches)
      if (!out.some((o) => o.pool.id === pool.id)) out.push({ pool, count: Math.min(rule.perPool, pool.questions.length) });
  }
  return out;
}

export function quizIslandProps(quizId: string, quizzes: readonly QuizSource[], lessons: readonly LessonSource[] = []): QuizIslandProps {
  const all = quizzes.map(unwrap);
  const lessonList = lessons.map(unwrap);
  const quiz = all.find((q) => q.id === quizId);
  if (!quiz) throw new Error(`quiz "${quizId}" not found (no quizzes/${quizId}.yaml)`);
  if (quiz.kind === 'pool') throw new Error(`quizzes/${quizId}.yaml: kind → an assessment pool is never shown as a quiz; point the lesson at its practice bank`);
  const pools = all.filter((q): q is QuizPool => q.kind === 'pool');
  // Without a lesson list (lesson pages), lesson references are checked by the content check instead.
  const lessonIds = new Set(lessonList.length ? lessonList.map((l) => l.id) : all.flatMap((q) => (q.kind === 'assessment' ? [] : [q.lesson])));
  const problems = checkQuiz(quiz, { quizzes: all, lessonIds });
  if (problems.length) throw new Error(problems.map((p) => `quizzes/${quizId}.yaml: ${p}`).join('\n'));

  let draws: DrawPool[];
  let questions: RuntimeQuestion[];
  if (quiz.kind === 'bank') {
    questions = fileQuestions(quiz, false);
    draws = [{ bank: quiz.id, count: quiz.draw ?? quiz.questions.length, keys: questions.map((q) => q.key) }];
  } else {
    if (quiz.draw.some((r) => r.part !== undefined) && lessonList.length === 0)
      throw new Error(`quizzes/${quizId}.yaml: draw → drawing by part needs the lesson list (pass lessons to quizIslandProps)`);
    const resolved = resolveDraw(quiz, pools, lessonList);
    questions = resolved.flatMap(({ pool }) => fileQuestions(pool, true));
    draws = resolved.map(({ pool, count }) => ({ bank: pool.id, count, keys: fileQuestions(pool, true).map((q) => q.key) }));
    if (questions.length === 0) throw new Error(`quizzes/${quizId}.yaml: draw → no assessment pool (kind: pool) matches these rules yet, so the assessment has no questions`);
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
    pools: draws,
    limit: quiz.kind === 'assessment' ? (quiz.limit ?? null) : null,
  };
  return { quiz: runtime, questions, ...(quiz.kind === 'bank' ? { lessonId: quiz.lesson } : {}) };
}
