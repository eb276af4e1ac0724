/**
 * Work done while no learner was known (the pending slot) includes the workplace tools' work,
 * kept beside the pending copy. Once the learner says whose it is, the tools' work goes with the
 * progress: claimed, it moves to the learner (never over the learner's own work); not claimed,
 * it is dropped, so the next person on this device never meets it. Pending work that is only
 * tool work is still offered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLearnerState } from '../../src/engine/learner-state.ts';
import { mirrorKey, PENDING_LEARNER, releasePending, toolKey } from '../../src/persistence/mirror.ts';
import { $pendingWork, claimPendingWork, discardPendingWork, holdsProgress, offerPendingWork } from '../../src/state/pending.ts';
import { MemoryStorage } from './helpers/lms-harness.ts';

const pending = mirrorKey('course/site', PENDING_LEARNER);
const learner = mirrorKey('course', 'learner-7');
const work = (label: string) => JSON.stringify({ v: 1, data: { label } });

function storageWithPendingTools(): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(pending, '{"v":1,"state":{}}');
  storage.setItem(toolKey(pending, 'sfmea'), work('pending sfmea'));
  storage.setItem(toolKey(pending, 'journey'), work('pending journey'));
  storage.setItem(toolKey(learner, 'journey'), work('the learner’s own journey'));
  return storage;
}

describe('releasePending: the tools’ work goes with the pending progress', () => {
  it('claimed: each tool’s work moves to the learner, unless the learner has work in that tool', () => {
    const storage = storageWithPendingTools();
    releasePending(storage, pending, learner);
    expect(storage.getItem(toolKey(learner, 'sfmea'))).toBe(work('pending sfmea'));
    expect(storage.getItem(toolKey(learner, 'journey'))).toBe(work('the learner’s own journey'));
    expect(storage.getItem(pending)).toBeNull();
    expect(storage.getItem(toolKey(pending, 'sfmea'))).toBeNull();
    expect(storage.getItem(toolKey(pending, 'journey'))).toBeNull();
  });

  it('not claimed: the pending tools’ work is dropped and the learner’s is untouched', () => {
    const storage = storageWithPendingTools();
    releasePending(storage, pending, null);
    expect(storage.getItem(toolKey(pending, 'sfmea'))).toBeNull();
    expect(storage.getItem(toolKey(learner, 'sfmea'))).toBeNull();
    expect(storage.getItem(toolKey(learner, 'journey'))).toBe(work('the learner’s own journey'));
    expect(storage.getItem(pending)).toBeNull();
  });
});

describe('the pending offer', () => {
  afterEach(() => discardPendingWork());
  const toolsOnly = { ...emptyLearnerState(), tools: 'x' };

  it('work that is only tool work is worth asking about', () => {
    expect(holdsProgress(emptyLearnerState())).toBe(false);
    expect(holdsProgress(toolsOnly)).toBe(true);
  });

  it('the slot is told whether the learner claimed the work', () => {
    const told: boolean[] = [];
    offerPendingWork(toolsOnly, (claimed) => told.push(claimed), (older, newer) => ({ ...newer, tools: older.tools }));
    expect($pendingWork.get()).not.toBeNull();
    claimPendingWork();
    offerPendingWork(toolsOnly, (claimed) => told.push(claimed), (_older, newer) => newer);
    discardPendingWork();
    offerPendingWork(emptyLearnerState(), (claimed) => told.push(claimed), (_older, newer) => newer);
    expect(told).toEqual([true, false, false]);
  });
});
