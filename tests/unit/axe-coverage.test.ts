import { describe, expect, it } from 'vitest';
import { coveringPages, pageFeatures } from '../support/axe-coverage.ts';

const page = (main: string) => `<html><body><header class="site-header"><nav class="toc"></nav></header><main id="main">${main}</main><footer class="foot"></footer></body></html>`;

describe('which lesson pages get the contrast check (tests/support/axe-coverage.ts)', () => {
  it('features are the tags and class tokens inside <main>, nothing outside it', () => {
    const features = pageFeatures(page('<div class="callout warn"><table><tr><td>x</td></tr></table></div>'));
    expect([...features].sort()).toEqual(['.callout', '.warn', '<div>', '<main>', '<table>', '<td>', '<tr>'].sort());
    expect(features.has('.site-header')).toBe(false);
    expect(features.has('.foot')).toBe(false);
  });

  it('a page without <main> is an error, not an empty feature set', () => {
    expect(() => pageFeatures('<html><body><p>x</p></body></html>')).toThrow('no <main>');
  });

  it('the covering pages use every feature any page uses, and a page bringing a new style is always among them', () => {
    const pages = new Map(
      Object.entries({
        p01: page('<p class="a">x</p><div class="b"></div>'),
        p02: page('<p class="a">y</p>'),
        p03: page('<p class="a">z</p><blockquote class="quote"></blockquote>'),
        p04: page('<div class="b"></div>'),
      }).map(([id, html]) => [id, pageFeatures(html)]),
    );
    const chosen = coveringPages(pages);
    expect(chosen).toEqual(['p01', 'p03']);
    const covered = new Set(chosen.flatMap((id) => [...(pages.get(id) ?? [])]));
    for (const features of pages.values()) for (const f of features) expect(covered.has(f), f).toBe(true);
  });

  it('the choice does not depend on the order pages are listed in', () => {
    const entries = [
      ['p02', pageFeatures(page('<p class="a"></p>'))],
      ['p01', pageFeatures(page('<p class="a"></p>'))],
    ] as const;
    expect(coveringPages(new Map(entries))).toEqual(coveringPages(new Map([...entries].reverse())));
  });
});
