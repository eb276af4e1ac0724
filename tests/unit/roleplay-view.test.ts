/** The role-play island's views (src/state/roleplay-view.ts): words during play, the review after it. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioProgress } from '../../src/engine/learner-state.ts';
import { analyseScenario } from '../../src/engine/scenario/graph.ts';
import type { RolePlayScenario } from '../../src/engine/scenario/model.ts';
import { scenarioResult } from '../../src/engine/scenario/result.ts';
import { replayPath } from '../../src/engine/scenario/runner.ts';
import { $course } from '../../src/state/course.ts';
import { bestPathRevealed, conversationView, endView, rolePlayPhase, rubricHref } from '../../src/state/roleplay-view.ts';
import { loadFixture } from '../fixtures/scenario/load.ts';

const base = loadFixture('valid');
const derived = analyseScenario(base).derived;
if (!derived) throw new Error('fixture broken');
const scenario: RolePlayScenario = { ...base, derived };

function finished(path: string[], plays = 1, passedBefore = false): ScenarioProgress {
  const state = replayPath(scenario, path);
  const last = state && scenarioResult(scenario, state);
  if (!last) throw new Error('path does not finish');
  return { plays, best: last.total, passed: passedBefore || last.passed, current: null, last };
}

describe('conversation view (during play)', () => {
  it('shows words, the emotion and the replies on offer, and no numbers', () => {
    const view = conversationView(scenario, ['c1', 'c4']);
    expect(view?.emotion).toBe('压着火'); // the variant for passed_buck
    expect(view?.current.map((l) => l.text)).toEqual(['不归你们管？那你说归谁管？']);
    expect(view?.choices.map((c) => c.id)).toEqual(['c5', 'c6', 'c7']);
    expect(view?.log.map((l) => l.speaker)).toEqual(['customer', 'narrator', 'learner', 'customer', 'learner']);
    // Nothing numeric about the customer's state: no mood value, no delta.
    expect(JSON.stringify({ ...view, timeout: null, turn: '' })).not.toMatch(/mood|points|"\+?\d+"/);
  });

  it('shows a line only when its fact holds', () => {
    expect(conversationView(scenario, ['c2'])?.current.map((l) => l.text)).toEqual(['你刚才连话都不让我说完。', '说完了，你看怎么办吧。']);
    expect(conversationView(scenario, ['c1'])?.current.map((l) => l.text)).toEqual(['说完了，你看怎么办吧。']);
  });

  it('offers the timer only where the node is timed', () => {
    expect(conversationView(scenario, [])?.timeout).toEqual({ id: 'c-wait', seconds: 30 });
    expect(conversationView(scenario, ['c1'])?.timeout).toBeNull();
  });
});

describe('end view (after play)', () => {
  it('reviews each turn: what was said, the reaction, dimensions earned and missed', () => {
    const view = endView(scenario, finished(['c2', 'c3', 'c6']));
    expect(view?.review.map((t) => t.said)).toEqual(['请先报一下账号。', '我看到您上周来过电话，这次我直接帮您处理。', '没别的事我先挂了。']);
    const first = view?.review[0];
    expect(first?.earned).toEqual([{ dimension: 'response', points: 1 }]);
    expect(first?.missed).toEqual([
      { dimension: 'response', points: 2 },
      { dimension: 'empathy', points: 2 },
    ]);
    expect(first?.reaction?.text).toBe('你刚才连话都不让我说完。');
    expect(view?.review[2]?.reaction?.text).toBe('（挂断）'); // the ending's closing moment
    expect(view?.review[2]?.moodDelta).toBe(-20);
  });

  it('after a timeout, shows what a reply in time would have earned', () => {
    const first = endView(scenario, finished(['c-wait', 'c3', 'c6']))?.review[0];
    expect(first).toMatchObject({ timedOut: true, earned: [] });
    expect(first?.missed).toEqual([
      { dimension: 'response', points: 2 },
      { dimension: 'empathy', points: 2 },
    ]);
  });

  it('labels critical replies with why, and assembles the debrief from what happened', () => {
    const view = endView(scenario, finished(['c1', 'c3', 'c7']));
    expect(view?.passed).toBe(false);
    expect(view?.critical).toEqual([{ choice: 'c7', kind: 'false-promise', text: '我保证明天给您全额赔偿。', why: '赔偿不归你决定，这是一句做不到的承诺。' }]);
    expect(view?.review[2]?.critical).toBe('false-promise');
    expect(view?.debrief).toEqual(['许下做不到的赔偿，客户第二天就会发现。']);
    expect(endView(scenario, finished(['c1', 'c3', 'c6']))?.debrief).toEqual(['收尾草率，客户走了。']);
  });

  it('reveals the best path only after a second finished play or a pass', () => {
    const poor = ['c2', 'c3', 'c6'];
    expect(endView(scenario, finished(poor, 1))?.bestPath).toBeNull();
    expect(endView(scenario, finished(poor, 1))?.review.some((t) => t.best)).toBe(false);
    expect(endView(scenario, finished(poor, 2))?.bestPath?.review.map((t) => t.said)).toHaveLength(3);
    expect(endView(scenario, finished(['c1', 'c3', 'c5'], 1))?.bestPath).not.toBeNull(); // passed
    expect(bestPathRevealed({ plays: 1, passed: true })).toBe(true);
    expect(bestPathRevealed({ plays: 1, passed: false })).toBe(false);
  });

  it('keeps a stored result whose path no longer replays, without a review', () => {
    const progress = finished(['c1', 'c3', 'c6']);
    const stale = { ...progress, last: progress.last ? { ...progress.last, path: ['c1', 'gone'] } : null };
    const view = endView(scenario, stale);
    expect(view).toMatchObject({ replayable: false, review: [], critical: [], total: progress.last?.total });
    expect(rolePlayPhase(scenario, stale)).toBe('end');
  });
});

describe('rubric lesson hook', () => {
  afterEach(() => $course.set({ courseId: 'service-pitfalls', title: '', parts: [], lessons: [] }));

  it('links dimension names to lesson A2 only when the package has it', () => {
    expect(rubricHref()).toBeNull();
    $course.set({
      courseId: 'service-pitfalls',
      title: '',
      parts: [],
      lessons: [{ id: 'A2', title: '五个维度', part: 'A', minutes: 10, href: 'a2.html', scenario: null, quiz: null } as never],
    });
    expect(rubricHref()).toBe('a2.html');
  });
});
