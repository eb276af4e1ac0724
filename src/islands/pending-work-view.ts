/**
 * Loaded by src/islands/pending-work.ts only when a pending slot is offered (rarely), so the page
 * shell does not carry it.
 *
 * Binds the server-rendered pending-work question (src/components/shell/PendingWork.astro) to
 * `$pendingWork`: work done while no learner was known is offered to the identified learner,
 * who merges it ("mine") or discards it ("not mine"). Plain DOM code, like the rest of the shell.
 */
import { $pendingWork, claimPendingWork, discardPendingWork, type PendingOffer } from '../state/pending.ts';

let lastChoice: 'merged' | 'discarded' | null = null;

function render(offer: PendingOffer | null): void {
  const root = document.querySelector<HTMLElement>('[data-pending-work]');
  if (!root) return;
  const text = root.querySelector<HTMLElement>('[data-pending-text]');
  if (text && offer) text.textContent = (text.dataset.template ?? '').replace('{lessons}', String(offer.lessons));
  const wasHidden = root.hidden;
  root.hidden = offer === null;
  if (offer && wasHidden) root.querySelector<HTMLButtonElement>('[data-pending-mine]')?.focus();
  const done = document.querySelector<HTMLElement>('[data-pending-done]');
  if (done) done.textContent = lastChoice && !offer ? (done.dataset[lastChoice] ?? '') : '';
}

function bind(): void {
  const root = document.querySelector<HTMLElement>('[data-pending-work]');
  root?.querySelector('[data-pending-mine]')?.addEventListener('click', () => {
    lastChoice = 'merged';
    claimPendingWork();
  });
  root?.querySelector('[data-pending-discard]')?.addEventListener('click', () => {
    lastChoice = 'discarded';
    discardPendingWork();
  });
  render($pendingWork.get());
}

$pendingWork.listen(render);
// Loaded after the first page load: bind now, then after every ClientRouter page swap.
bind();
document.addEventListener('astro:page-load', bind);
