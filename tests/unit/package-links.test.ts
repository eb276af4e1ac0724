import { describe, expect, it } from 'vitest';
import { pruneForeignLinks } from '../../scripts/lib/package-plan.ts';

const present = new Set(['index.html', 'p01.html', 'p02.html']);

describe('pruneForeignLinks', () => {
  it('drops course-map and drawer entries of lessons outside the package', () => {
    const html = '<ol><li data-scope-lesson="P01"><a href="p01.html">A</a></li><li data-scope-lesson="P07"><a href="p07.html">B</a></li></ol>';
    expect(pruneForeignLinks(html, present)).toBe('<ol><li data-scope-lesson="P01"><a href="p01.html">A</a></li></ol>');
  });

  it('sends prev/next to an absent lesson back home', () => {
    const html = '<a class="button" href="p03.html" rel="next" data-scope-target="P03" data-home-label="返回课程首页">下一课：投诉 <span>→</span></a>';
    const out = pruneForeignLinks(html, present);
    expect(out).toContain('href="index.html"');
    expect(out).toContain('>返回课程首页</a>');
    expect(out).not.toContain('rel="next"');
  });

  it('removes blocks that need an absent page, and unlinks any other dangling link', () => {
    const html = '<section class="x" data-requires-page="assessment-part1.html"><a href="assessment-part1.html">测评</a></section><h3><a href="part-2.html">第二部分</a></h3>';
    expect(pruneForeignLinks(html, present)).toBe('<h3><span>第二部分</span></h3>');
  });

  it('leaves the site-only role-path catalogue out of packages', () => {
    const html = '<main><section class="paths" data-site-only><h2>按岗位学习</h2><ul><li>新员工</li></ul></section><p>x</p></main>';
    expect(pruneForeignLinks(html, present)).toBe('<main><p>x</p></main>');
  });

  it('leaves pages whose links all resolve untouched', () => {
    const html = '<a href="p02.html">x</a><a href="./index.html">home</a><a href="#main">skip</a>';
    expect(pruneForeignLinks(html, present)).toBe(html);
  });
});
