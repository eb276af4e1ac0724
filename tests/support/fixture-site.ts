/**
 * Builds a small site from the content fixture tests/fixtures/content/good with some files
 * swapped for broken-content fixtures, the way `npm run build` does (content check, astro build,
 * relative URLs), into .fixture-sites/<name>/ inside the repository (ignored by git; inside the
 * tree so Vite resolves node_modules the ordinary way). Slow (half a minute or more): only for
 * the few tests that must see what a real build makes of hostile content.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';
import { startStaticServer } from '../../scripts/serve.mjs';

export const repoRoot = join(import.meta.dirname, '..', '..');
const FIXTURES = join(repoRoot, 'tests', 'fixtures', 'content');

/**
 * @param replace target path in the site (e.g. `content/lessons/P01.mdx`) → file in
 *   tests/fixtures/content/broken/
 * @returns the site's dist/ folder
 */
export function buildFixtureSite(name: string, replace: Record<string, string>): string {
  const dir = join(repoRoot, '.fixture-sites', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // scripts/: the Astro config loads the build's Markdown plugin (scripts/build/glossary-plugin.ts).
  for (const item of ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(repoRoot, item), join(dir, item), { recursive: true });
  cpSync(join(FIXTURES, 'good'), dir, { recursive: true });
  for (const [target, fixture] of Object.entries(replace)) cpSync(join(FIXTURES, 'broken', fixture), join(dir, target));

  const { problems } = loadAndCheckContent(dir);
  if (problems.length) throw new Error(`fixture site ${name}: content check failed:\n${problems.join('\n')}`);
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (result.status !== 0) throw new Error(`fixture site ${name}: ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  };
  run([join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']);
  run([join(repoRoot, 'scripts', 'relativize.mjs'), 'dist']);
  return join(dir, 'dist');
}

/** A fixture site served under a deep base path on a free port (for one spec's tests). */
export interface ServedSite {
  /** http://127.0.0.1:<port><basePath> */
  origin: string;
  close: () => Promise<void>;
}

/** Builds a fixture site (see buildFixtureSite) and serves its dist/ under `basePath`. */
export async function serveFixtureSite(name: string, replace: Record<string, string>, basePath: string): Promise<ServedSite> {
  const dist = buildFixtureSite(name, replace);
  const server: Server = startStaticServer({ dir: dist, listenPort: 0, basePath });
  await new Promise<void>((ok) => (server.listening ? ok() : server.once('listening', () => ok())));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}${basePath}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
