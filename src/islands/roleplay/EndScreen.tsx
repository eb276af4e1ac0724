import { useContext } from 'preact/hooks';
import { COMPLAINT_STEPS, type RolePlayScenario } from '../../engine/scenario/model.ts';
import { stepsInOrder } from '../../engine/scenario/runner.ts';
import type { DimensionPoints, EndView, ReviewTurn } from '../../state/roleplay-view.ts';
import { speakerLabel } from './Conversation.tsx';
import { DimName, Radar, ScoreTable } from './Scores.tsx';
import { Levels, criticalText, delta, outcomeText, stepText, t } from './text.ts';

/**
 * After play: the outcome, the radar and 再练一次 first; then the critical events with why, the
 * debrief built from the path, the per-turn review (numbers are fine here), the resonance and
 * the steps; the best path only once revealed (second finished play or a pass).
 */
export function EndScreen(props: { scenario: RolePlayScenario; view: EndView; uid: string; href: string | null; onReplay: () => void }) {
  const { scenario, view, uid, href, onReplay } = props;
  const { H, HH } = useContext(Levels);
  const { ending } = view;
  return (
    <div class="rp-end">
      <H class="rp-h rp-result-title" id={`${uid}-result`} tabIndex={-1}>
        {t('roleplay.result')}
      </H>
      <div class="rp-outcome" data-outcome={ending?.outcome}>
        <p class="rp-outcome-line">
          <strong>
            {t('roleplay.outcomeLabel')}
            {t('roleplay.colon')}
            {ending ? outcomeText(ending.outcome) : ''}
          </strong>
          {ending && <span lang="zh-CN"> — {ending.title}</span>}
        </p>
        {ending && <p class="rp-closing" lang="zh-CN">{ending.text}</p>}
        <p class="rp-score">
          <strong>{t('roleplay.total', { total: view.total })}</strong>{' '}
          <span class="rp-verdict" data-passed={view.passed ? 'true' : 'false'}>
            {view.passed ? t('roleplay.passed') : t('roleplay.failed')}
          </span>
        </p>
        <p class="rp-meta">{t('roleplay.passRule', scenario.pass)}</p>
      </div>
      <div class="rp-scores">
        <Radar values={view.dimensions} uid={uid} />
        <ScoreTable values={view.dimensions} href={href} />
      </div>
      <button type="button" class="rp-button rp-replay" onClick={onReplay}>
        {t('roleplay.replay')}
      </button>

      {view.critical.length > 0 && (
        <div class="rp-critical">
          <HH class="rp-h">{t('roleplay.critical')}</HH>
          <p>{t('roleplay.criticalIntro')}</p>
          <ul>
            {view.critical.map((c) => (
              <li key={c.choice} data-critical={c.kind}>
                <strong>{criticalText(c.kind)}</strong>
                {t('roleplay.colon')}
                <span lang="zh-CN">“{c.text}” {c.why}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {view.debrief.length > 0 && (
        <>
          <HH class="rp-h">{t('roleplay.debrief')}</HH>
          {view.debrief.map((text, i) => (
            <p key={i} class="rp-debrief" lang="zh-CN">
              {text}
            </p>
          ))}
        </>
      )}

      <HH class="rp-h">{t('roleplay.review')}</HH>
      {view.replayable ? (
        <ol class="rp-review">
          {view.review.map((turn, i) => (
            <ReviewItem key={i} scenario={scenario} turn={turn} href={href} />
          ))}
        </ol>
      ) : (
        <p class="rp-notice">{t('roleplay.staleReview')}</p>
      )}

      {view.resonance && <Resonance {...view.resonance} />}
      <Steps steps={view.steps} />

      <HH class="rp-h">{t('roleplay.bestPath')}</HH>
      {view.bestPath ? (
        <>
          <p>{t('roleplay.bestPathIntro')}</p>
          <ol class="rp-review rp-best">
            {view.bestPath.review.map((turn, i) => (
              <ReviewItem key={i} scenario={scenario} turn={turn} href={href} />
            ))}
          </ol>
          {view.bestPath.ending && (
            <p class="rp-meta">{t('roleplay.bestEnding', { outcome: `${outcomeText(view.bestPath.ending.outcome)} — ${view.bestPath.ending.title}` })}</p>
          )}
        </>
      ) : (
        <p class="rp-meta rp-best-locked">{t('roleplay.bestPathLocked')}</p>
      )}
    </div>
  );
}

function Resonance({ achieved, drop }: { achieved: boolean; drop: number }) {
  const { HH } = useContext(Levels);
  const pct = (n: number) => Math.round(n * 100);
  return (
    <>
      <HH class="rp-h">{t('roleplay.resonance')}</HH>
      <p>
        {achieved
          ? t('roleplay.resonanceYes', { drop: pct(Math.max(0, drop)) })
          : t('roleplay.resonanceNo', { change: drop > 0 ? t('roleplay.resonanceDown', { drop: pct(drop) }) : t('roleplay.resonanceUp') })}
      </p>
    </>
  );
}

function Steps({ steps }: { steps: string[] }) {
  const { HH } = useContext(Levels);
  const missing = COMPLAINT_STEPS.filter((s) => !steps.includes(s));
  const rank = steps.map((s) => COMPLAINT_STEPS.indexOf(s as (typeof COMPLAINT_STEPS)[number]));
  const ordered = rank.every((r, i) => i === 0 || r > (rank[i - 1] as number));
  const verdict = stepsInOrder(steps)
    ? t('roleplay.stepsInOrder')
    : (missing.length ? t('roleplay.stepsMissing', { steps: missing.map(stepText).join('、') }) : '') + (ordered ? '' : t('roleplay.stepsOrder'));
  return (
    <>
      <HH class="rp-h">{t('roleplay.steps')}</HH>
      {steps.length > 0 ? (
        <>
          <p>{t('roleplay.stepsDone')}</p>
          <ol class="rp-steps">
            {steps.map((s) => (
              <li key={s}>{stepText(s)}</li>
            ))}
          </ol>
          <p>{verdict}</p>
        </>
      ) : (
        <p>{t('roleplay.stepsNone')}</p>
      )}
    </>
  );
}

function Dims({ items, href, kind }: { items: DimensionPoints[]; href: string | null; kind: 'earned' | 'missed' }) {
  return (
    <p class={`rp-dims rp-${kind}`}>
      <span class="rp-speaker">{t(kind === 'earned' ? 'roleplay.earned' : 'roleplay.missed')}</span>
      {items.length === 0
        ? t('roleplay.none')
        : items.map((item, i) => (
            <span key={item.dimension} class="rp-dim" data-dimension={item.dimension}>
              {i > 0 ? '、' : ''}
              <DimName dimension={item.dimension} href={href} /> {t('roleplay.points', { n: item.points })}
            </span>
          ))}
    </p>
  );
}

function ReviewItem({ scenario, turn, href }: { scenario: RolePlayScenario; turn: ReviewTurn; href: string | null }) {
  return (
    <li class="rp-review-item" data-critical={turn.critical ?? undefined}>
      {turn.prompt && (
        <p class="rp-quote">
          <span class="rp-speaker">{speakerLabel(scenario, turn.prompt.speaker)}</span>
          <span lang="zh-CN">{turn.prompt.text}</span>
        </p>
      )}
      <p class="rp-said">
        <span class="rp-speaker">{t('roleplay.reviewSaid')}</span>
        {turn.timedOut && `${t('roleplay.timedOut')} `}
        <span lang="zh-CN">{turn.said}</span>
      </p>
      {turn.reaction && (
        <p class="rp-reaction">
          <span class="rp-speaker">{t('roleplay.reaction')}</span>
          {turn.reaction.emotion ? `（${turn.reaction.emotion}）` : ''}
          <span lang="zh-CN">{turn.reaction.text}</span>
        </p>
      )}
      <Dims items={turn.earned} href={href} kind="earned" />
      {turn.missed.length > 0 && <Dims items={turn.missed} href={href} kind="missed" />}
      <p class="rp-tags">
        {turn.critical && <span class="rp-tag rp-tag-critical">{t('roleplay.criticalMark', { kind: criticalText(turn.critical) })}</span>}
        {turn.best && <span class="rp-tag rp-tag-best">{t('roleplay.bestMark')}</span>}
        {turn.tempting && <span class="rp-tag rp-tag-trap">{t('roleplay.trapMark')}</span>}
        <span class="rp-tag">{t('roleplay.moodDelta', { delta: delta(turn.moodDelta) })}</span>
      </p>
      <p class="rp-feedback">{turn.feedback}</p>
    </li>
  );
}
