import { useStore } from '@nanostores/preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QuizIslandProps } from '../engine/quiz/runtime.ts';
import { $uiLanguage } from '../i18n/active.ts';
import { readIslandData } from './island-data.ts';
import { tq } from '../i18n/zh-CN.quiz.ts';
import { check, markShown, move, startAttempt, submit } from '../state/quiz.ts';
import { questionKeyAt, quizViewStore, unansweredNumbers } from '../state/quiz-view.ts';
import { Attempt } from './quiz/Attempt.tsx';
import { Intro } from './quiz/Intro.tsx';
import { Results } from './quiz/Results.tsx';
import type { Q } from './quiz/text.ts';
import './Quiz.css';

interface Props {
  /** Id of the page's JSON script holding the quiz and its questions (QuizIslandProps; src/islands/island-data.ts). */
  dataId: string;
  /** Lesson whose objective the answers count toward. */
  lessonId?: string;
  /** Heading level of the quiz title: 2 inside a lesson (default), 1 when the quiz is the page. */
  headingLevel?: 1 | 2;
}

/**
 * A knowledge check or an assessment. Reads its view from src/state/quiz-view.ts (so a reload
 * resumes at the same question with the same draw) and writes only through src/state/quiz.ts
 * actions. This file keeps the page-level concerns: focus, the live region and the alert.
 */
export default function Quiz({ dataId, lessonId, headingLevel = 2 }: Props) {
  const { quiz, questions } = readIslandData<Omit<QuizIslandProps, 'lessonId'>>(dataId);
  // The server renders the loading note; the first client render must match it exactly
  // (Preact's hydration keeps server attributes), so the real content waits one effect.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const store = useMemo(() => quizViewStore(quiz, questions), [quiz, questions]);
  const stored = useStore(store);
  // Re-render in the interface language once the page switches (src/islands/language.ts).
  useStore($uiLanguage);
  const view = mounted ? stored : ({ phase: 'loading' } as const);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [live, setLive] = useState('');
  const [alert, setAlert] = useState('');
  const [reviewOpen, setReviewOpen] = useState(false);
  const [, setTick] = useState(0);
  const refresh = () => setTick((n) => n + 1);
  const root = useRef<HTMLElement>(null);
  const kind = tq(quiz.kind === 'bank' ? 'quiz.kind.bank' : 'quiz.kind.assessment');
  const H1 = headingLevel === 1 ? 'h1' : 'h2';
  const H2 = headingLevel === 1 ? 'h2' : 'h3';
  const titleId = `quiz-${quiz.id}-title`;

  // Layout effect: focus must land before the next key press (a held ↑ moves the same item on).
  useLayoutEffect(() => {
    if (!focusId) return;
    root.current?.querySelector<HTMLElement>(`[data-focus="${focusId}"]`)?.focus();
    setFocusId(null);
  });

  // Keyed by the seed too: a retry may show the same questions, and their clocks restart.
  const visibleKeys = view.phase === 'open' ? view.visible.map((q) => q.key) : [];
  const seed = view.phase === 'open' ? view.attempt.seed : undefined;
  useEffect(() => {
    for (const key of visibleKeys) markShown(quiz.id, key);
  }, [visibleKeys.join(','), seed]);

  const focusQuestion = (index: number) => setFocusId(`q-${questionKeyAt(quiz, questions, index)}`);

  const begin = () => {
    setAlert('');
    setReviewOpen(false);
    if (startAttempt(quiz)) {
      setLive('');
      focusQuestion(0);
    }
  };

  const finish = () => {
    // The store, not this render: an answer given a moment ago may not be rendered yet.
    const missing = unansweredNumbers(quiz, questions);
    if (missing.length) {
      setAlert(tq('quiz.unanswered', { count: missing.length, list: missing.map((n) => tq('quiz.question', { n })).join('、') }));
      const first = (missing[0] as number) - 1;
      if (quiz.display === 'one') move(quiz, questions, first);
      focusQuestion(first);
      return;
    }
    setAlert('');
    const score = submit(quiz, questions);
    if (score === null) return;
    const passed = score >= quiz.passMark;
    setLive(`${tq('quiz.score', { score })} ${tq(passed ? 'quiz.passed' : 'quiz.failed', { passMark: quiz.passMark })}`);
    setFocusId('results');
  };

  const doCheck = (q: Q) => {
    if (!check(quiz, questions, q.key)) {
      setAlert(tq('quiz.needAnswer'));
      return;
    }
    setAlert('');
    setFocusId(`fb-${q.key}`);
  };

  const go = (to: number) => {
    setAlert('');
    move(quiz, questions, to);
    focusQuestion(to);
  };

  return (
    <section class="quiz" aria-labelledby={titleId} data-quiz={quiz.id} data-lesson={lessonId} ref={root}>
      <H1 id={titleId} class="quiz-title" lang="zh-CN">
        {quiz.title}
      </H1>
      {view.phase === 'loading' && <p class="quiz-note">{tq('quiz.loading')}</p>}
      {view.phase === 'intro' && <Intro view={view} intro={quiz.intro} kind={kind} onStart={begin} />}
      {view.phase === 'open' && (
        <Attempt
          quizId={quiz.id}
          view={view}
          kind={kind}
          heading={H2}
          alert={alert}
          onCheck={doCheck}
          onGo={go}
          onFinish={finish}
          onAnnounce={setLive}
          onFocus={setFocusId}
          refresh={refresh}
        />
      )}
      {view.phase === 'results' && (
        <Results
          quizId={quiz.id}
          view={view}
          kind={kind}
          passMark={quiz.passMark}
          heading={H2}
          reviewOpen={reviewOpen}
          onToggleReview={() => setReviewOpen(!reviewOpen)}
          onRetry={begin}
        />
      )}
      <p class="visually-hidden" aria-live="polite">
        {live}
      </p>
    </section>
  );
}
