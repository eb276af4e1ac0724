import { defineConfig, devices } from '@playwright/test';

// Browsers cannot be downloaded on our machines: use the system Chromium (Debian's package),
// overridable for other machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Serve dist/ under a deep, random sub-path, the way Moodle serves a package
// (/pluginfile.php/<ctx>/mod_scorm/content/<rev>/), so any root-absolute URL 404s.
const random = () => Math.floor(Math.random() * 9000 + 1000);
const basePath = process.env.E2E_BASE_PATH ?? `/pluginfile.php/${random()}/mod_scorm/content/${random()}/`;
process.env.E2E_BASE_PATH = basePath; // workers re-evaluate this file; keep one path per run
const sitePort = Number(process.env.E2E_SITE_PORT ?? 4391);
// The local LMS preview (scripts/preview) for the lms-*.spec.ts suite: packages built from the
// same dist/, learner records in a throwaway folder.
const previewPort = Number(process.env.E2E_PREVIEW_PORT ?? 4451);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // Per test; long journeys set their own. Generous: CI machines are 2 cores and may be busy.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['github']] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${sitePort}${basePath}`,
    // A trace records DOM snapshots around every action: on the long lesson pages it doubled the
    // journeys' time (a part journey: 35 s without, 78 s with). Recorded on the retry of a failure
    // only (CI retries once); locally, `--trace on` when a failure needs one.
    trace: 'on-first-retry',
    // The course's learners read Chinese: the browser asks for it, so the interface is zh-CN
    // (src/i18n/ui-language.ts); tests/e2e/ui-language.spec.ts asks for English instead.
    locale: 'zh-CN',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    {
      name: 'site',
      testIgnore: /lms-.*\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: chromiumArgs } },
    },
    {
      name: 'lms',
      testMatch: /lms-.*\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1400, height: 900 },
        baseURL: `http://127.0.0.1:${previewPort}/`,
        launchOptions: { executablePath, args: chromiumArgs },
      },
    },
  ],
  webServer: [
    {
      command: 'node scripts/serve.mjs',
      env: { PORT: String(sitePort), BASE_PATH: basePath, DIST_DIR: 'dist' },
      url: `http://127.0.0.1:${sitePort}${basePath}index.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // Packages go to their own folder so a rebuild of dist/ cannot pull them away mid-run.
      // Plus the custom --lessons package the completion journeys use (tests/e2e/lms-completion.spec.ts).
      command: `node scripts/package.ts --no-build --out .preview-data/e2e-${previewPort}/packages && node scripts/package.ts --no-build --lessons P01,P03 --out .preview-data/e2e-${previewPort}/packages && node scripts/preview/server.ts`,
      env: { PORT: String(previewPort), PREVIEW_DATA: `.preview-data/e2e-${previewPort}/learners`, PACKAGES_DIR: `.preview-data/e2e-${previewPort}/packages` },
      url: `http://127.0.0.1:${previewPort}/`,
      reuseExistingServer: !process.env.CI,
      // Packaging every package takes a while on a busy 2-core machine; this only bounds a hang.
      timeout: 300_000,
    },
  ],
});
