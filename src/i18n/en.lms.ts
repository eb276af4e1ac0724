import { persistenceUiEn } from './en.persistence.ts';
import type { lmsUi } from './zh-CN.lms.ts';

/** English strings of the LMS status indicator, banners and Exit button: the same keys as zh-CN.lms.ts. */
export const lmsUiEn = {
  'lms.mode.standalone': 'Standalone mode',
  'lms.mode.standaloneHint': 'Not connected to a learning platform; your progress is kept in this browser.',
  'lms.mode.scorm12': 'Connected to the learning platform',
  'lms.mode.scorm2004': 'Connected to the learning platform',
  'lms.mode.lmsHint': 'Your progress is saved to the learning platform automatically ({version}).',
  'lms.mode.connecting': 'Connecting…',
  'lms.mode.unavailable': 'Learning platform not responding',
  'lms.mode.unavailableHint':
    'The learning platform did not accept this session, so it cannot confirm who you are; your progress is kept in this browser for now and is not added to anyone’s record.',
  'lms.banner.commitFailing':
    'Your progress cannot be saved to the learning platform right now. It is kept in this browser and saving will be retried automatically; please keep this window open.',
  'lms.banner.unavailable': persistenceUiEn['save.noSession.browserKeeps'],
  'lms.notice.corrupt': 'Your saved learning record could not be read, so the course starts from the beginning.',
  'lms.notice.recovered': 'Progress the learning platform had not saved was restored from this browser.',
  'lms.notice.dismiss': 'Got it',
  'lms.exit': 'Exit course',
  'lms.exit.done': 'You have exited safely and your progress is saved. You can close this window now.',
  'lms.interactionsOff': 'This learning platform does not record individual answers, only scores and completion.',
  'lms.suspendTooLong':
    'This learning platform can store only a limited learning record, so your current progress cannot be saved to it in full; completion and scores are still reported as usual.',
  'lms.mode.failing': 'Saving failed, retrying',
  'lms.mode.failingHint': 'Your progress cannot be saved to the learning platform right now; saving will be retried automatically.',
  'lms.mode.exited': 'Exited',
  'lms.mode.exitedHint': 'This session has ended and your progress is saved to the learning platform.',
  'lms.final.title': 'You have exited the course',
} as const satisfies Record<keyof typeof lmsUi, string>;
