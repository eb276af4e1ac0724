import type { persistenceUi } from './zh-CN.persistence.ts';

/** English strings about where progress is kept: the same keys as zh-CN.persistence.ts. */
export const persistenceUiEn = {
  'pending.notice':
    'This browser holds progress ({lessons} lessons) made while the learning platform could not confirm who was learning; it is not in anyone’s record yet. If it is yours, merge it into your record; if not, discard it.',
  'pending.mine': 'It’s mine, merge it',
  'pending.notMine': 'Not mine, discard it',
  'pending.merged': 'Merged into your learning record.',
  'pending.discarded': 'The progress was discarded; your learning record is unchanged.',
  'save.lmsFailing.browserKeeps':
    'Your progress cannot be saved to the learning platform right now. Your latest progress is kept in this browser and saving will be retried automatically; please keep this window open.',
  'save.lmsFailing.nothingKeeps':
    'Your progress cannot be saved right now: the learning platform is not responding and this browser cannot save either. Please keep this window open; your latest progress is not saved yet and saving will be retried automatically.',
  'save.lmsFailing.nothingKeepsFor':
    'Your progress cannot be saved right now: the learning platform is not responding and this browser cannot save either. Please keep this window open; the last {minutes} minutes of progress are not saved yet and saving will be retried automatically.',
  'save.noSession.browserKeeps':
    'The learning platform cannot be reached, so it cannot confirm who you are. You can keep learning: your progress is kept in this browser and not added to anyone’s record. The next time you open the course from the learning platform, you will be asked whether this progress is yours before it is merged.',
  'save.noSession.nothingKeeps':
    'The learning platform cannot be reached and this browser cannot save progress: if you close or reload this window, the progress of this session will be lost.',
  'save.standalone.nothingKeeps': 'Not connected to a learning platform, and this browser cannot save progress: if you close or reload this window, your progress will be lost.',
  'save.foreign': 'The record stored in the learning platform belongs to another course and was ignored; this course starts from the beginning and that record is untouched.',
} as const satisfies Record<keyof typeof persistenceUi, string>;
