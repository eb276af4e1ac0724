import { describe, expect, it } from 'vitest';
import { describePackage, dropElements, nameForeignLessons } from '../../scripts/lib/package-plan.ts';
import { t } from '../../src/i18n/zh-CN.ts';

// Issue 10 item 7: a package's home page describes that package.
const home = [
  `<head><meta name="description" content="${t('course.tagline')}"></head>`,
  `<p class="eyebrow" data-package-tagline>${t('course.tagline')}</p><h1 data-package-title>${t('course.title')}</h1>`,
  `<p class="meta" data-package-summary>${t('home.lessonCount', { count: 10, minutes: 243 })}</p>`,
  '<nav><section class="toc-part" data-toc-part-lessons="P01,P02"><h3>第一部分</h3><ol></ol></section>',
  '<section class="toc-part" data-toc-part-lessons="P07"><h3>第二部分</h3><ol><li>P07</li></ol></section></nav>',
  '<ol class="parts">',
  '<li class="part" data-home-part-lessons data-astro-cid-x><h3>导论</h3><p class="coming">本部分课程正在编写中，即将上线。</p></li>',
  '<li class="part" data-home-part-lessons=""><h3>专题</h3><p class="coming">本部分课程正在编写中，即将上线。</p></li>',
  '<li class="part" data-home-part-lessons="P01,P02"><h3>第一部分</h3><ol class="lessons"><li>P01</li><li>P02</li></ol></li>',
  '<li class="part" data-home-part-lessons="P07"><h3>第二部分</h3><ol class="lessons"><li>P07</li></ol></li>',
  '</ol>',
].join('');

describe('describePackage', () => {
  const plan = { title: '服务行业雷区 · 第二部分 服务设计雷区', lessons: ['P07'], minutes: 25 };
  const out = describePackage('index.html', home, plan);

  it('drops the parts the package does not hold, and the parts still being written', () => {
    expect(out).not.toContain('正在编写中');
    expect(out).not.toContain('<h3>第一部分</h3>');
    expect(out).toContain('<h3>第二部分</h3><ol class="lessons"><li>P07</li></ol></li></ol>');
  });

  it('names the package, its lesson count and minutes instead of the whole planned course', () => {
    expect(out).not.toContain('35');
    expect(out).toContain(`<h1 data-package-title lang="zh-CN">${plan.title}</h1>`);
    expect(out).toContain(`data-package-summary data-i18n="home.lessonCount" data-i18n-vars="{&quot;count&quot;:1,&quot;minutes&quot;:25}">${t('home.lessonCount', { count: 1, minutes: 25 })}</p>`);
    expect(out).toContain(`content="${t('home.packageTagline', { count: 1 })}"`);
  });

  it('marks the package tagline and summary with their dictionary words, so an English interface shows them in English (issue 18 point 7)', () => {
    const marked = home
      .replace('data-package-tagline>', `data-package-tagline data-i18n="course.tagline">`)
      .replace('data-package-summary>', `data-package-summary data-i18n="home.lessonCount" data-i18n-vars='{"count":10,"minutes":243}'>`);
    const described = describePackage('index.html', marked, plan);
    expect(described).toContain(`<p class="eyebrow" data-package-tagline data-i18n="home.packageTagline" data-i18n-vars="{&quot;count&quot;:1}">${t('home.packageTagline', { count: 1 })}</p>`);
    expect(described).not.toContain('course.tagline');
    expect(described).not.toContain('243');
  });

  it('changes only the description on other pages', () => {
    const page = `<meta name="description" content="${t('course.tagline')}"><li class="part" data-home-part-lessons="">x</li>`;
    expect(describePackage('p07.html', page, plan)).toBe(`<meta name="description" content="${t('home.packageTagline', { count: 1 })}"><li class="part" data-home-part-lessons="">x</li>`);
  });
});

describe('dropElements', () => {
  it('removes whole elements, nested ones of the same tag included', () => {
    const html = '<ol><li data-x="a"><ol><li>1</li><li>2</li></ol></li><li data-x="b">keep</li></ol>';
    expect(dropElements(html, 'li', 'data-x', (v) => v === 'a')).toBe('<ol><li data-x="b">keep</li></ol>');
    expect(dropElements(html, 'li', 'data-x', () => false)).toBe(html);
  });
});

describe('nameForeignLessons', () => {
  const data = JSON.stringify({ lessons: [{ id: 'P03', title: '投诉处理不当' }, { id: 'P04', title: '忽视客户情感需求' }] });
  const page = `<script type="application/json" id="course-data">${data}</script><div class="lesson-body" data-x><p>P03 的“表达理解”，见 P03《投诉处理不当》和 P21；<strong>P04</strong></p><div>P03</div></div><nav>P03</nav>`;

  it('gives a lesson outside the package its title, inside the lesson text only', () => {
    const out = nameForeignLessons(page, ['P04']);
    expect(out).toContain('<p>P03《投诉处理不当》 的“表达理解”，见 P03《投诉处理不当》和 P21；<strong>P04</strong></p><div>P03《投诉处理不当》</div></div><nav>P03</nav>');
    expect(out).toContain(`id="course-data">${data}</script>`);
  });

  it('leaves lessons in the package, unknown ids and pages without a lesson body alone', () => {
    expect(nameForeignLessons(page, ['P03', 'P04'])).toBe(page);
    expect(nameForeignLessons('<p>P03</p>', [])).toBe('<p>P03</p>');
  });
});
