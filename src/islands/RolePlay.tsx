import { useStore } from '@nanostores/preact';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ScenarioProgress } from '../engine/learner-state.ts';
import { BAND_EXCELLENT, BAND_PASS, COMPLAINT_STEPS, DIMENSIONS, indexScenario, type RolePlayScenario, type ScenarioLine, type ScenarioNode } from '../engine/scenario/model.ts';
import { playResonance } from '../engine/scenario/result.ts';
import { replayPath, stepsInOrder, turnsOf, type Turn } from '../engine/scenario/runner.ts';
import { band } from '../engine/scenario/score.ts';
import { tr, type RoleplayUiKey } from '../i18n/zh-CN.roleplay.ts';
import { $hydrated, $learner } from '../state/progress.ts';
import {
  $replyTiming,
  chooseReply,
  lastResultView,
  playInProgress,
  replayScenario,
  replySeconds,
  setReplyTiming,
  startScenario,
  type TimingPreference,
} from '../state/scenario.ts';
import './RolePlay.css';

export interface RolePlayProps {
  /** The scenario with what the build derived (see rolePlayIslandProps). */
  scenario: RolePlayScenario;
  /** Lesson whose objective a finished play counts toward. */
  lessonId?: string;
  /** Heading level of the role-play title: 2 inside a page (default), 1 when it is the page. */
  headingLevel?: 1 | 2;
}

const t = tr;

const moodLabel = (mood: number) => t(`roleplay.mood.${Math.min(4, Math.floor(mood / 20))}` as RoleplayUiKey);
const delta = (n: number) => (n > 0 ? t('roleplay.up', { n }) : n < 0 ? t('roleplay.down', { n: -n }) : t('roleplay.same'));
const outcomeText = (outcome: string) => t(`roleplay.outcome.${outcome}` as RoleplayUiKey);
const dimText = (d: string) => t(`roleplay.dim.${d}` as RoleplayUiKey);
const stepText = (s: string) => t(`roleplay.step.${s}` as RoleplayUiKey);
const TIMINGS: TimingPreference[] = ['standard', 'extended', 'off'];

type Focus = 'line' | 'end' | null;

/** Heading tags below the role-play's title: sections, then subsections of the end screen. */
const Levels = createContext({ H: 'h3' as 'h2' | 'h3', HH: 'h4' as 'h3' | 'h4' });

export default function RolePlay({ scenario, lessonId, headingLevel = 2 }: RolePlayProps) {
  // The first client render must match the server's HTML (Preact's hydration does not patch
  // attributes), so stored progress and preferences are used only once mounted.
  const [mounted, setMounted] = useState(false);
  const learner = useStore($learner);
  const hydrated = useStore($hydrated);
  const storedTiming = useStore($replyTiming);
  const timing: TimingPreference = mounted ? storedTiming : 'standard';
  const progress = mounted ? learner.scenarios[scenario.id] : undefined;
  const path = progress?.current ?? null;
  const play = useMemo(() => (path ? replayPath(scenario, path) : null), [scenario, path]);
  const [waited, setWaited] = useState(false);
  const ready = mounted && (hydrated || waited);
  const [announce, setAnnounce] = useState('');
  const [notice, setNotice] = useState('');
  const focus = useRef<Focus>(null);
  const root = useRef<HTMLElement>(null);
  const uid = `rp-${scenario.id}`;
  const timed = scenario.nodes.some((n) => n.timeLimit !== undefined);

  useEffect(() => setMounted(true), []);

  // Until the stored progress is loaded, a click would be overwritten by it; wait (briefly).
  useEffect(() => {
    if (hydrated) return;
    const timer = setTimeout(() => setWaited(true), 3000);
    return () => clearTimeout(timer);
  }, [hydrated]);

  // A stored path that no longer fits the content: start the conversation again, and say so.
  useEffect(() => {
    if (path && (!play || play.ending !== null)) {
      playInProgress(scenario);
      setNotice(t('roleplay.resumeReset'));
    }
  }, [scenario, path, play]);

  useEffect(() => {
    const target = focus.current;
    if (!target) return;
    // The store-driven render can land after this one; keep the request until its element exists.
    const element = root.current?.querySelector<HTMLElement>(target === 'end' ? `#${uid}-result` : `#${uid}-current`);
    if (!element) return;
    focus.current = null;
    element.focus();
  });

  const begin = (replay: boolean) => {
    if (replay) replayScenario(scenario.id);
    else startScenario(scenario.id);
    setNotice('');
    setAnnounce('');
    focus.current = 'line';
  };

  const choose = (choiceId: string) => {
    const before = play?.mood ?? scenario.persona.mood;
    const result = chooseReply(scenario, choiceId, { lessonId });
    if (result) {
      setAnnounce(t('roleplay.ended', { outcome: outcomeText(indexScenario(scenario).endings.get(result.ending)?.outcome ?? ''), total: result.total }));
      focus.current = 'end';
      return;
    }
    const now = playInProgress(scenario);
    if (!now) return;
    setAnnounce(
      t('roleplay.moodChange', { name: scenario.persona.name, label: moodLabel(now.mood), value: now.mood, delta: delta(now.mood - before) }),
    );
    focus.current = 'line';
  };

  const Title = headingLevel === 1 ? 'h1' : 'h2';
  const phase = path && play && play.ending === null ? 'play' : !path && progress?.last ? 'end' : 'intro';
  const levels = headingLevel === 1 ? ({ H: 'h2', HH: 'h3' } as const) : ({ H: 'h3', HH: 'h4' } as const);
  return (
    <Levels.Provider value={levels}>
      <section class="rp" ref={root} aria-labelledby={`${uid}-title`} data-scenario={scenario.id} data-phase={phase}>
        <Title id={`${uid}-title`} class="rp-title">
          {t('roleplay.heading', { title: scenario.title })}
        </Title>
        <p class="rp-status-live visually-hidden" role="status" aria-live="polite">
          {announce}
        </p>
        {notice && (
          <p class="rp-notice" role="status">
            {notice}
          </p>
        )}
        {phase === 'intro' && (
          <Intro scenario={scenario} progress={progress} ready={ready} timed={timed} timing={timing} uid={uid} onStart={() => begin(false)} />
        )}
        {phase === 'play' && play && (
          <Conversation scenario={scenario} path={path ?? []} uid={uid} timing={timing} onChoose={choose} onRestart={() => begin(true)} />
        )}
        {phase === 'end' && progress?.last && <EndScreen scenario={scenario} uid={uid} onReplay={() => begin(true)} />}
      </section>
    </Levels.Provider>
  );
}

function Intro(props: {
  scenario: RolePlayScenario;
  progress: ScenarioProgress | undefined;
  ready: boolean;
  timed: boolean;
  timing: TimingPreference;
  uid: string;
  onStart: () => void;
}) {
  const { scenario, progress, ready, timed, timing, uid, onStart } = props;
  return (
    <div class="rp-intro">
      <Brief scenario={scenario} open />
      {progress && progress.plays > 0 && progress.best !== null && (
        <p class="rp-meta">
          {t('roleplay.bestSoFar', { plays: progress.plays, best: progress.best, passed: progress.passed ? t('roleplay.passedMark') : '' })}
        </p>
      )}
      {timed && <TimingSetting uid={uid} timing={timing} />}
      <button type="button" class="rp-button" onClick={onStart} disabled={!ready} aria-describedby={ready ? undefined : `${uid}-loading`}>
        {t('roleplay.start')}
      </button>
      {!ready && (
        <p id={`${uid}-loading`} class="rp-meta">
          {t('roleplay.loading')}
        </p>
      )}
    </div>
  );
}

function Brief({ scenario, open }: { scenario: RolePlayScenario; open: boolean }) {
  const { H } = useContext(Levels);
  const body = (
    <>
      <dl class="rp-facts">
        <dt>{t('roleplay.yourRole')}</dt>
        <dd>{scenario.role}</dd>
        <dt>{t('roleplay.customer')}</dt>
        <dd>
          {scenario.persona.name}：{scenario.persona.about}
        </dd>
      </dl>
      <p class="rp-brief">{scenario.brief}</p>
      {scenario.known.length > 0 && (
        <div class="rp-known">
          <H class="rp-h">{t('roleplay.known')}</H>
          <ul>
            {scenario.known.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
  if (open) return <div class="rp-briefing">{body}</div>;
  return (
    <details class="rp-briefing rp-collapsible">
      <summary>{t('roleplay.brief')}</summary>
      {body}
    </details>
  );
}

function TimingSetting({ uid, timing }: { uid: string; timing: TimingPreference }) {
  return (
    <fieldset class="rp-timing">
      <legend>{t('roleplay.timing')}</legend>
      <p class="rp-meta" id={`${uid}-timing-hint`}>
        {t('roleplay.timingHint')}
      </p>
      <div class="rp-radios">
        {TIMINGS.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${uid}-timing`}
              value={value}
              checked={timing === value}
              onChange={() => setReplyTiming(value)}
              aria-describedby={`${uid}-timing-hint`}
            />
            {t(`roleplay.timing.${value}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function speakerLabel(scenario: RolePlayScenario, line: ScenarioLine): string {
  if (line.speaker === 'narrator') return t('roleplay.narrator');
  if (line.speaker === 'colleague' && scenario.colleague) return t('roleplay.colleagueLabel', scenario.colleague);
  return t('roleplay.customerLabel', { name: scenario.persona.name });
}

function NodeLines({ scenario, node, current, uid }: { scenario: RolePlayScenario; node: ScenarioNode; current: boolean; uid: string }) {
  return (
    <>
      {node.lines.map((line, i) => (
        <li
          key={`${node.id}-${i}`}
          class={`rp-line rp-${line.speaker}`}
          id={current && i === 0 ? `${uid}-current` : undefined}
          tabIndex={current && i === 0 ? -1 : undefined}
        >
          <span class="rp-speaker">{speakerLabel(scenario, line)}</span>
          {line.speaker === 'customer' && node.emotion && i === node.lines.findIndex((l) => l.speaker === 'customer') && (
            <span class="rp-emotion">{t('roleplay.emotion', { emotion: node.emotion })}</span>
          )}
          <span class="rp-text">{line.text}</span>
        </li>
      ))}
    </>
  );
}

function MoodMeter({ name, mood }: { name: string; mood: number }) {
  const label = moodLabel(mood);
  const level = Math.min(4, Math.floor(mood / 20));
  return (
    <div class="rp-mood">
      <span class="rp-mood-name" aria-hidden="true">
        {t('roleplay.mood', { name })}
      </span>
      <div
        class="rp-meter"
        role="meter"
        aria-label={t('roleplay.mood', { name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={mood}
        aria-valuetext={t('roleplay.moodValue', { value: mood, label })}
        data-level={level}
      >
        <div class="rp-meter-fill" style={{ width: `${mood}%` }} />
      </div>
      <span class="rp-mood-value" aria-hidden="true">
        {t('roleplay.moodValue', { value: mood, label })}
      </span>
    </div>
  );
}

function Conversation(props: {
  scenario: RolePlayScenario;
  path: string[];
  uid: string;
  timing: TimingPreference;
  onChoose: (id: string) => void;
  onRestart: () => void;
}) {
  const { scenario, path, uid, timing, onChoose, onRestart } = props;
  const { H } = useContext(Levels);
  const state = replayPath(scenario, path);
  const turns = turnsOf(scenario, path);
  const node = state?.node ? indexScenario(scenario).nodes.get(state.node) : undefined;
  if (!state || !node) return null;
  const seconds = replySeconds(node.timeLimit, timing);
  return (
    <div class="rp-play">
      <div class="rp-toolbar">
        <MoodMeter name={scenario.persona.name} mood={state.mood} />
        <Brief scenario={scenario} open={false} />
        {scenario.nodes.some((n) => n.timeLimit !== undefined) && (
          <details class="rp-collapsible rp-settings">
            <summary>{t('roleplay.settings')}</summary>
            <TimingSetting uid={uid} timing={timing} />
          </details>
        )}
      </div>
      <H class="rp-h visually-hidden" id={`${uid}-log`}>
        {t('roleplay.conversation')}
      </H>
      <ol class="rp-log" aria-labelledby={`${uid}-log`}>
        {turns.map((turn, i) => (
          <TurnLines key={`${turn.choice.id}-${i}`} scenario={scenario} turn={turn} uid={uid} />
        ))}
        <NodeLines scenario={scenario} node={node} current uid={uid} />
      </ol>
      <div class="rp-choices" role="group" aria-labelledby={`${uid}-prompt`}>
        <H class="rp-h" id={`${uid}-prompt`}>
          {t('roleplay.yourTurn')}
        </H>
        {seconds !== null && node.timeout && (
          <ReplyTimer key={`${node.id}-${path.length}-${seconds}`} seconds={seconds} onExpire={() => onChoose(node.timeout?.id ?? '')} />
        )}
        <ul class="rp-options">
          {node.choices.map((choice) => (
            <li key={choice.id}>
              <button type="button" class="rp-choice" data-choice={choice.id} onClick={() => onChoose(choice.id)}>
                {choice.text}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <button type="button" class="rp-button rp-secondary rp-restart" onClick={onRestart}>
        {t('roleplay.restart')}
      </button>
    </div>
  );
}

function TurnLines({ scenario, turn, uid }: { scenario: RolePlayScenario; turn: Turn; uid: string }) {
  return (
    <>
      <NodeLines scenario={scenario} node={turn.node} current={false} uid={uid} />
      <li class="rp-line rp-learner">
        <span class="rp-speaker">{t('roleplay.you')}</span>
        <span class="rp-text">{turn.timedOut ? `${t('roleplay.timedOut')} ${turn.choice.text}` : turn.choice.text}</span>
      </li>
    </>
  );
}

function ReplyTimer({ seconds, onExpire }: { seconds: number; onExpire: () => void }) {
  const [left, setLeft] = useState(seconds);
  const expire = useRef(onExpire);
  expire.current = onExpire;
  useEffect(() => {
    const deadline = Date.now() + seconds * 1000;
    const tick = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining <= 0) {
        clearInterval(tick);
        expire.current();
      }
    }, 250);
    return () => clearInterval(tick);
  }, [seconds]);
  const warn = left <= 10;
  return (
    <div class="rp-timer" data-warn={warn ? 'true' : 'false'}>
      <span aria-hidden="true">{t('roleplay.timer', { seconds: left })}</span>
      <div class="rp-timer-track" aria-hidden="true">
        <div class="rp-timer-fill" style={{ width: `${(left / seconds) * 100}%` }} />
      </div>
      {/* Screen readers hear the limit once and a single warning, not every second. */}
      <span class="visually-hidden" aria-live="polite">
        {warn && left > 0 ? t('roleplay.timerWarning', { seconds: 10 }) : ''}
      </span>
      <span class="visually-hidden">{t('roleplay.timer', { seconds })}</span>
    </div>
  );
}

/** Radar chart of the five dimensions; the table next to it carries the same numbers. */
function Radar({ values, uid }: { values: number[]; uid: string }) {
  const size = 320;
  const c = size / 2;
  const r = 100;
  const angle = (i: number) => -Math.PI / 2 + (i * 2 * Math.PI) / DIMENSIONS.length;
  const at = (i: number, value: number) => {
    const k = (value / 100) * r;
    return [c + k * Math.cos(angle(i)), c + k * Math.sin(angle(i))] as const;
  };
  const ring = (value: number) => DIMENSIONS.map((_, i) => at(i, value).map((n) => n.toFixed(1)).join(',')).join(' ');
  const shape = values.map((v, i) => at(i, v).map((n) => n.toFixed(1)).join(',')).join(' ');
  return (
    <svg
      class="rp-radar"
      viewBox={`-72 10 ${size + 144} ${size - 20}`}
      role="img"
      aria-labelledby={`${uid}-chart-title ${uid}-chart-desc`}
      data-cx={c}
      data-cy={c}
      data-r={r}
    >
      <title id={`${uid}-chart-title`}>{t('roleplay.chartTitle')}</title>
      <desc id={`${uid}-chart-desc`}>{t('roleplay.chartDesc')}</desc>
      <polygon class="rp-ring" points={ring(100)} />
      <polygon class="rp-ring rp-ring-band" points={ring(BAND_EXCELLENT)} />
      <polygon class="rp-ring rp-ring-band" points={ring(BAND_PASS)} />
      {DIMENSIONS.map((_, i) => {
        const [x, y] = at(i, 100);
        return <line key={i} class="rp-axis" x1={c} y1={c} x2={x} y2={y} />;
      })}
      <polygon class="rp-shape" points={shape} />
      {values.map((v, i) => {
        const [x, y] = at(i, v);
        return <circle key={i} class="rp-dot" cx={x.toFixed(1)} cy={y.toFixed(1)} r="4" data-dimension={DIMENSIONS[i]} data-value={v} />;
      })}
      {DIMENSIONS.map((d, i) => {
        const [x, y] = at(i, 128);
        const anchor = Math.abs(x - c) < 5 ? 'middle' : x > c ? 'start' : 'end';
        return (
          <text key={d} class="rp-axis-label" x={x.toFixed(1)} y={(y + 5).toFixed(1)} text-anchor={anchor}>
            {`${dimText(d)} ${values[i] ?? 0}`}
          </text>
        );
      })}
    </svg>
  );
}

/** The end screen of the last finished play (exported for tests). */
export function EndScreen({ scenario, uid, onReplay }: { scenario: RolePlayScenario; uid: string; onReplay: () => void }) {
  const { H, HH } = useContext(Levels);
  const last = lastResultView(scenario, useStore($learner).scenarios[scenario.id]?.last);
  if (!last) return null;
  const { endings } = indexScenario(scenario);
  const ending = endings.get(last.ending);
  const state = replayPath(scenario, last.path);
  const turns = turnsOf(scenario, last.path);
  const best = new Set(scenario.derived.best);
  const bestTurns = turnsOf(scenario, scenario.derived.best);
  const bestState = replayPath(scenario, scenario.derived.best);
  const bestEnding = bestState?.ending ? endings.get(bestState.ending) : undefined;
  const feel = state ? playResonance(scenario, state) : null;
  const missing = COMPLAINT_STEPS.filter((s) => !last.steps.includes(s));
  const rank = last.steps.map((s) => COMPLAINT_STEPS.indexOf(s as (typeof COMPLAINT_STEPS)[number]));
  const ordered = rank.every((r, i) => i === 0 || r > (rank[i - 1] as number));
  const stepsVerdict = stepsInOrder(last.steps)
    ? t('roleplay.stepsInOrder')
    : (missing.length ? t('roleplay.stepsMissing', { steps: missing.map(stepText).join('、') }) : '') + (ordered ? '' : t('roleplay.stepsOrder'));
  const pct = (n: number) => Math.round(n * 100);
  return (
    <div class="rp-end">
      <H class="rp-h rp-result-title" id={`${uid}-result`} tabIndex={-1}>
        {t('roleplay.result')}
      </H>
      <div class="rp-outcome" data-outcome={ending?.outcome}>
        <p class="rp-outcome-line">
          <strong>
            {t('roleplay.outcomeLabel')}：{ending ? outcomeText(ending.outcome) : last.ending}
          </strong>
          {ending && <span> — {ending.title}</span>}
        </p>
        {ending && <p class="rp-closing">{ending.text}</p>}
        <p class="rp-score">
          <strong>{t('roleplay.total', { total: last.total })}</strong>{' '}
          <span class="rp-verdict" data-passed={last.passed ? 'true' : 'false'}>
            {last.passed ? t('roleplay.passed') : t('roleplay.failed')}
          </span>
        </p>
        <p class="rp-meta">{t('roleplay.passRule', scenario.pass)}</p>
      </div>

      <div class="rp-scores">
        <Radar values={last.dimensions} uid={uid} />
        <table class="rp-table">
          <caption>{t('roleplay.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roleplay.dimension')}</th>
              <th scope="col">{t('roleplay.score')}</th>
              <th scope="col">{t('roleplay.band')}</th>
            </tr>
          </thead>
          <tbody>
            {DIMENSIONS.map((d, i) => {
              const score = last.dimensions[i] ?? 0;
              return (
                <tr key={d} data-dimension={d}>
                  <th scope="row">{dimText(d)}</th>
                  <td class="rp-num">{score}</td>
                  <td data-band={band(score)}>{t(`roleplay.band.${band(score)}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {feel && (
        <>
          <HH class="rp-h">{t('roleplay.resonance')}</HH>
          <p>
            {feel.achieved
              ? t('roleplay.resonanceYes', { drop: pct(Math.max(0, feel.drop)) })
              : t('roleplay.resonanceNo', { change: feel.drop > 0 ? t('roleplay.resonanceDown', { drop: pct(feel.drop) }) : t('roleplay.resonanceUp') })}
          </p>
        </>
      )}

      <HH class="rp-h">{t('roleplay.steps')}</HH>
      {last.steps.length > 0 ? (
        <>
          <p>{t('roleplay.stepsDone')}</p>
          <ol class="rp-steps">
            {last.steps.map((s) => (
              <li key={s}>{stepText(s)}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t('roleplay.stepsNone')}</p>
      )}
      {last.steps.length > 0 && <p>{stepsVerdict}</p>}

      {ending && (
        <>
          <HH class="rp-h">{t('roleplay.debrief')}</HH>
          <p class="rp-debrief">{ending.debrief}</p>
        </>
      )}

      <HH class="rp-h">{t('roleplay.review')}</HH>
      <ol class="rp-review">
        {turns.map((turn, i) => (
          <ReviewItem key={`${turn.choice.id}-${i}`} scenario={scenario} turn={turn} best={best.has(turn.choice.id)} />
        ))}
      </ol>

      <HH class="rp-h">{t('roleplay.bestPath')}</HH>
      <p>{t('roleplay.bestPathIntro')}</p>
      <ol class="rp-review rp-best">
        {bestTurns.map((turn, i) => (
          <ReviewItem key={`${turn.choice.id}-${i}`} scenario={scenario} turn={turn} best={false} />
        ))}
      </ol>
      {bestEnding && <p class="rp-meta">{t('roleplay.bestEnding', { outcome: `${outcomeText(bestEnding.outcome)} — ${bestEnding.title}` })}</p>}

      <button type="button" class="rp-button" onClick={onReplay}>
        {t('roleplay.replay')}
      </button>
    </div>
  );
}

function ReviewItem({ scenario, turn, best }: { scenario: RolePlayScenario; turn: Turn; best: boolean }) {
  const said = turn.node.lines.find((l) => l.speaker !== 'narrator') ?? turn.node.lines[0];
  return (
    <li class="rp-review-item">
      {said && (
        <p class="rp-quote">
          <span class="rp-speaker">{speakerLabel(scenario, said)}</span>
          {said.text}
        </p>
      )}
      <p class="rp-said">
        <span class="rp-speaker">{t('roleplay.reviewSaid')}</span>
        {turn.timedOut ? `${t('roleplay.timedOut')} ${turn.choice.text}` : turn.choice.text}
      </p>
      <p class="rp-tags">
        {best && <span class="rp-tag rp-tag-best">{t('roleplay.bestMark')}</span>}
        {turn.choice.tempting && <span class="rp-tag rp-tag-trap">{t('roleplay.trapMark')}</span>}
        <span class="rp-tag">{t('roleplay.moodDelta', { delta: delta(turn.moodAfter - turn.moodBefore) })}</span>
      </p>
      <p class="rp-feedback">{turn.choice.feedback}</p>
    </li>
  );
}
