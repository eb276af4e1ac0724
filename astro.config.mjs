import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { glossaryPlugin } from './scripts/build/glossary-plugin.ts';

// Every page is written as a flat `name.html` file at the root of dist/, so the relative
// URLs produced by scripts/relativize.mjs resolve the same way from every page and the
// course runs from any deep path an LMS chooses.
export default defineConfig({
  integrations: [mdx(), preact()],
  // Lessons (MDX inherits this): the first occurrence of each glossary term flagged for inline
  // display becomes a definition the learner opens (scripts/build/glossary-plugin.ts).
  markdown: { processor: satteri({ mdastPlugins: [glossaryPlugin()] }) },
  build: { format: 'file', inlineStylesheets: 'never' },
  trailingSlash: 'never',
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    build: { assetsInlineLimit: 0 },
    // Vite's preload helper would resolve dynamic-import dependencies against the site root
    // ("/_astro/…"), which breaks under an LMS's deep path; make JS resolve them from itself.
    experimental: { renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined) },
  },
});
