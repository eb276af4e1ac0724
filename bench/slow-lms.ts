/**
 * A learner's clicks against an LMS whose every API call takes 2 s (issue 9 item 7), measured on
 * the real SCORM adapter. The LMS is simulated: each call moves a virtual clock by 2 s and costs
 * no real time, so every millisecond measured here is our own work. Figures:
 * - click path: our work per click (state saved to the browser copy, commit requested) and the
 *   LMS calls it makes (must be 0: a click never waits for the LMS);
 * - commit tasks: the most LMS calls one task makes (1 = the page is blocked by one 2 s call at a
 *   time, and answers the learner between calls) and our own work per task;
 * - how long (virtual) until everything the learner did is committed.
 * Work is CPU time of this process (process.cpuUsage), so a busy machine does not inflate it.
 * Budgets: ≤ 100 ms of our work per click and per task, ≤ 1 LMS call per commit task.
 * Run alone with `node bench/slow-lms.ts`; `npm run bench` prints it with the other figures.
 */
import { maximalState } from '../src/persistence/suspend/bench.ts';
import type { InteractionRecord, LearnerState } from '../src/engine/learner-state.ts';
import type { Clock } from '../src/lms/commit-queue.ts';
import { createScormAdapter } from '../src/lms/scorm-adapter.ts';
import { driver2004, type RawApi2004 } from '../src/lms/scorm-api.ts';
import { scorm2004Profile } from '../src/lms/scorm2004.ts';
import type { CourseData } from '../src/state/course.ts';
import { summarize } from '../src/state/summary.ts';

const CALL_MS = 2000;

/** CPU time of this process in ms: our own work, not the time other processes took the CPU. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

class VirtualClock implements Clock {
  time = 0;
  timers: { at: number; fn: () => void; id: number }[] = [];
  next = 1;
  now() {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = this.next++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
}

function slowApi(clock: VirtualClock, counter: { calls: number }): RawApi2004 {
  const cmi = new Map<string, string>([['cmi.learner_id', 'bench'], ['cmi.interactions._count', '0'], ['cmi.objectives._count', '0'], ['cmi.completion_status', 'unknown']]);
  const call = <T>(result: T): T => {
    clock.time += CALL_MS;
    counter.calls++;
    return result;
  };
  return {
    Initialize: () => call('true'),
    Terminate: () => call('true'),
    Commit: () => call('true'),
    GetValue: (element) => call(cmi.get(element) ?? ''),
    SetValue: (element, value) => call((cmi.set(element, value), 'true')),
    GetLastError: () => '0',
    GetErrorString: () => '',
    GetDiagnostic: () => '',
  };
}

export interface SlowLmsFigures {
  clicks: number;
  clickWorkMs: number;
  clickCalls: number;
  taskCalls: number;
  taskWorkMs: number;
  settledAfterS: number;
}

export async function slowLmsFigures(clicks = 30): Promise<SlowLmsFigures> {
  const full = maximalState({ assessments: true });
  const lessons = full.ended.map((id, i) => ({ id, title: id, part: 'part1', minutes: 10, href: `${id.toLowerCase()}.html`, ...(i % 2 ? { quiz: id.toLowerCase() } : {}) }));
  const course = { courseId: 'bench', title: 'bench', parts: [], lessons } as unknown as CourseData;
  const clock = new VirtualClock();
  const counter = { calls: 0 };
  const storage = new Map<string, string>();
  const adapter = createScormAdapter({
    driver: driver2004(slowApi(clock, counter)),
    profile: scorm2004Profile,
    courseId: 'bench',
    status: () => {},
    clock,
    log: () => {},
    storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) } as Storage,
  });
  await adapter.load();

  // A learner working through the course: each click ends a lesson with its check scored.
  let state: LearnerState = { location: null, visited: [], ended: [], quizzes: {}, scenarios: {} };
  let clickWorkMs = 0;
  let clickCalls = 0;
  let taskCalls = 0;
  let taskWorkMs = 0;
  /** Runs due timers (one task each) until `until` or none are left. */
  const runTasks = (until: number) => {
    for (;;) {
      clock.timers.sort((a, b) => a.at - b.at);
      const due = clock.timers[0];
      if (!due || due.at > until) break;
      clock.timers.shift();
      clock.time = Math.max(clock.time, due.at);
      const calls = counter.calls;
      const began = cpuMs();
      due.fn();
      taskWorkMs = Math.max(taskWorkMs, cpuMs() - began);
      taskCalls = Math.max(taskCalls, counter.calls - calls);
    }
  };
  for (let i = 0; i < clicks; i++) {
    const lesson = full.ended[i % full.ended.length] as string;
    const quiz = lesson.toLowerCase();
    state = {
      ...state,
      location: lesson,
      visited: [...new Set([...state.visited, lesson])],
      ended: [...new Set([...state.ended, lesson])],
      quizzes: { ...state.quizzes, [quiz]: full.quizzes[quiz] ?? { attempts: 1, best: 80, passed: true, current: null } },
    };
    const record: InteractionRecord = { id: `${lesson.toLowerCase()}.q${i}`, type: 'choice', description: 'bench', response: ['a'], correct: ['b'], credit: 0, latencyMs: 5000, timestamp: new Date(0).toISOString(), objective: lesson };
    const calls = counter.calls;
    const began = cpuMs();
    adapter.save(state, summarize(course, state));
    adapter.report(record);
    clickWorkMs = Math.max(clickWorkMs, cpuMs() - began);
    clickCalls = Math.max(clickCalls, counter.calls - calls);
    // The learner clicks every 3 s of (virtual) time; commits run in between.
    runTasks(clock.time + 3000);
  }
  const clicksDone = clock.time;
  runTasks(Number.POSITIVE_INFINITY);
  return { clicks, clickWorkMs, clickCalls, taskCalls, taskWorkMs, settledAfterS: (clock.time - clicksDone) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await slowLmsFigures());
}
