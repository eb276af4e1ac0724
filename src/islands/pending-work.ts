/**
 * The pending-work question (src/components/shell/PendingWork.astro) in the page shell: its view
 * (./pending-work-view.ts) is imported only when work kept while no learner was known is offered.
 */
import { $pendingWork } from '../state/pending.ts';

let view: Promise<unknown> | null = null;

$pendingWork.listen((offer) => {
  if (offer) view ??= import('./pending-work-view.ts');
});
