/**
 * Interface words left in Chinese on a page whose interface is English (issue 18 point 7): every
 * rendered text with a CJK character must sit inside course text, which is marked
 * `lang="zh-CN"`; anything else is a word that was neither looked up in the active language nor
 * marked for src/i18n/dom.ts. Hidden elements (`hidden`, display: none) are left out; text hidden
 * only visually (read by screen readers) counts.
 */
import type { Page } from '@playwright/test';

/**
 * `element tag: text` of each visible text outside `[lang="zh-CN"]` with a CJK character, inside
 * `within` (default the whole body), except inside the `except` selectors (the caller says why).
 */
export async function untranslatedText(page: Page, within = 'body', except: readonly string[] = []): Promise<string[]> {
  return page.evaluate(
    ({ within, except }) => {
      const cjk = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
      const found: string[] = [];
      for (const root of document.querySelectorAll(within)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = node.parentElement;
          const text = node.textContent ?? '';
          if (!element || !cjk.test(text)) continue;
          if (element.closest('[lang="zh-CN"], script, style, template, noscript')) continue;
          if (except.some((selector) => element.closest(selector))) continue;
          if (!element.checkVisibility()) continue;
          found.push(`${element.tagName.toLowerCase()}: ${text.trim()}`);
        }
      }
      return found;
    },
    { within, except: [...except] },
  );
}
