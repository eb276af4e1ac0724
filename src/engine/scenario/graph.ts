/**
 * Static analysis of a scenario graph, run at build time (content check and page build).
 *
 * The conversation is explored as states (node, mood): mood branches make the route depend on
 * the mood, and mood is a whole number 0–100, so the state space is small and exact. From it
 * we derive what authors must get right (every node and ending reachable, no dead end, no loop,
 * every target real, every branch able to apply) and what the island needs to score a play
 * (maximum attainable points per dimension, the best path, the longest path).
 */
import {
  DIMENSIONS,
  PASSING_OUTCOMES,
  branchApplies,
  clampMood,
  indexScenario,
  outcomeRank,
  pointsOf,
  repliesOf,
  targetOf,
  type Scenario,
  type ScenarioChoice,
  type ScenarioDerived,
  type ScenarioNode,
} from './model.ts';
import { normalise } from './score.ts';

export interface ScenarioAnalysis {
  /** Author-readable problems, each "<where> → <reason>"; empty when the scenario is sound. */
  problems: string[];
  /** Scores and best path; null when the graph is too broken to score. */
  derived: ScenarioDerived | null;
}

interface StateValue {
  /** Max raw points per dimension from here to an ending. */
  dimMax: number[];
  /** Best raw total from here, and how the best route ends (for tie-breaks). */
  total: number;
  rank: number;
  finalMood: number;
  /** The reply to take here on the best route (null at an ending). */
  bestChoice: ScenarioChoice | null;
  /** Most decisions from here to an ending. */
  longest: number;
}

const describeBranch = (b: { moodAtLeast?: number | undefined; moodBelow?: number | undefined }): string =>
  [b.moodAtLeast !== undefined ? `mood ≥ ${b.moodAtLeast}` : '', b.moodBelow !== undefined ? `mood < ${b.moodBelow}` : '']
    .filter(Boolean)
    .join(' and ');

/** All targets a reply can lead to: its branches' targets, then `next`. */
function targetsOf(choice: ScenarioChoice): string[] {
  return [...choice.branches.map((b) => b.next), choice.next];
}

function checkIds(scenario: Scenario, problems: string[]): void {
  const nodeIds = new Set<string>();
  for (const node of scenario.nodes) {
    if (nodeIds.has(node.id)) problems.push(`node ${node.id} → id is used by more than one node`);
    nodeIds.add(node.id);
  }
  const endingIds = new Set<string>();
  for (const ending of scenario.endings) {
    if (nodeIds.has(ending.id)) problems.push(`ending ${ending.id} → id is also used by a node; give it its own id (e.g. e-${ending.outcome})`);
    if (endingIds.has(ending.id)) problems.push(`ending ${ending.id} → id is used by more than one ending`);
    endingIds.add(ending.id);
  }
  const choiceHome = new Map<string, string>();
  for (const node of scenario.nodes) {
    for (const choice of repliesOf(node)) {
      const home = choiceHome.get(choice.id);
      if (home !== undefined) {
        problems.push(`node ${node.id} → choice ${choice.id} → id is also used ${home === node.id ? 'in this node' : `in node ${home}`}; choice ids must be unique in the scenario (the learner's path stores them)`);
      } else choiceHome.set(choice.id, node.id);
    }
  }
}

function checkNodes(scenario: Scenario, problems: string[]): void {
  const { nodes, endings } = indexScenario(scenario);
  const exists = (id: string) => nodes.has(id) || endings.has(id);
  if (!nodes.has(scenario.start)) {
    problems.push(
      endings.has(scenario.start)
        ? `start → ${scenario.start} is an ending; start at a node`
        : `start → points to unknown node ${scenario.start}`,
    );
  }
  for (const node of scenario.nodes) {
    if (node.choices.length === 0) {
      problems.push(`node ${node.id} → dead end: it has no choices and is not an ending (add choices, or point the replies that lead here at an ending)`);
    }
    if (node.timeLimit !== undefined && !node.timeout) problems.push(`node ${node.id} → timeLimit needs a timeout reply (the reply taken when the time runs out)`);
    if (node.timeout && node.timeLimit === undefined) problems.push(`node ${node.id} → timeout is set but timeLimit is missing`);
    for (const choice of repliesOf(node)) {
      if (!exists(choice.next)) problems.push(`node ${node.id} → choice ${choice.id} points to unknown node ${choice.next}`);
      choice.branches.forEach((branch, i) => {
        if (!exists(branch.next)) problems.push(`node ${node.id} → choice ${choice.id} → branch ${i + 1} points to unknown node ${branch.next}`);
        if (branch.moodAtLeast !== undefined && branch.moodBelow !== undefined && branch.moodAtLeast >= branch.moodBelow) {
          problems.push(`node ${node.id} → choice ${choice.id} → branch ${i + 1} can never apply (${describeBranch(branch)})`);
        }
      });
    }
  }
}

/** Tarjan's strongly connected components over node → node edges. */
function findLoops(scenario: Scenario): string[][] {
  const { nodes } = indexScenario(scenario);
  const successors = (node: ScenarioNode) => [...new Set(repliesOf(node).flatMap(targetsOf))].filter((id) => nodes.has(id));
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  const visit = (id: string) => {
    index.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    const node = nodes.get(id) as ScenarioNode;
    for (const next of successors(node)) {
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(id, Math.min(low.get(id) as number, index.get(next) as number));
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      const selfLoop = component.length === 1 && successors(node).includes(id);
      if (component.length > 1 || selfLoop) loops.push(component.reverse());
    }
  };
  for (const id of nodes.keys()) if (!index.has(id)) visit(id);
  return loops;
}

/** One concrete cycle inside a strongly connected component, for the message: "n3 → n4 → n3". */
function cycleText(scenario: Scenario, component: string[]): string {
  const { nodes } = indexScenario(scenario);
  const members = new Set(component);
  const first = component[0] as string;
  const trail = [first];
  const seen = new Set([first]);
  let current = first;
  for (;;) {
    const node = nodes.get(current) as ScenarioNode;
    const nexts = repliesOf(node).flatMap(targetsOf).filter((id) => members.has(id));
    const back = nexts.find((id) => id === first);
    if (back !== undefined) return [...trail, first].join(' → ');
    const step = nexts.find((id) => !seen.has(id));
    if (step === undefined) return [...trail, first].join(' → ');
    trail.push(step);
    seen.add(step);
    current = step;
  }
}

function checkLoops(scenario: Scenario, problems: string[]): boolean {
  const { nodes } = indexScenario(scenario);
  const loops = findLoops(scenario);
  for (const component of loops) {
    const members = new Set(component);
    const hasExit = component.some((id) =>
      repliesOf(nodes.get(id) as ScenarioNode).some((choice) => targetsOf(choice).some((target) => !members.has(target))),
    );
    const where = `node ${component[0]}`;
    const cycle = cycleText(scenario, component);
    problems.push(
      hasExit
        ? `${where} → loop ${cycle}: a conversation must move forward (a loop lets a play repeat replies and points without end); point a reply at a new node instead`
        : `${where} → loop without exit ${cycle}: no reply in it leads anywhere else, so the conversation can never end`,
    );
  }
  return loops.length > 0;
}

/** Nodes and endings reachable from the start when mood is ignored (every branch possible). */
function structurallyReachable(scenario: Scenario): Set<string> {
  const { nodes } = indexScenario(scenario);
  const seen = new Set<string>();
  const queue = nodes.has(scenario.start) ? [scenario.start] : [];
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = nodes.get(id);
    if (node) for (const choice of repliesOf(node)) queue.push(...targetsOf(choice));
  }
  return seen;
}

interface Exploration {
  /** Mood values seen on arrival at each reachable node or ending. */
  moods: Map<string, Set<number>>;
  /** "choiceId#branchIndex" of every branch that applied on some route. */
  branchesUsed: Set<string>;
  /** Mood after each reply, over all routes (for branch messages). */
  moodAfter: Map<string, Set<number>>;
}

function explore(scenario: Scenario): Exploration {
  const { nodes, endings } = indexScenario(scenario);
  const moods = new Map<string, Set<number>>();
  const branchesUsed = new Set<string>();
  const moodAfter = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, id: string, mood: number) => {
    let set = map.get(id);
    if (!set) map.set(id, (set = new Set()));
    if (set.has(mood)) return false;
    set.add(mood);
    return true;
  };
  if (!nodes.has(scenario.start)) return { moods, branchesUsed, moodAfter };
  const queue: [string, number][] = [[scenario.start, clampMood(scenario.persona.mood)]];
  add(moods, scenario.start, clampMood(scenario.persona.mood));
  while (queue.length) {
    const [id, mood] = queue.shift() as [string, number];
    const node = nodes.get(id);
    if (!node) continue;
    for (const choice of repliesOf(node)) {
      const after = clampMood(mood + choice.mood);
      add(moodAfter, choice.id, after);
      const branchIndex = choice.branches.findIndex((b) => branchApplies(b, after));
      if (branchIndex >= 0) branchesUsed.add(`${choice.id}#${branchIndex}`);
      const target = targetOf(choice, after);
      if (!nodes.has(target) && !endings.has(target)) continue;
      if (add(moods, target, after) && nodes.has(target)) queue.push([target, after]);
    }
  }
  return { moods, branchesUsed, moodAfter };
}

const range = (values: Set<number> | undefined): string => {
  if (!values || values.size === 0) return 'never reached';
  const sorted = [...values].sort((a, b) => a - b);
  const lo = sorted[0] as number;
  const hi = sorted[sorted.length - 1] as number;
  return lo === hi ? `always ${lo}` : `${lo}–${hi}`;
};

function checkReachability(scenario: Scenario, found: Exploration, problems: string[]): void {
  if (!indexScenario(scenario).nodes.has(scenario.start)) return; // already reported; everything would be "unreachable"
  const loose = structurallyReachable(scenario);
  const why = (id: string) =>
    loose.has(id)
      ? 'only mood branches lead here and their conditions never hold on any route'
      : `no route from the start (${scenario.start}) leads here`;
  for (const node of scenario.nodes) if (!found.moods.has(node.id)) problems.push(`node ${node.id} → unreachable: ${why(node.id)}`);
  for (const ending of scenario.endings) if (!found.moods.has(ending.id)) problems.push(`ending ${ending.id} → unreachable: ${why(ending.id)}`);
  for (const node of scenario.nodes) {
    if (!found.moods.has(node.id)) continue;
    for (const choice of repliesOf(node)) {
      choice.branches.forEach((branch, i) => {
        if (!found.branchesUsed.has(`${choice.id}#${i}`)) {
          problems.push(
            `node ${node.id} → choice ${choice.id} → branch ${i + 1} (${describeBranch(branch)}) never applies: after this reply the mood is ${range(found.moodAfter.get(choice.id))}`,
          );
        }
      });
    }
  }
}

/**
 * Maximum attainable points, best path and longest path: a dynamic programme over the
 * (node, mood) states reachable from the start. Needs an acyclic graph whose targets all exist
 * (what the checks above guarantee); it does not need every node to be reachable.
 */
export function deriveScoring(scenario: Scenario): ScenarioDerived {
  const { nodes, endings } = indexScenario(scenario);
  const memo = new Map<string, StateValue>();
  const valueOf = (id: string, mood: number): StateValue => {
    const key = `${id}@${mood}`;
    const hit = memo.get(key);
    if (hit) return hit;
    let value: StateValue;
    const ending = endings.get(id);
    if (ending) {
      value = { dimMax: DIMENSIONS.map(() => 0), total: 0, rank: outcomeRank(ending.outcome), finalMood: mood, bestChoice: null, longest: 0 };
    } else {
      const node = nodes.get(id) as ScenarioNode;
      value = { dimMax: DIMENSIONS.map(() => -Infinity), total: -Infinity, rank: -1, finalMood: -1, bestChoice: null, longest: 0 };
      for (const choice of repliesOf(node)) {
        const after = clampMood(mood + choice.mood);
        const sub = valueOf(targetOf(choice, after), after);
        const points = pointsOf(choice);
        value.dimMax = value.dimMax.map((m, d) => Math.max(m, (points[d] as number) + (sub.dimMax[d] as number)));
        const total = points.reduce((a, b) => a + b, 0) + sub.total;
        const better =
          total > value.total ||
          (total === value.total && (sub.rank > value.rank || (sub.rank === value.rank && sub.finalMood > value.finalMood)));
        if (better) Object.assign(value, { total, rank: sub.rank, finalMood: sub.finalMood, bestChoice: choice });
        value.longest = Math.max(value.longest, 1 + sub.longest);
      }
    }
    memo.set(key, value);
    return value;
  };
  const startMood = clampMood(scenario.persona.mood);
  const root = valueOf(scenario.start, startMood);
  const best: string[] = [];
  let id = scenario.start;
  let mood = startMood;
  for (;;) {
    const step = valueOf(id, mood).bestChoice;
    if (!step) break;
    best.push(step.id);
    mood = clampMood(mood + step.mood);
    id = targetOf(step, mood);
  }
  const reached = new Set<string>();
  for (const key of memo.keys()) reached.add(key.slice(0, key.lastIndexOf('@')));
  return {
    max: root.dimMax,
    maxTotal: root.total,
    best,
    longest: root.longest,
    endings: scenario.endings.filter((e) => reached.has(e.id)).map((e) => e.id),
  };
}

function checkScoring(scenario: Scenario, derived: ScenarioDerived, problems: string[]): void {
  const { choices, endings } = indexScenario(scenario);
  DIMENSIONS.forEach((dimension, d) => {
    if ((derived.max[d] ?? 0) <= 0) problems.push(`scoring → no reply on any path earns ${dimension} points; every role-play is scored on all five dimensions`);
  });
  // Replay the best path to see where it ends and how it scores.
  let mood = clampMood(scenario.persona.mood);
  const raw = DIMENSIONS.map(() => 0);
  let endingId = '';
  for (const id of derived.best) {
    const ref = choices.get(id);
    if (!ref) return;
    if (ref.choice.tempting) problems.push(`node ${ref.node.id} → choice ${id} is marked tempting but it is on the best path`);
    if (ref.timeout) problems.push(`node ${ref.node.id} → the best path runs out the timer (timeout reply ${id}); some reply should beat waiting`);
    pointsOf(ref.choice).forEach((p, d) => (raw[d] = (raw[d] as number) + p));
    mood = clampMood(mood + ref.choice.mood);
    endingId = targetOf(ref.choice, mood);
  }
  const ending = endings.get(endingId);
  if (!ending) return;
  const trail = derived.best.join(' → ');
  if (!PASSING_OUTCOMES.includes(ending.outcome)) {
    problems.push(`best path → the highest-scoring replies (${trail}) end in ${ending.id} (${ending.outcome}); the best replies must lead to resolved or loyal`);
  }
  const scores = normalise(raw, derived.max);
  DIMENSIONS.forEach((dimension, d) => {
    if ((scores[d] as number) < scenario.pass.dimension) {
      problems.push(
        `best path → scores ${scores[d]} on ${dimension}, below the pass rule's ${scenario.pass.dimension}: other paths earn more there (${derived.max[d]} points); make the best replies strong on every dimension`,
      );
    }
  });
}

/** Runs every check; `derived` is filled only when the graph is sound enough to score. */
export function analyseScenario(scenario: Scenario): ScenarioAnalysis {
  const problems: string[] = [];
  checkIds(scenario, problems);
  checkNodes(scenario, problems);
  const looped = checkLoops(scenario, problems);
  const found = explore(scenario);
  checkReachability(scenario, found, problems);
  if (problems.length > 0 || looped) return { problems, derived: null };
  const derived = deriveScoring(scenario);
  checkScoring(scenario, derived, problems);
  return { problems, derived };
}
