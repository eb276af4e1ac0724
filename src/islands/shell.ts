/**
 * The course shell's behaviour: progress meter, lesson statuses, table-of-contents drawer,
 * resume link and end-of-lesson marker. The markup is rendered at build time (with all its
 * words, so no dictionary ships to the browser) and this module only binds it to `src/state/`.
 * It is plain DOM code rather than Preact islands so that a lesson page without a quiz or
 * role-play stays within its JavaScript budget; Preact loads only on pages that need it.
 */
import { lessonStatus, missingActivities, resumeSpot, resumeTarget, type LessonStatus } from '../engine/completion.ts';
import { fill } from '../i18n/format.ts';
import { readPackageInfo } from '../runtime/boot.ts';
import { certificateEarned } from '../state/summary.ts';
import { spotOf } from '../site/reading-spot.ts';
import type { LearnerState } from '../engine/learner-state.ts';
import { $course, type CourseLesson } from '../state/course.ts';
import { $hydrated, $learner, $progress, markLessonEnded, markSpot, visitLesson } from '../state/progress.ts';

/** Each status: its icon, and the key of its words among #shell-strings' data attributes. */
const STATUS: Record<LessonStatus, [icon: string, words: string]> = { 'not-started': ['○', 'notStarted'], 'in-progress': ['◐', 'inProgress'], completed: ['✓', 'completed'] };

/** The shell's words (rendered by CourseLayout.astro, switched by ./language.ts). */
const shellStrings = (): DOMStringMap => document.getElementById('shell-strings')?.dataset ?? {};

/** The lesson's knowledge check, when it has one and it was submitted: best score and whether it passed. */
function checkResult(lesson: CourseLesson, learner: LearnerState): { best: number; passed: boolean } | null {
  const quiz = lesson.quiz ? learner.quizzes[lesson.quiz] : undefined;
  return quiz && quiz.best !== null ? { best: quiz.best, passed: quiz.passed } : null;
}

function renderProgress(): void {
  const { completed, total, percent } = $progress.get();
  const template = shellStrings().progress ?? '';
  for (const meter of document.querySelectorAll<HTMLElement>('[data-progress]')) {
    const bar = meter.querySelector<HTMLElement>('[role="progressbar"]');
    const text = meter.querySelector<HTMLElement>('.progress-text');
    const summary = fill(template, { completed, total }, '');
    bar?.setAttribute('aria-valuenow', String(percent));
    bar?.setAttribute('aria-valuetext', summary);
    const fillBar = bar?.querySelector<HTMLElement>('.progress-fill');
    if (fillBar) fillBar.style.width = `${percent}%`;
    if (text) text.textContent = summary;
  }
}

function renderStatuses(): void {
  const learner = $learner.get();
  const words = shellStrings();
  const lessons = new Map($course.get().lessons.map((l) => [l.id, l]));
  for (const badge of document.querySelectorAll<HTMLElement>('[data-status-for]')) {
    const lesson = lessons.get(badge.dataset.statusFor ?? '');
    const status = lesson ? lessonStatus(lesson, learner) : 'not-started';
    const check = lesson ? checkResult(lesson, learner) : null;
    // Completed (every activity done) yet the check missed its pass mark: say both, as the LMS does.
    const failed = status === 'completed' && check !== null && !check.passed;
    badge.dataset.status = status;
    badge.dataset.check = check === null ? '' : check.passed ? 'passed' : 'failed';
    const icon = badge.querySelector('.status-icon');
    const text = badge.querySelector('.status-text');
    const best = badge.querySelector<HTMLElement>('[data-status-best]');
    const label = words[failed ? 'completedFailed' : STATUS[status][1]] ?? '';
    if (icon && icon.textContent !== STATUS[status][0]) icon.textContent = failed ? '!' : STATUS[status][0];
    if (text && text.textContent !== label) text.textContent = label;
    if (best) {
      best.hidden = check === null;
      best.textContent = check === null ? '' : fill(words.best ?? '', { best: check.best }, '');
    }
  }
}

function renderResume(): void {
  const section = document.querySelector<HTMLElement>('[data-resume]');
  if (!section || !$hydrated.get()) return;
  const { lessons } = $course.get();
  const learner = $learner.get();
  const target = lessons.find((l) => l.id === resumeTarget(lessons, learner));
  const spot = resumeSpot(lessons, learner);
  const returning = learner.visited.length > 0;
  const title = section.querySelector<HTMLElement>('[data-resume-title]');
  const link = section.querySelector<HTMLAnchorElement>('[data-resume-link]');
  const done = section.querySelector<HTMLElement>('[data-resume-done]');
  if (title) title.textContent = (spot ? title.dataset.spot : returning ? title.dataset.returning : title.dataset.first) ?? '';
  if (link) {
    link.hidden = !target;
    if (target) {
      // Left part-way down a lesson: one click lands on that section.
      link.href = spot ? `${target.href}#${encodeURIComponent(spot)}` : target.href;
      const text = link.querySelector('[data-resume-text]');
      const template = spot ? link.dataset.spot : returning ? link.dataset.continue : link.dataset.start;
      if (text) text.textContent = fill(template ?? '', { lesson: `${target.id} ${target.title}` }, '');
    }
  }
  if (done) done.hidden = !!target;
  section.hidden = lessons.length === 0;
}

function renderLessonEnd(): void {
  const marker = document.querySelector<HTMLElement>('[data-lesson-end]');
  const output = marker?.querySelector<HTMLElement>('[role="status"]');
  if (!marker || !output) return;
  const lesson = $course.get().lessons.find((l) => l.id === marker.dataset.lessonEnd);
  if (!lesson) return;
  const learner = $learner.get();
  const status = lessonStatus(lesson, learner);
  const m = marker.dataset;
  let message = '';
  const check = checkResult(lesson, learner);
  if (status === 'completed' && check !== null && !check.passed) message = `✓ ${m.msgCompletedFailed ?? ''}`;
  else if (status === 'completed') message = `✓ ${m.msgCompleted ?? ''}`;
  else if (learner.ended.includes(lesson.id)) {
    const missing = missingActivities(lesson, learner).map((activity) => (activity === 'quiz' ? m.msgQuiz : activity === 'tool' ? m.msgTool : m.msgScenario) ?? '');
    message = missing.length ? fill(m.msgRemaining ?? '', { items: missing.join(m.msgAnd ?? ' ') }, '') : (m.msgEnded ?? '');
  }
  output.dataset.status = status;
  if (output.textContent !== message) output.textContent = message;
}

/**
 * Assessment cards (src/components/shell/AssessmentCard.astro): locked until every lesson it
 * covers within this package is completed, then open, then passed or failed with attempts left.
 */
function renderAssessments(): void {
  if (!$hydrated.get()) return;
  const { lessons } = $course.get();
  const learner = $learner.get();
  const inScope = new Map(lessons.map((l) => [l.id, l]));
  const pageLesson = document.querySelector<HTMLElement>('[data-lesson-end]')?.dataset.lessonEnd;
  for (const card of document.querySelectorAll<HTMLElement>('[data-assessment-card]')) {
    const d = card.dataset;
    const required = (d.lessons ?? '').split(',').filter((id) => inScope.has(id));
    const done = required.filter((id) => lessonStatus(inScope.get(id) as CourseLesson, learner) === 'completed').length;
    const quiz = learner.quizzes[d.assessmentCard ?? ''];
    const maxAttempts = d.attempts ? Number(d.attempts) : null;
    const left = maxAttempts === null ? null : Math.max(0, maxAttempts - (quiz?.attempts ?? 0));
    const best = quiz?.best ?? null;
    let state: 'locked' | 'open' | 'passed' | 'failed' = 'open';
    let text = fill(d.msgOpen ?? '', { count: required.length }, '');
    let label = d.labelStart ?? '';
    if (done < required.length) {
      state = 'locked';
      text = fill(d.msgLocked ?? '', { count: required.length, done }, '');
      label = d.labelLocked ?? '';
    } else if (quiz?.passed) {
      state = 'passed';
      text = fill(d.msgPassed ?? '', { best: best ?? 0 }, '');
      label = d.labelReview ?? '';
    } else if (best !== null) {
      state = 'failed';
      const template = left === null ? d.msgFailedAgain : left > 0 ? d.msgFailedRetry : d.msgFailedOut;
      text = fill(template ?? '', { best, left: left ?? '' }, '');
      label = (left === 0 ? d.labelReview : d.labelRetry) ?? '';
    }
    card.dataset.state = state;
    const stateText = card.querySelector<HTMLElement>('[data-assessment-state]');
    if (stateText && stateText.textContent !== text) stateText.textContent = text;
    const labelText = card.querySelector<HTMLElement>('[data-assessment-label]');
    if (labelText && labelText.textContent !== label) labelText.textContent = label;
    const icon = card.querySelector<HTMLElement>('[data-assessment-icon]');
    if (icon) icon.textContent = state === 'locked' ? '🔒' : state === 'passed' ? '✓' : '🔓';
    const link = card.querySelector<HTMLAnchorElement>('[data-assessment-link]');
    if (link) {
      if (state === 'locked') {
        if (link.hasAttribute('href')) link.dataset.href = link.getAttribute('href') ?? '';
        link.removeAttribute('href');
        link.setAttribute('role', 'link');
        link.setAttribute('aria-disabled', 'true');
      } else {
        if (link.dataset.href) link.setAttribute('href', link.dataset.href);
        link.removeAttribute('role');
        link.removeAttribute('aria-disabled');
      }
    }
    // At the end of a lesson: shown on the last lesson of this package the assessment needs.
    if (d.endCard !== undefined) card.hidden = required.length === 0 || required[required.length - 1] !== pageLesson;
  }
}

/** The certificate link on the home page: there once the package is complete, never before. */
function renderCertificateLink(): void {
  const link = document.querySelector<HTMLElement>('[data-certificate-link]');
  if (!link || !$hydrated.get()) return;
  link.hidden = certificateEarned($course.get(), $learner.get(), readPackageInfo()) === null;
}

function render(): void {
  renderCertificateLink();
  renderAssessments();
  renderProgress();
  renderStatuses();
  renderResume();
  renderLessonEnd();
}

let endObserver: IntersectionObserver | null = null;
let stopSpot: (() => void) | null = null;

/**
 * Keeps the learner's spot in the lesson: the last section heading (or activity) scrolled past
 * the sticky header. Measured after scrolling settles, so a fling costs one update.
 */
function trackSpot(lessonId: string): void {
  stopSpot?.();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const measure = () => {
    if (document.querySelector<HTMLElement>('[data-lesson-end]')?.dataset.lessonEnd !== lessonId) return;
    const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    const spot = spotOf(innerHeight, header, document.querySelectorAll<HTMLElement>('.lesson-body :is(h2, h3)[id], [data-activity][id]'));
    if (spot !== null) markSpot(lessonId, spot);
  };
  const onScroll = () => {
    clearTimeout(timer);
    timer = setTimeout(measure, 400);
  };
  addEventListener('scroll', onScroll, { passive: true });
  stopSpot = () => {
    clearTimeout(timer);
    removeEventListener('scroll', onScroll);
  };
}

/** Records the visit once the stored state is loaded (earlier writes would be overwritten). */
function trackLesson(): void {
  endObserver?.disconnect();
  stopSpot?.();
  stopSpot = null;
  // A section opened by its anchor lands just below the sticky header.
  const header = document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0;
  document.documentElement.style.scrollPaddingTop = `${Math.ceil(header) + 16}px`;
  const marker = document.querySelector<HTMLElement>('[data-lesson-end]');
  const lessonId = marker?.dataset.lessonEnd;
  if (!marker || !lessonId) return;
  const start = () => {
    visitLesson(lessonId);
    trackSpot(lessonId);
    // Opened at a section (the resume prompt's link): show that section.
    const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    target?.scrollIntoView({ block: 'start' });
    if (typeof IntersectionObserver === 'undefined') {
      markLessonEnded(lessonId);
      return;
    }
    endObserver = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        markLessonEnded(lessonId);
        endObserver?.disconnect();
      }
    });
    endObserver.observe(marker);
  };
  if ($hydrated.get()) start();
  else {
    const stop = $hydrated.listen((ready) => {
      if (!ready) return;
      stop();
      // Only if the learner is still on that page.
      if (document.querySelector<HTMLElement>('[data-lesson-end]')?.dataset.lessonEnd === lessonId) start();
    });
  }
}

function bindDrawer(): void {
  const dialog = document.querySelector<HTMLDialogElement>('#toc-drawer');
  const opener = document.querySelector<HTMLButtonElement>('[data-toc-open]');
  if (!dialog || !opener) return;
  opener.addEventListener('click', () => dialog.showModal());
  const close = () => dialog.close();
  dialog.querySelector('[data-toc-close]')?.addEventListener('click', close);
  // A click on the backdrop (the dialog element itself) closes the drawer.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  });
  dialog.addEventListener('close', () => opener.focus());
}

/** Hides lessons outside this package's scope in static lists (map, drawer). */
function applyScope(): void {
  const inScope = new Set($course.get().lessons.map((l) => l.id));
  if (inScope.size === 0) return;
  for (const item of document.querySelectorAll<HTMLElement>('[data-scope-lesson]')) item.hidden = !inScope.has(item.dataset.scopeLesson ?? '');
  // Prev/next links to a lesson outside the package lead back to its home page instead.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-scope-target]')) {
    if (inScope.has(link.dataset.scopeTarget ?? '')) continue;
    link.href = 'index.html';
    link.textContent = link.dataset.homeLabel ?? '';
    link.removeAttribute('rel');
  }
  for (const group of document.querySelectorAll<HTMLElement>('[data-scope-group]')) {
    group.hidden = group.querySelectorAll('[data-scope-lesson]:not([hidden])').length === 0;
  }
}

let subscribed = false;
function onPage(): void {
  applyScope();
  bindDrawer();
  trackLesson();
  render();
  // The drawer's font-size buttons and a lesson page's reading aids (progress line, kept place,
  // sections in the drawer): loaded once the page has opened, as none is needed for the first paint.
  void import('./reader.ts').then((reader) => {
    reader.bindTextSize();
    reader.onLessonPage();
  });
  // The interface language (English only when the LMS or browser asks; its words load only then).
  // It binds itself to every later page, and has the shell render again after a switch.
  void import('./language.ts').then((language) => language.onLanguageSwitched(render));
  if (!subscribed) {
    subscribed = true;
    $learner.listen(render);
    $hydrated.listen(render);
    $course.listen(render);
  }
}

// Fires on the first load and after every ClientRouter page swap.
document.addEventListener('astro:page-load', onPage);
