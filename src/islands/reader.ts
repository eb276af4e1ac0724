/**
 * Finding one's way in a long lesson (issue 18 point 5), loaded by the shell after a lesson page
 * has opened (nothing here is needed for the first paint): the reading-progress line ("约剩 N
 * 分钟"), the learner's place kept as they scroll and restored when they come back (per lesson,
 * per device, in localStorage — not in the SCORM suspend data, which has no room for it; a URL
 * with a #section wins), and the lesson's section index copied into the drawer; on every page,
 * the drawer's font-size buttons.
 */
import { minutesLeft, readingFraction } from '../engine/reading.ts';
import { fill } from '../i18n/format.ts';
import { browserStorage } from '../persistence/browser-storage.ts';
import { placeKey, TEXT_SIZE_KEY } from '../site/reader-prefs.ts';
import { $course } from '../state/course.ts';

let stop: (() => void) | null = null;

const headerBottom = () => document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
/** The blocks a place is measured from: the body's top-level elements, then the activities. */
const blocks = () => [...document.querySelectorAll<HTMLElement>('.lesson-body > *, .lesson > [data-activity]')];

/** The block at the top of the window and how far into it the window is (px), or null at the top of the page. */
function currentPlace(): { b: number; y: number } | null {
  const top = headerBottom();
  let place: { b: number; y: number } | null = null;
  blocks().forEach((el, b) => {
    const rect = el.getBoundingClientRect();
    if (rect.top <= top + 1) place = { b, y: Math.round(top - rect.top) };
  });
  return place;
}

/**
 * Whether the learner has already moved on this page before the reader (a lazy chunk) ran: a
 * key, click or tap (the browser's user activation), or a scroll away from the top on a fresh
 * visit. Restoring the kept place then would yank them back (on a reload the browser itself
 * restores the scroll, so a non-zero position there is not the learner's doing).
 */
function learnerMoved(): boolean {
  if ((navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive) return true;
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return entry?.type === 'navigate' && scrollY > 0;
}

function restorePlace(key: string): void {
  if (location.hash.length > 1 || learnerMoved()) return;
  let saved: { b?: unknown; y?: unknown } | null = null;
  try {
    saved = JSON.parse(browserStorage()?.getItem(key) ?? 'null');
  } catch {
    return;
  }
  if (!saved || typeof saved.b !== 'number' || typeof saved.y !== 'number') return;
  const el = blocks()[saved.b];
  if (el) scrollTo({ top: el.getBoundingClientRect().top + scrollY - headerBottom() + saved.y, behavior: 'instant' });
}

/** Scrolls to a section and moves the keyboard there, leaving the URL alone (so the kept place stays in charge). */
function goTo(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
}

function sectionLinks(index: HTMLElement): void {
  const onClick = (event: Event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="#"]');
    if (!link) return;
    event.preventDefault();
    const id = decodeURIComponent(link.hash.slice(1));
    const drawer = link.closest('dialog');
    if (!drawer) return goTo(id);
    // The drawer hands focus back to its button as it closes; the section takes it after that.
    drawer.addEventListener('close', () => goTo(id), { once: true });
    drawer.close();
  };
  index.addEventListener('click', onClick);
  const slot = document.querySelector<HTMLElement>('[data-toc-sections]');
  const list = index.querySelector('ol');
  if (slot && list) {
    slot.replaceChildren(...[...list.children].map((li) => li.cloneNode(true)));
    slot.hidden = false;
    slot.addEventListener('click', onClick);
  }
}

/**
 * The drawer's font-size buttons (src/components/shell/TextSize.astro): the choice is kept per
 * device in localStorage (src/site/reader-prefs.ts) and applied at once; the head script of
 * src/components/shell/FirstPaintScript.astro applies it before the first paint of later pages.
 */
export function bindTextSize(): void {
  const root = document.documentElement;
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-text-size-set]');
  const show = () => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.textSizeSet === (root.dataset.textSize ?? 'm')));
  };
  for (const b of buttons) {
    b.addEventListener('click', () => {
      const size = b.dataset.textSizeSet ?? 'm';
      if (size === 'm') delete root.dataset.textSize;
      else root.dataset.textSize = size;
      try {
        browserStorage()?.setItem(TEXT_SIZE_KEY, size);
      } catch {
        /* refused (private mode, sandboxed frame): the size holds for this page */
      }
      show();
    });
  }
  show();
}

export function onLessonPage(): void {
  stop?.();
  const bar = document.querySelector<HTMLElement>('[data-reading]');
  const end = document.querySelector<HTMLElement>('[data-lesson-end]');
  const lessonId = end?.dataset.lessonEnd;
  if (!bar || !end || !lessonId) return;
  const key = placeKey($course.get().courseId, lessonId);
  const index = document.querySelector<HTMLElement>('[data-section-index]');
  if (index) sectionLinks(index);
  const minutes = Number(bar.dataset.minutes) || 0;
  const text = bar.querySelector<HTMLElement>('[data-reading-text]');
  const fillBar = bar.querySelector<HTMLElement>('.reading-fill');
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    frame = 0;
    const endAt = end.getBoundingClientRect().top + scrollY - innerHeight;
    const fraction = readingFraction(scrollY, 0, endAt);
    const left = minutesLeft(minutes, fraction);
    const words = left === 0 ? (bar.dataset.finished ?? '') : fill(bar.dataset.left ?? '', { minutes: left }, '');
    if (text && text.textContent !== words) text.textContent = words;
    if (fillBar) fillBar.style.width = `${Math.round(fraction * 100)}%`;
  };
  const save = () => {
    // A page with no layout (its frame hidden by the LMS on exit) has no place to tell.
    if (!innerHeight) return;
    const place = currentPlace();
    const store = browserStorage();
    try {
      if (place) store?.setItem(key, JSON.stringify(place));
      else store?.removeItem(key);
    } catch {
      /* full or refused: the place is a convenience */
    }
  };
  const onScroll = () => {
    frame ||= requestAnimationFrame(update);
    clearTimeout(timer);
    timer = setTimeout(save, 300);
  };
  restorePlace(key);
  update();
  addEventListener('scroll', onScroll, { passive: true });
  addEventListener('resize', onScroll, { passive: true });
  stop = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    removeEventListener('scroll', onScroll);
    removeEventListener('resize', onScroll);
    stop = null;
  };
}

// A page swap away from a lesson stops the listeners (the next lesson page starts its own).
document.addEventListener('astro:before-swap', () => stop?.());
