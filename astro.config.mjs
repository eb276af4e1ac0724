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
    // Every module the page shell loads at start goes into one chunk (one file gzips better than
    // five small ones); what the shell imports lazily (SCORM runtime, persistence, LMS-only views)
    // stays out. bench/run.mjs checks the result.
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  {
                    name: 'shell',
                    test: /src[\\/](runtime[\\/]|state[\\/](course|progress|persistence|pending|summary)\.ts|lms[\\/](status|discovery)\.ts|engine[\\/](completion|learner-state)\.ts|i18n[\\/]format\.ts)|node_modules[\\/]nanostores[\\/]|preload-helper/,
                  },
                ],
              },
            },
          },
        },
      },
    },
    plugins: [
      {
        // No preload helper in the browser (0.9 KB gzip on every page): the few dynamic imports
        // (SCORM runtime, persistence, LMS-only views) load their imports themselves. Astro sets
        // build.modulePreload itself, so it is switched off per environment here.
        name: 'course:no-module-preload',
        configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
      },
    ],
    // Vite's preload helper would resolve dynamic-import dependencies against the site root
    // ("/_astro/…"), which breaks under an LMS's deep path; make JS resolve them from itself.
    experimental: { renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined) },
  },
});
