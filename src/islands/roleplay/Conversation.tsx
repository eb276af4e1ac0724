import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { RolePlayScenario } from '../../engine/scenario/model.ts';
import { conversationView, type LineView } from '../../state/roleplay-view.ts';
import { replySeconds, type TimingPreference } from '../../state/scenario.ts';
import { Brief, TimingSetting } from './Intro.tsx';
import { Levels, moodWord, t, withCourseText } from './text.ts';

export function speakerLabel(scenario: RolePlayScenario, speaker: LineView['speaker']): ComponentChildren {
  if (speaker === 'learner') return t('roleplay.you');
  if (speaker === 'narrator') return t('roleplay.narrator');
  if (speaker === 'colleague' && scenario.colleague) return withCourseText('roleplay.colleagueLabel', scenario.colleague);
  return withCourseText('roleplay.customerLabel', { name: scenario.persona.name });
}

/** One spoken line (or stage direction, or the learner's reply) of the log. */
export function Line({ scenario, line, id }: { scenario: RolePlayScenario; line: LineView; id?: string | undefined }) {
  return (
    <li class={`rp-line rp-${line.speaker}`} id={id} tabIndex={id ? -1 : undefined}>
      <span class="rp-speaker">{speakerLabel(scenario, line.speaker)}</span>
      {line.emotion && <span class="rp-emotion">{withCourseText('roleplay.emotion', { emotion: line.emotion })}</span>}
      <span class="rp-text">
        {line.timedOut && `${t('roleplay.timedOut')} `}
        <span lang="zh-CN">{line.text}</span>
      </span>
    </li>
  );
}

/**
 * The conversation in progress: words only, no numbers. The customer's current emotion stays in
 * view (sticky) while the learner reads the log and picks a reply, also on a phone.
 */
export function Conversation(props: {
  scenario: RolePlayScenario;
  path: string[];
  uid: string;
  timing: TimingPreference;
  onChoose: (id: string) => void;
  onRestart: () => void;
}) {
  const { scenario, path, uid, timing, onChoose, onRestart } = props;
  const { H } = useContext(Levels);
  const view = conversationView(scenario, path);
  if (!view) return null;
  const seconds = view.timeout ? replySeconds(view.timeout.seconds, timing) : null;
  const timeoutId = view.timeout?.id ?? '';
  return (
    <div class="rp-play">
      <div class="rp-toolbar">
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
        {view.log.map((line, i) => (
          <Line key={i} scenario={scenario} line={line} />
        ))}
        {view.current.map((line, i) => (
          <Line key={`now-${i}`} scenario={scenario} line={line} id={i === 0 ? `${uid}-current` : undefined} />
        ))}
      </ol>
      {/* Sticks to the bottom of the screen while the log is read, and sits right above the replies. */}
      <p class="rp-now" data-band={view.band}>
        <span class="rp-now-name">{withCourseText('roleplay.now', { name: scenario.persona.name })}</span>
        {view.emotion ? (
          <span class="rp-now-emotion" lang="zh-CN">
            {view.emotion}
          </span>
        ) : (
          <span class="rp-now-emotion">{moodWord(view.band)}</span>
        )}
      </p>
      <div class="rp-choices" role="group" aria-labelledby={`${uid}-prompt`}>
        <H class="rp-h" id={`${uid}-prompt`}>
          {t('roleplay.yourTurn')}
        </H>
        {seconds !== null && <ReplyTimer key={`${view.turn}-${seconds}`} seconds={seconds} onExpire={() => onChoose(timeoutId)} />}
        <ul class="rp-options">
          {view.choices.map((choice) => (
            <li key={choice.id}>
              <button type="button" class="rp-choice" data-choice={choice.id} onClick={() => onChoose(choice.id)} lang="zh-CN">
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
