import { useStore } from '@nanostores/preact';
import { useContext } from 'preact/hooks';
import type { ScenarioProgress } from '../../engine/learner-state.ts';
import type { RolePlayScenario } from '../../engine/scenario/model.ts';
import { $timingFromLms, setReplyTiming, type TimingPreference } from '../../state/scenario.ts';
import { Levels, t } from './text.ts';

const TIMINGS: TimingPreference[] = ['standard', 'extended', 'off'];

export function Intro(props: {
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

export function Brief({ scenario, open }: { scenario: RolePlayScenario; open: boolean }) {
  const { H } = useContext(Levels);
  const body = (
    <>
      <dl class="rp-facts">
        <dt>{t('roleplay.yourRole')}</dt>
        <dd lang="zh-CN">{scenario.role}</dd>
        <dt>{t('roleplay.customer')}</dt>
        <dd lang="zh-CN">
          {scenario.persona.name}：{scenario.persona.about}
        </dd>
      </dl>
      <p class="rp-brief" lang="zh-CN">{scenario.brief}</p>
      {scenario.known.length > 0 && (
        <div class="rp-known">
          <H class="rp-h">{t('roleplay.known')}</H>
          <ul lang="zh-CN">
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

export function TimingSetting({ uid, timing }: { uid: string; timing: TimingPreference }) {
  const fromLms = useStore($timingFromLms);
  return (
    <fieldset class="rp-timing">
      <legend>{t('roleplay.timing')}</legend>
      <p class="rp-meta" id={`${uid}-timing-hint`}>
        {t('roleplay.timingHint')}
        {fromLms && timing === 'extended' ? ` ${t('roleplay.timingFromLms')}` : ''}
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
