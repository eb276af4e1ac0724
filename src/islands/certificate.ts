/**
 * Fills in the certificate page (src/pages/certificate.astro) from the learner's state once it
 * is loaded: shown only when the package is complete (and passed), else the page says what is
 * left. Every learner-supplied value goes in as text (textContent), never as HTML.
 */
import { averageRubric, lessonStatus } from '../engine/completion.ts';
import { fill } from '../i18n/format.ts';
import { readPackageInfo } from '../runtime/boot.ts';
import { $lmsStatus } from '../lms/status.ts';
import { $course } from '../state/course.ts';
import { $hydrated, $learner } from '../state/progress.ts';
import { certificateEarned } from '../state/summary.ts';

function render(): void {
  const locked = document.querySelector<HTMLElement>('[data-cert-locked]');
  const cert = document.querySelector<HTMLElement>('[data-certificate]');
  if (!locked || !cert || !$hydrated.get()) return;
  const course = $course.get();
  const learner = $learner.get();
  const pkg = readPackageInfo();
  const earned = certificateEarned(course, learner, pkg);
  locked.hidden = earned !== null;
  cert.hidden = earned === null;
  if (!earned) return;

  const set = (selector: string, text: string) => {
    const element = cert.querySelector<HTMLElement>(selector);
    if (element && element.textContent !== text) element.textContent = text;
  };
  const title = document.querySelector<HTMLMetaElement>('meta[name="course-title"]')?.content || course.title;
  set('[data-cert-package]', title);
  set('[data-cert-name]', $lmsStatus.get().learnerName);
  set('[data-cert-date]', new Intl.DateTimeFormat(document.documentElement.lang || 'zh-CN', { dateStyle: 'long' }).format(new Date()));
  set('[data-cert-score]', earned.score === null ? '—' : `${earned.score}`);
  const count = cert.querySelector<HTMLElement>('[data-cert-count]');
  set('[data-cert-count]', fill(count?.dataset.template ?? '', { completed: earned.completedLessons, total: earned.totalLessons }, ''));

  const list = cert.querySelector<HTMLOListElement>('[data-cert-lessons]');
  if (list) {
    list.replaceChildren(
      ...course.lessons
        .filter((l) => lessonStatus(l, learner) === 'completed')
        .map((l) => {
          const li = document.createElement('li');
          li.textContent = `${l.id} ${l.title}`;
          return li;
        }),
    );
  }

  const rubric = averageRubric(course.lessons, learner);
  const figure = cert.querySelector<HTMLElement>('[data-cert-radar]');
  const shape = cert.querySelector<SVGPolygonElement>('[data-cert-shape]');
  if (figure) figure.hidden = rubric === null;
  if (rubric && shape) {
    const c = Number(shape.dataset.cx);
    const r = Number(shape.dataset.r);
    const points = rubric.map((value, i) => {
      const a = -Math.PI / 2 + (i * 2 * Math.PI) / rubric.length;
      return `${(c + (value / 100) * r * Math.cos(a)).toFixed(1)},${(c + (value / 100) * r * Math.sin(a)).toFixed(1)}`;
    });
    shape.setAttribute('points', points.join(' '));
    shape.dataset.values = rubric.join(',');
    cert.querySelectorAll<SVGTextElement>('[data-cert-dim]').forEach((label, i) => {
      label.textContent = `${label.dataset.label ?? ''} ${rubric[i] ?? 0}`;
    });
  }
}

function bind(): void {
  document.querySelector('[data-cert-print]')?.addEventListener('click', () => print());
  render();
}

$learner.listen(render);
$hydrated.listen(render);
$lmsStatus.listen(render);
document.addEventListener('astro:page-load', bind);
