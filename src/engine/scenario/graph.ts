/**
 * Static analysis of a scenario, run at build time (content check and page build).
 *
 * The conversation is explored as states (node, facts, first critical reply, mood): the lines
 * and replies on offer depend on the facts, branches on facts and mood, and the ending on
 * facts, criticals and mood. Mood is a whole number 0–100 and a scenario declares a handful of
 * facts, so the reachable state space is small and exact; states are deduplicated, so the cost
 * grows with distinct states, not with paths. From it we derive what authors must get right
 * (everything reachable and shown, facts true on every path, ending rules without gap or
 * overlap, no critical reply that can still reach the best ending…) and what the island needs
 * to score a play (maximum points per dimension, the best path).
 */
import {
  BEST_OUTCOME,
  DIMENSIONS,
  END,
  PASSING_OUTCOMES,
  branchIndexOf,
  clampMood,
  debriefOf,
  holds,
  indexScenario,
  matchingEndings,
  nodeView,
  offeredChoices,
  offeredTimeout,
  outcomeRank,
  pointsOf,
  repliesOf,
  selectEnding,
  type Condition,
  type Scenario,
  type ScenarioChoice,
  type ScenarioDerived,
  type ScenarioEnding,
  type ScenarioNode,
} from './model.ts';
import { normalise } from './score.ts';

/** A point of the conversation reached in some play: a node shown with these facts and this mood. */
export interface NodeState {
  key: string;
  node: ScenarioNode;
  facts: ReadonlySet<string>;
  /** Id of the first critical reply taken before reaching here, or '' when none. */
  critical: string;
  mood: number;
  /** Visible replies on offer (the timeout reply is in `timeout`). */
  offered: ScenarioChoice[];
  timeout: ScenarioChoice | null;
  edges: Edge[];
}

/** A reachable end of the conversation: the facts, criticals and mood the endings' rules see. */
export interface TerminalState {
  key: string;
  facts: ReadonlySet<string>;
  critical: string;
  mood: number;
  /** The ending the engine picks (first matching rule, never the best after a critical). */
  ending: ScenarioEnding;
  /** Every ending whose rule matches (exactly one when the rules are sound). */
  matches: ScenarioEnding[];
  /** True when a reply named the ending directly (schema v1; reported). */
  legacy: boolean;
}

export interface Edge {
  choice: ScenarioChoice;
  timeout: boolean;
  /** Key of the next NodeState or TerminalState. */
  to: string;
  terminal: boolean;
}

export interface Exploration {
  start: string | null;
  states: Map<string, NodeState>;
  terminals: Map<string, TerminalState>;
  /** Keys of shown things: "n1#l2" line, "n1#v0" variant, "n1#v0#l1" variant line, choice id, "c1#b0" branch, "e-x#d1" debrief paragraph. */
  shown: Set<string>;
  /** Mood after each reply, over all routes (for branch messages). */
  moodAfter: Map<string, Set<number>>;
}

export interface ScenarioAnalysis {
  /** Author-readable problems, each "<where> → <reason>"; empty when the scenario is sound. */
  problems: string[];
  /** Scores and best path; null when the graph is too broken to score. */
  derived: ScenarioDerived | null;
  /** The reachable states (null when the graph is too broken to explore). */
  exploration: Exploration | null;
}

const describeMood = (b: { moodAtLeast?: number | undefined; moodBelow?: number | undefined }): string =>
  [b.moodAtLeast !== undefined ? `mood ≥ ${b.moodAtLeast}` : '', b.moodBelow !== undefined ? `mood < ${b.moodBelow}` : ''].filter(Boolean).join(' and ');

const describeCondition = (c: Partial<Condition> & { moodAtLeast?: number | undefined; moodBelow?: number | undefined; critical?: boolean | undefined }): string =>
  [
    c.requires?.length ? `requires ${c.requires.join(', ')}` : '',
    c.unless?.length ? `unless ${c.unless.join(', ')}` : '',
    c.critical !== undefined ? `critical: ${c.critical}` : '',
    describeMood(c),
  ]
    .filter(Boolean)
    .join('; ') || 'always';

export const describeFacts = (facts: Iterable<string>): string => {
  const list = [...facts].sort();
  return list.length ? `facts: ${list.join(', ')}` : 'no facts';
};

const moodRange = (values: Iterable<number>): string => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 'never reached';
  const lo = sorted[0] as number;
  const hi = sorted[sorted.length - 1] as number;
  return lo === hi ? `mood ${lo}` : `mood ${lo}–${hi}`;
};

/** All targets a reply can lead to: its branches' targets, then `next`. */
function targetsOf(choice: ScenarioChoice): string[] {
  return [...choice.branches.map((b) => b.next), choice.next];
}

function checkIds(scenario: Scenario, problems: string[]): void {
  const nodeIds = new Set<string>();
  for (const node of scenario.nodes) {
    if (node.id === END) problems.push(`node ${END} → "${END}" is reserved for replies that end the conversation; rename the node`);
    if (nodeIds.has(node.id)) problems.push(`node ${node.id} → id is used by more than one node`);
    nodeIds.add(node.id);
  }
  const endingIds = new Set<string>();
  for (const ending of scenario.endings) {
    if (ending.id === END) problems.push(`ending ${END} → "${END}" is reserved for replies that end the conversation; rename the ending (e.g. e-${ending.outcome})`);
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
  const exists = (id: string) => id === END || nodes.has(id) || endings.has(id);
  if (!nodes.has(scenario.start)) {
    problems.push(endings.has(scenario.start) ? `start → ${scenario.start} is an ending; start at a node` : `start → points to unknown node ${scenario.start}`);
  }
  const legacy = (where: string, target: string) =>
    problems.push(`${where} → points at ending ${target}; end the conversation with next: end and let the endings' when rules choose [next-end]`);
  for (const node of scenario.nodes) {
    if (node.choices.length === 0) {
      problems.push(`node ${node.id} → dead end: it has no choices and is not an ending (add choices, or end the conversation with next: end)`);
    }
    if (node.timeLimit !== undefined && !node.timeout) problems.push(`node ${node.id} → timeLimit needs a timeout reply (the reply taken when the time runs out)`);
    if (node.timeout && node.timeLimit === undefined) problems.push(`node ${node.id} → timeout is set but timeLimit is missing`);
    for (const choice of repliesOf(node)) {
      if (!exists(choice.next)) problems.push(`node ${node.id} → choice ${choice.id} points to unknown node ${choice.next}`);
      else if (endings.has(choice.next)) legacy(`node ${node.id} → reply ${choice.id}`, choice.next);
      choice.branches.forEach((branch, i) => {
        if (!exists(branch.next)) problems.push(`node ${node.id} → choice ${choice.id} → branch ${i + 1} points to unknown node ${branch.next}`);
        else if (endings.has(branch.next)) legacy(`node ${node.id} → reply ${choice.id} → branch ${i + 1}`, branch.next);
        if (branch.moodAtLeast !== undefined && branch.moodBelow !== undefined && branch.moodAtLeast >= branch.moodBelow) {
          problems.push(`node ${node.id} → choice ${choice.id} → branch ${i + 1} can never apply (${describeMood(branch)})`);
        }
      });
    }
  }
  for (const ending of scenario.endings) {
    ending.when.forEach((w, i) => {
      if (w.moodAtLeast !== undefined && w.moodBelow !== undefined && w.moodAtLeast >= w.moodBelow) {
        problems.push(`ending ${ending.id} → when${ending.when.length > 1 ? ` ${i + 1}` : ''} can never hold (${describeMood(w)})`);
      }
    });
  }
}

/** Every place a fact is named, for the fact checks: [where, kind, fact]. */
function factMentions(scenario: Scenario): { where: string; kind: 'sets' | 'clears' | 'requires' | 'unless'; fact: string }[] {
  const out: { where: string; kind: 'sets' | 'clears' | 'requires' | 'unless'; fact: string }[] = [];
  const cond = (where: string, c: Condition) => {
    for (const fact of c.requires) out.push({ where, kind: 'requires', fact });
    for (const fact of c.unless) out.push({ where, kind: 'unless', fact });
  };
  for (const node of scenario.nodes) {
    node.lines.forEach((line, i) => cond(`node ${node.id} → line ${i + 1}`, line));
    node.variants.forEach((variant, v) => {
      cond(`node ${node.id} → variant ${v + 1}`, variant);
      variant.lines.forEach((line, i) => cond(`node ${node.id} → variant ${v + 1} → line ${i + 1}`, line));
    });
    for (const choice of repliesOf(node)) {
      const where = `node ${node.id} → reply ${choice.id}`;
      cond(where, choice);
      for (const fact of choice.sets) out.push({ where, kind: 'sets', fact });
      for (const fact of choice.clears) out.push({ where, kind: 'clears', fact });
      choice.branches.forEach((b, i) => cond(`${where} → branch ${i + 1}`, b));
    }
  }
  for (const ending of scenario.endings) {
    ending.when.forEach((w) => cond(`ending ${ending.id} → when`, w));
    ending.debrief.forEach((p, i) => cond(`ending ${ending.id} → debrief ${i + 1}`, p));
  }
  return out;
}

function checkFacts(scenario: Scenario, problems: string[]): void {
  const declared = new Set(Object.keys(scenario.facts));
  const mentions = factMentions(scenario);
  const reported = new Set<string>();
  for (const m of mentions) {
    if (declared.has(m.fact)) continue;
    const key = `${m.where}#${m.fact}`;
    if (reported.has(key)) continue;
    reported.add(key);
    problems.push(`${m.where} → ${m.kind} unknown fact "${m.fact}"; declare it under facts (with what it means) [fact-unknown]`);
  }
  for (const fact of declared) {
    const set = mentions.some((m) => m.fact === fact && m.kind === 'sets');
    const used = mentions.some((m) => m.fact === fact && (m.kind === 'requires' || m.kind === 'unless'));
    if (!set) problems.push(`facts.${fact} → no reply sets it; a condition on it can never change [fact-never-set]`);
    if (!used) problems.push(`facts.${fact} → nothing requires or unless it (no line, variant, reply, branch, ending or debrief paragraph); remove it or use it [fact-unused]`);
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

/** Nodes and endings reachable from the start when conditions are ignored (every branch possible). */
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

const factsKey = (facts: ReadonlySet<string>) => [...facts].sort().join(',');

/**
 * Every reachable state, breadth first from the start, each (node, facts, first critical, mood)
 * once. Needs every target to exist (unknown targets are skipped) and no loops for the DP below.
 */
export function explore(scenario: Scenario): Exploration {
  const { nodes, endings } = indexScenario(scenario);
  const states = new Map<string, NodeState>();
  const terminals = new Map<string, TerminalState>();
  const shown = new Set<string>();
  const moodAfter = new Map<string, Set<number>>();
  const exploration: Exploration = { start: null, states, terminals, shown, moodAfter };
  const startNode = nodes.get(scenario.start);
  if (!startNode) return exploration;
  const queue: NodeState[] = [];
  const visit = (node: ScenarioNode, facts: ReadonlySet<string>, critical: string, mood: number): string => {
    const key = `${node.id}|${factsKey(facts)}|${critical}|${mood}`;
    if (!states.has(key)) {
      const state: NodeState = { key, node, facts, critical, mood, offered: offeredChoices(node, facts), timeout: offeredTimeout(node, facts), edges: [] };
      states.set(key, state);
      queue.push(state);
    }
    return key;
  };
  const finish = (facts: ReadonlySet<string>, critical: string, mood: number, direct: ScenarioEnding | null): string => {
    const key = `${direct ? `=${direct.id}` : END}|${factsKey(facts)}|${critical}|${mood}`;
    if (!terminals.has(key)) {
      const matches = direct ? [direct] : matchingEndings(scenario, facts, critical !== '', mood);
      const ending = direct ?? selectEnding(scenario, facts, critical !== '', mood);
      terminals.set(key, { key, facts, critical, mood, ending, matches, legacy: direct !== null });
    }
    return key;
  };
  exploration.start = visit(startNode, new Set(), '', clampMood(scenario.persona.mood));
  while (queue.length) {
    const state = queue.shift() as NodeState;
    const { node, facts } = state;
    const variantIndex = node.variants.findIndex((v) => holds(v, facts));
    if (variantIndex >= 0) {
      shown.add(`${node.id}#v${variantIndex}`);
      (node.variants[variantIndex]?.lines ?? []).forEach((line, i) => holds(line, facts) && shown.add(`${node.id}#v${variantIndex}#l${i}`));
    } else node.lines.forEach((line, i) => holds(line, facts) && shown.add(`${node.id}#l${i}`));
    const replies = state.timeout ? [...state.offered, state.timeout] : state.offered;
    for (const choice of replies) {
      shown.add(choice.id);
      const mood = clampMood(state.mood + choice.mood);
      let set = moodAfter.get(choice.id);
      if (!set) moodAfter.set(choice.id, (set = new Set()));
      set.add(mood);
      const after = new Set(facts);
      for (const f of choice.clears) after.delete(f);
      for (const f of choice.sets) after.add(f);
      const critical = state.critical || (choice.critical ? choice.id : '');
      const b = branchIndexOf(choice, mood, after);
      if (b >= 0) shown.add(`${choice.id}#b${b}`);
      const target = b >= 0 ? (choice.branches[b]?.next as string) : choice.next;
      const timeout = choice === state.timeout;
      if (target === END || endings.has(target)) {
        const to = finish(after, critical, mood, target === END ? null : (endings.get(target) as ScenarioEnding));
        state.edges.push({ choice, timeout, to, terminal: true });
      } else {
        const next = nodes.get(target);
        if (next) state.edges.push({ choice, timeout, to: visit(next, after, critical, mood), terminal: false });
      }
    }
  }
  for (const t of terminals.values()) {
    const critical = t.critical !== '';
    t.ending.debrief.forEach((p, i) => {
      if (holds(p, t.facts) && (p.critical === undefined || p.critical === critical)) shown.add(`${t.ending.id}#d${i}`);
    });
  }
  return exploration;
}

/** Reachability, visibility, node content in every state, ending rules and criticals. */
function checkExploration(scenario: Scenario, found: Exploration, problems: string[]): void {
  if (found.start === null) return;
  const loose = structurallyReachable(scenario);
  const reachedNodes = new Set([...found.states.values()].map((s) => s.node.id));
  const reachedEndings = new Set([...found.terminals.values()].map((t) => t.ending.id));
  const why = (id: string) =>
    loose.has(id) ? 'only mood branches lead here and their conditions never hold on any route' : `no route from the start (${scenario.start}) leads here`;
  for (const node of scenario.nodes) if (!reachedNodes.has(node.id)) problems.push(`node ${node.id} → unreachable: ${why(node.id)}`);
  const usesEnd = scenario.nodes.some((n) => repliesOf(n).some((c) => targetsOf(c).includes(END)));
  for (const ending of scenario.endings) {
    if (reachedEndings.has(ending.id)) continue;
    problems.push(
      usesEnd
        ? `ending ${ending.id} → unreachable: no reachable end of the conversation matches its when rule (${ending.when.map(describeCondition).join(' or ')}) [ending-unreachable]`
        : `ending ${ending.id} → unreachable: ${why(ending.id)}`,
    );
  }
  // Per node: lines/variants/replies never shown; states with nothing to say or no reply.
  const noLine = new Map<string, NodeState>();
  const noReply = new Map<string, NodeState>();
  for (const s of found.states.values()) {
    if (nodeView(s.node, s.facts).lines.length === 0 && !noLine.has(s.node.id)) noLine.set(s.node.id, s);
    if (s.offered.length === 0 && !noReply.has(s.node.id)) noReply.set(s.node.id, s);
  }
  for (const node of scenario.nodes) {
    if (!reachedNodes.has(node.id)) continue;
    const nl = noLine.get(node.id);
    if (nl) problems.push(`node ${node.id} → shows no line when reached with ${describeFacts(nl.facts)}; add a line whose conditions hold then [no-line]`);
    const nr = noReply.get(node.id);
    if (nr && node.choices.length > 0) problems.push(`node ${node.id} → offers no reply when reached with ${describeFacts(nr.facts)}; add a reply whose conditions hold then [no-reply]`);
    const never = (what: string, key: string, c: Condition) => {
      if (!found.shown.has(key)) problems.push(`node ${node.id} → ${what} → never shown: its conditions (${describeCondition(c)}) never hold when the node is reached [never-shown]`);
    };
    node.variants.forEach((variant, v) => {
      if (!found.shown.has(`${node.id}#v${v}`)) {
        problems.push(`node ${node.id} → variant ${v + 1} → never used: its conditions (${describeCondition(variant)}) never hold first when the node is reached [never-shown]`);
      } else variant.lines.forEach((line, i) => never(`variant ${v + 1} → line ${i + 1}`, `${node.id}#v${v}#l${i}`, line));
    });
    const plainShown = [...found.states.values()].some((s) => s.node === node && !node.variants.some((v) => holds(v, s.facts)));
    if (plainShown) node.lines.forEach((line, i) => never(`line ${i + 1}`, `${node.id}#l${i}`, line));
    else if (node.variants.length > 0)
      problems.push(`node ${node.id} → lines → never shown: a variant always applies; move the lines into the last variant or drop its conditions [never-shown]`);
    for (const choice of repliesOf(node)) {
      if (!found.shown.has(choice.id)) {
        problems.push(`node ${node.id} → reply ${choice.id} → never offered: its conditions (${describeCondition({ requires: choice.requires, unless: choice.unless })}) never hold when the node is reached [never-shown]`);
        continue;
      }
      choice.branches.forEach((branch, i) => {
        if (found.shown.has(`${choice.id}#b${i}`)) return;
        const moodOnly = branch.requires.length === 0 && branch.unless.length === 0;
        problems.push(
          moodOnly
            ? `node ${node.id} → choice ${choice.id} → branch ${i + 1} (${describeMood(branch)}) never applies: after this reply the mood is ${moodRange(found.moodAfter.get(choice.id) ?? []).replace(/^mood (\d+)$/, 'always $1').replace(/^mood /, '')}`
            : `node ${node.id} → reply ${choice.id} → branch ${i + 1} (${describeCondition(branch)}) never applies after this reply (an earlier branch always wins, or its conditions never hold) [never-shown]`,
        );
      });
    }
  }
  checkEndingRules(scenario, found, problems);
}

/** Ending rules: every reachable end matches exactly one ending; no critical reply reaches the best one; debrief paragraphs shown. */
function checkEndingRules(scenario: Scenario, found: Exploration, problems: string[]): void {
  // Group terminal states by the reply that ends there and the facts/critical, collecting moods.
  interface Group {
    node: string;
    reply: string;
    facts: ReadonlySet<string>;
    critical: boolean;
    moods: number[];
    matches: ScenarioEnding[];
  }
  const gaps = new Map<string, Group>();
  const overlaps = new Map<string, Group>();
  const criticalBest = new Map<string, { critical: ScenarioChoice; node: string; ending: ScenarioEnding; via: string; moods: number[] }>();
  const { choices } = indexScenario(scenario);
  for (const s of found.states.values()) {
    for (const e of s.edges) {
      if (!e.terminal) continue;
      const t = found.terminals.get(e.to) as TerminalState;
      const hasCritical = t.critical !== '';
      if (!t.legacy && t.matches.length !== 1) {
        const target = t.matches.length === 0 ? gaps : overlaps;
        const key = `${s.node.id}|${e.choice.id}|${factsKey(t.facts)}|${hasCritical}|${t.matches.map((m) => m.id).join(',')}`;
        const g = target.get(key) ?? { node: s.node.id, reply: e.choice.id, facts: t.facts, critical: hasCritical, moods: [], matches: t.matches };
        g.moods.push(t.mood);
        target.set(key, g);
      }
      if (hasCritical) {
        for (const ending of t.matches) {
          if (ending.outcome !== BEST_OUTCOME) continue;
          const key = `${t.critical}|${ending.id}|${s.node.id}|${e.choice.id}`;
          const ref = choices.get(t.critical);
          if (!ref) continue;
          const c = criticalBest.get(key) ?? { critical: ref.choice, node: ref.node.id, ending, via: `node ${s.node.id} reply ${e.choice.id}`, moods: [] };
          c.moods.push(t.mood);
          criticalBest.set(key, c);
        }
      }
    }
  }
  const where = (g: Group) => `node ${g.node} → reply ${g.reply}`;
  const stateText = (g: Group) => `${describeFacts(g.facts)}; critical: ${g.critical ? 'yes' : 'no'}; ${moodRange(g.moods)}`;
  for (const g of gaps.values()) problems.push(`${where(g)} → ends the conversation where no ending's when rule matches (${stateText(g)}); widen a rule or add an ending [ending-gap]`);
  for (const g of overlaps.values())
    problems.push(`${where(g)} → ends the conversation where ${g.matches.map((m) => m.id).join(' and ')} ${g.matches.length === 2 ? 'both' : 'all'} match (${stateText(g)}); make the when rules exclusive [ending-overlap]`);
  const seen = new Set<string>();
  for (const c of criticalBest.values()) {
    const key = `${c.critical.id}|${c.ending.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(
      `node ${c.node} → reply ${c.critical.id} (critical: ${c.critical.critical}) → can still reach the best ending ${c.ending.id} (ending at ${c.via}, ${moodRange(c.moods)}); give ${c.ending.id} when: { critical: false } [critical-best]`,
    );
  }
  const silent = new Map<string, TerminalState>();
  for (const t of found.terminals.values()) {
    if (!silent.has(t.ending.id) && debriefOf(t.ending, t.facts, t.critical !== '').length === 0) silent.set(t.ending.id, t);
  }
  for (const [id, t] of silent)
    problems.push(
      `ending ${id} → shows no debrief paragraph when reached with ${describeFacts(t.facts)}; critical: ${t.critical ? 'yes' : 'no'}; add a paragraph whose conditions hold then [no-debrief]`,
    );
  for (const ending of scenario.endings) {
    if (ending.debrief.length < 2 && ending.debrief.every((p) => p.requires.length === 0 && p.unless.length === 0 && p.critical === undefined)) continue;
    if (![...found.terminals.values()].some((t) => t.ending === ending)) continue;
    ending.debrief.forEach((p, i) => {
      if (!found.shown.has(`${ending.id}#d${i}`))
        problems.push(`ending ${ending.id} → debrief ${i + 1} → never shown: its conditions (${describeCondition(p)}) never hold on a path into this ending [never-shown]`);
    });
  }
}

interface StateValue {
  dimMax: number[];
  total: number;
  rank: number;
  finalMood: number;
  best: Edge | null;
  longest: number;
  /** Distinct choice paths from here to the best-outcome ending. */
  routesToBest: number;
}

interface Scored {
  values: Map<string, StateValue>;
  derived: ScenarioDerived;
  bestStates: NodeState[];
  routesToBest: number;
}
const scoredCache = new WeakMap<Exploration, Scored>();

/** Scores over the explored states (a DP; needs an acyclic graph). Computed once per exploration. */
export function scoreExploration(found: Exploration): Scored {
  const hit = scoredCache.get(found);
  if (hit) return hit;
  const scored = score(found);
  scoredCache.set(found, scored);
  return scored;
}

function score(found: Exploration): Scored {
  const values = new Map<string, StateValue>();
  const terminalValue = (t: TerminalState): StateValue => ({
    dimMax: DIMENSIONS.map(() => 0),
    total: 0,
    rank: outcomeRank(t.ending.outcome),
    finalMood: t.mood,
    best: null,
    longest: 0,
    routesToBest: t.ending.outcome === BEST_OUTCOME ? 1 : 0,
  });
  const valueOf = (key: string, terminal: boolean): StateValue => {
    if (terminal) return terminalValue(found.terminals.get(key) as TerminalState);
    const hit = values.get(key);
    if (hit) return hit;
    const state = found.states.get(key) as NodeState;
    const value: StateValue = { dimMax: DIMENSIONS.map(() => -Infinity), total: -Infinity, rank: -1, finalMood: -1, best: null, longest: 0, routesToBest: 0 };
    for (const edge of state.edges) {
      const sub = valueOf(edge.to, edge.terminal);
      const points = pointsOf(edge.choice);
      value.dimMax = value.dimMax.map((m, d) => Math.max(m, (points[d] as number) + (sub.dimMax[d] as number)));
      const total = points.reduce((a, b) => a + b, 0) + sub.total;
      const better = total > value.total || (total === value.total && (sub.rank > value.rank || (sub.rank === value.rank && sub.finalMood > value.finalMood)));
      if (better) Object.assign(value, { total, rank: sub.rank, finalMood: sub.finalMood, best: edge });
      value.longest = Math.max(value.longest, (edge.timeout ? 0 : 1) + sub.longest);
      value.routesToBest += sub.routesToBest;
    }
    if (state.edges.length === 0) Object.assign(value, { dimMax: DIMENSIONS.map(() => 0), total: 0 });
    values.set(key, value);
    return value;
  };
  const root = valueOf(found.start as string, false);
  const best: string[] = [];
  const bestStates: NodeState[] = [];
  let key = found.start as string;
  for (;;) {
    const state = found.states.get(key) as NodeState;
    bestStates.push(state);
    const edge = (values.get(key) as StateValue).best;
    if (!edge) break;
    best.push(edge.choice.id);
    if (edge.terminal) break;
    key = edge.to;
  }
  const endings: string[] = [];
  for (const t of found.terminals.values()) if (!endings.includes(t.ending.id)) endings.push(t.ending.id);
  return {
    values,
    bestStates,
    routesToBest: root.routesToBest,
    derived: { max: root.dimMax, maxTotal: root.total, best, longest: root.longest, endings },
  };
}

/** Maximum attainable points, best path and longest path (over the reachable states). */
export function deriveScoring(scenario: Scenario): ScenarioDerived {
  const derived = scoreExploration(explore(scenario)).derived;
  return { ...derived, endings: scenario.endings.filter((e) => derived.endings.includes(e.id)).map((e) => e.id) };
}

function checkScoring(scenario: Scenario, found: Exploration, derived: ScenarioDerived, problems: string[]): void {
  const { choices } = indexScenario(scenario);
  DIMENSIONS.forEach((dimension, d) => {
    if ((derived.max[d] ?? 0) <= 0) problems.push(`scoring → no reply on any path earns ${dimension} points; every role-play is scored on all five dimensions`);
  });
  const raw = DIMENSIONS.map(() => 0);
  for (const id of derived.best) {
    const ref = choices.get(id);
    if (!ref) return;
    if (ref.choice.tempting) problems.push(`node ${ref.node.id} → choice ${id} is marked tempting but it is on the best path`);
    if (ref.timeout) problems.push(`node ${ref.node.id} → the best path runs out the timer (timeout reply ${id}); some reply should beat waiting`);
    pointsOf(ref.choice).forEach((p, d) => (raw[d] = (raw[d] as number) + p));
  }
  const ending = bestEnding(found);
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

/** The ending the best path reaches. */
function bestEnding(found: Exploration): ScenarioEnding | null {
  const { values } = scoreExploration(found);
  let key = found.start;
  while (key !== null) {
    const edge = values.get(key)?.best;
    if (!edge) return null;
    if (edge.terminal) return found.terminals.get(edge.to)?.ending ?? null;
    key = edge.to;
  }
  return null;
}

/** Runs every check; `derived` is filled only when the graph is sound enough to score. */
export function analyseScenario(scenario: Scenario): ScenarioAnalysis {
  const problems: string[] = [];
  checkIds(scenario, problems);
  checkNodes(scenario, problems);
  checkFacts(scenario, problems);
  const looped = checkLoops(scenario, problems);
  if (looped) return { problems, derived: null, exploration: null };
  const found = explore(scenario);
  checkExploration(scenario, found, problems);
  const structural = problems.some((p) => !/\[[a-z-]+\]$/.test(p));
  if (structural || found.start === null) return { problems, derived: null, exploration: found };
  const derived = { ...scoreExploration(found).derived };
  derived.endings = scenario.endings.filter((e) => derived.endings.includes(e.id)).map((e) => e.id);
  checkScoring(scenario, found, derived, problems);
  return { problems, derived, exploration: found };
}
