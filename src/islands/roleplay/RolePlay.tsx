import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RolePlayScenario } from '../../engine/scenario/model.ts';
import { $uiLanguage } from '../../i18n/active.ts';
import { readIslandData } from '../island-data.ts';
import { $course } from '../../state/course.ts';
import { $hydrated, $learner } from '../../state/progress.ts';
import { endView, reactionNow, rolePlayPhase, rubricHref } from '../../state/roleplay-view.ts';
import { $replyTiming, chooseReply, playInProgress, replayScenario, restartIfStale, startScenario, type TimingPreference } from '../../state/scenario.ts';
import { Conversation } from './Conversation.tsx';
import { EndScreen } from './EndScreen.tsx';
import { Intro } from './Intro.tsx';
import { Levels, moodWord, outcomeText, t, withCourseText } from './text.ts';
import './RolePlay.css';

export interface RolePlayProps {
  /** Id of the page's JSON script holding the scenario with what the build derived (rolePlayIslandProps; src/islands/island-data.ts). */
  dataId: string;
  /** Lesson whose objective a finished play counts toward. */
  lessonId?: string;
  /** Heading level of the role-play title: 2 inside a page (default), 1 when it is the page. */
  headingLevel?: 1 | 2;
}

type Focus = 'line' | 'end' | null;

/** The role-play island: intro, conversation, end screen. Screens read views from src/state/roleplay-view.ts. */
export default function RolePlay({ dataId, lessonId, headingLevel = 2 }: RolePlayProps) {
  const scenario = readIslandData<RolePlayScenario>(dataId);
  // The first client render must match the server's HTML (Preact's hydration does not patch
  // attributes), so stored progress and preferences are used only once mounted.
  const [mounted, setMounted] = useState(false);
  const learner = useStore($learner);
  const hydrated = useStore($hydrated);
  const course = useStore($course);
  const storedTiming = useStore($replyTiming);
  // Re-render in the interface language once the page switches (src/islands/language.ts).
  useStore($uiLanguage);
  const timing: TimingPreference = mounted ? storedTiming : 'standard';
  const progress = mounted ? learner.scenarios[scenario.id] : undefined;
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
    if (mounted && restartIfStale(scenario)) setNotice(t('roleplay.resumeReset'));
  }, [mounted, scenario, progress?.current]);

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
    const result = chooseReply(scenario, choiceId, { lessonId });
    if (result) {
      const outcome = scenario.endings.find((e) => e.id === result.ending)?.outcome ?? '';
      setAnnounce(t('roleplay.ended', { outcome: outcomeText(outcome), total: result.total }));
      focus.current = 'end';
      return;
    }
    const now = playInProgress(scenario);
    if (!now) return;
    // Words only during play: how the customer comes across now, no numbers.
    const { emotion, band } = reactionNow(scenario, now);
    setAnnounce(t('roleplay.reacted', { name: scenario.persona.name, emotion: emotion ?? moodWord(band) }));
    focus.current = 'line';
  };

  const Title = headingLevel === 1 ? 'h1' : 'h2';
  const phase = rolePlayPhase(scenario, progress);
  const end = phase === 'end' ? endView(scenario, progress) : null;
  const levels = headingLevel === 1 ? ({ H: 'h2', HH: 'h3' } as const) : ({ H: 'h3', HH: 'h4' } as const);
  return (
    <Levels.Provider value={levels}>
      <section class="rp" ref={root} aria-labelledby={`${uid}-title`} data-scenario={scenario.id} data-phase={phase}>
        <Title id={`${uid}-title`} class="rp-title">
          {withCourseText('roleplay.heading', { title: scenario.title })}
        </Title>
        <p class="rp-status-live visually-hidden" role="status" aria-live="polite">
          {announce}
        </p>
        {notice && (
          <p class="rp-notice" role="status">
            {notice}
          </p>
        )}
        {phase === 'intro' && <Intro scenario={scenario} progress={progress} ready={ready} timed={timed} timing={timing} uid={uid} onStart={() => begin(false)} />}
        {phase === 'play' && progress?.current && (
          <Conversation scenario={scenario} path={progress.current} uid={uid} timing={timing} onChoose={choose} onRestart={() => begin(true)} />
        )}
        {end && <EndScreen scenario={scenario} view={end} uid={uid} href={mounted ? rubricHref(course) : null} onReplay={() => begin(true)} />}
      </section>
    </Levels.Provider>
  );
}
