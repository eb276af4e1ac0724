/** Issue 9 item 6: the learner is told only what is true about where their progress is. */
import { describe, expect, it } from 'vitest';
import { persistenceUi, type PersistenceUiKey } from '../../../src/i18n/zh-CN.persistence.ts';
import { noticeAttribute, saveNotice, saveNoticeText, type SaveFacts } from '../../../src/persistence/save-notice.ts';

const base: SaveFacts = { mode: 'lms', browserStorage: true, lastCommitOk: true, unsavedSince: null, now: 1_000_000 };
const claimsBrowserKeeps = /保存在本浏览器|暂存在本浏览器/;

describe('saveNotice', () => {
  it('says nothing while the LMS accepts commits', () => {
    expect(saveNotice(base)).toBeNull();
    expect(saveNotice({ ...base, mode: 'standalone' })).toBeNull();
  });

  it('commits failing, browser copy working: the browser keeps it, do not close yet', () => {
    const text = saveNoticeText({ ...base, lastCommitOk: false });
    expect(text).toMatch(claimsBrowserKeeps);
    expect(text).toMatch(/不要关闭此窗口/);
  });

  it('commits failing and no browser storage: never claims the browser keeps it; keep the window open, the last N minutes are not saved', () => {
    const facts: SaveFacts = { ...base, browserStorage: false, lastCommitOk: false, unsavedSince: base.now - 4.5 * 60_000 };
    const text = saveNoticeText(facts) as string;
    expect(text).not.toMatch(claimsBrowserKeeps);
    expect(text).toMatch(/请保持此窗口打开/);
    expect(text).toMatch(/最近 5 分钟的进度尚未保存/);
    expect(saveNotice(facts)?.urgent).toBe(true);
    expect(saveNoticeText({ ...facts, unsavedSince: null })).toMatch(/最近的进度尚未保存/);
    expect(saveNoticeText({ ...facts, unsavedSince: base.now - 1000 })).toMatch(/最近 1 分钟/);
  });

  it('no LMS session: says the work is kept aside for no one and merged only once the learner confirms', () => {
    const text = saveNoticeText({ ...base, mode: 'no-session' }) as string;
    expect(text).toMatch(/不会记入任何人的记录/);
    expect(text).toMatch(/确认后才会合并/);
    expect(text).not.toMatch(/自动补上/);
    const nothing = saveNoticeText({ ...base, mode: 'no-session', browserStorage: false }) as string;
    expect(nothing).not.toMatch(claimsBrowserKeeps);
    expect(nothing).toMatch(/无法保留/);
  });

  it('standalone without storage: says closing loses the progress', () => {
    const text = saveNoticeText({ ...base, mode: 'standalone', browserStorage: false }) as string;
    expect(text).not.toMatch(claimsBrowserKeeps);
    expect(text).toMatch(/无法保留/);
  });
});

describe('noticeAttribute (the banner carries the words, the JavaScript only the key)', () => {
  const keys = (Object.keys(persistenceUi) as PersistenceUiKey[]).filter((key) => key.startsWith('save.'));
  it('gives each save notice its own valid, lower-case data attribute', () => {
    const names = keys.map(noticeAttribute);
    expect(new Set(names).size).toBe(keys.length);
    for (const name of names) expect(name).toMatch(/^data-[a-z0-9-]+$/);
  });
  it('names an attribute for every notice saveNotice can return', () => {
    const facts: SaveFacts[] = [
      { ...base, lastCommitOk: false },
      { ...base, lastCommitOk: false, browserStorage: false },
      { ...base, lastCommitOk: false, browserStorage: false, unsavedSince: 0 },
      { ...base, mode: 'no-session' },
      { ...base, mode: 'no-session', browserStorage: false },
      { ...base, mode: 'standalone', browserStorage: false },
    ];
    for (const fact of facts) expect(keys).toContain(saveNotice(fact)?.key);
  });
});
