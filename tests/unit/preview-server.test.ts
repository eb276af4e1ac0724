/**
 * The local LMS preview server under hostile input (issue 9, item 13): ids that try to leave the
 * data folder, zip entry names that reach Object.prototype, oversized bodies and poisoned keys.
 * The server runs on a random loopback port with its own throwaway data and packages folders.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const base = mkdtempSync(join(tmpdir(), 'preview-server-'));
const dataDir = join(base, 'data');
const packagesDir = join(base, 'packages');
// A file one folder above the data folder: what a learner id ".." used to reach.
const victim = join(base, 'victim.json');
const victimText = '{"secret":"must stay"}\n';

let origin = '';
let close: () => Promise<void> = async () => {};

/** A request that must be answered: a hung request fails the test instead of stalling it. */
function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${origin}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
}

beforeAll(async () => {
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(packagesDir, { recursive: true });
  writeFileSync(join(packagesDir, 'demo-scorm12.zip'), zipSync({ 'index.html': new TextEncoder().encode('<!doctype html><p>demo</p>') }));
  writeFileSync(
    join(packagesDir, 'index.json'),
    JSON.stringify([{ file: 'demo-scorm12.zip', title: 'Demo', version: '1.2', lessons: [], minutes: 1, bytes: 1 }]),
  );
  // The server reads its folders from the environment when the module loads.
  process.env.PREVIEW_DATA = dataDir;
  process.env.PACKAGES_DIR = packagesDir;
  const { startPreview } = await import('../../scripts/preview/server.ts');
  const started = await startPreview(0);
  origin = `http://127.0.0.1:${started.port}`;
  close = started.close;
});

afterAll(async () => {
  await close();
  rmSync(base, { recursive: true, force: true });
});

describe('preview server: learner and package ids', () => {
  it('stores, reads and resets a record for a plain learner id', async () => {
    const query = 'learner=ana.li-1&pkg=demo-scorm12.zip';
    expect((await call(`/api/cmi?${query}`, { method: 'PUT', body: JSON.stringify({ core: { lesson_status: 'incomplete' } }) })).status).toBe(200);
    expect(await (await call(`/api/cmi?${query}`)).json()).toEqual({ core: { lesson_status: 'incomplete' } });
    expect(existsSync(join(dataDir, 'ana.li-1', 'demo-scorm12.json'))).toBe(true);
    expect((await call(`/api/reset?${query}`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect(existsSync(join(dataDir, 'ana.li-1', 'demo-scorm12.json'))).toBe(false);
  });

  it.each(['..', '.', '../..', '..%2F..', 'a/b', '.hidden', 'x'.repeat(65), ''])(
    'refuses learner id %j with 400 and touches nothing outside the data folder',
    async (learner) => {
      writeFileSync(victim, victimText);
      for (const pkg of ['victim', 'victim.zip']) {
        const query = `learner=${learner.includes('%') ? learner : encodeURIComponent(learner)}&pkg=${pkg}`;
        const read = await call(`/api/cmi?${query}`);
        expect(read.status).toBe(400);
        expect(await read.text()).not.toContain('must stay');
        expect((await call(`/api/cmi?${query}`, { method: 'PUT', body: '{"overwritten":true}' })).status).toBe(400);
        expect((await call(`/api/commit?${query}`, { method: 'POST', body: '{"cmi":{"overwritten":true}}' })).status).toBe(400);
        expect((await call(`/api/reset?${query}`, { method: 'POST', body: '{}' })).status).toBe(400);
      }
      expect(readFileSync(victim, 'utf8')).toBe(victimText);
    },
  );

  it.each(['../victim.zip', 'victim', 'demo.zip.json', '..zip'])('refuses package id %j with 400', async (pkg) => {
    const response = await call(`/api/cmi?learner=learner-1&pkg=${encodeURIComponent(pkg)}`);
    expect(response.status).toBe(400);
  });
});

describe('preview server: package content', () => {
  it('serves a file from the zip', async () => {
    const response = await call('/content/demo-scorm12.zip/1/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('demo');
  });

  it('offers a packaged zip as a download, and nothing else under /download/', async () => {
    // The launcher links it, even from an index written before packages had names.
    expect(await (await call('/')).text()).toContain('href="download/demo-scorm12.zip" download="demo-scorm12.zip"');
    const response = await call('/download/demo-scorm12.zip');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="demo-scorm12.zip"');
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(packagesDir, 'demo-scorm12.zip')))).toBe(true);
    // A zip the index does not list, the index itself, and a way out of the folder.
    writeFileSync(join(packagesDir, 'stray-scorm12.zip'), 'PK');
    for (const path of ['/download/stray-scorm12.zip', '/download/index.json', '/download/..%2Fvictim.json', '/download/..%2F..%2Fpackage.json'])
      expect((await call(path)).status, path).toBe(404);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__proto__/x'])(
    'answers /content/<zip>/1/%s promptly with 404',
    async (name) => {
      const response = await call(`/content/demo-scorm12.zip/1/${name}`);
      expect(response.status).toBe(404);
    },
  );

  it('answers a malformed URL with 400 and a path outside the client folder with 404', async () => {
    expect((await call('/content/demo-scorm12.zip/1/%E0%A4%A')).status).toBe(400);
    expect((await call('//')).status).toBe(400);
    expect((await call('/static/..%2Fserver.ts')).status).toBe(404);
  });
});

describe('preview server: stored data is capped and clean', () => {
  const query = 'learner=capped&pkg=demo-scorm12.zip';

  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const { MAX_BODY_BYTES } = await import('../../scripts/preview/server.ts');
    const huge = JSON.stringify({ cmi: { suspend_data: 'x'.repeat(MAX_BODY_BYTES + 10) } });
    const response = await call(`/api/commit?${query}`, { method: 'POST', body: huge });
    expect(response.status).toBe(413);
    expect(existsSync(join(dataDir, 'capped'))).toBe(false);
  });

  it('refuses a record over the per-learner limit with 413', async () => {
    const { MAX_BODY_BYTES, MAX_RECORD_BYTES } = await import('../../scripts/preview/server.ts');
    // Small enough for the body limit, too big once stored.
    const size = Math.min(MAX_BODY_BYTES - 100, MAX_RECORD_BYTES + 10);
    const response = await call(`/api/cmi?${query}`, { method: 'PUT', body: JSON.stringify({ suspend_data: 'y'.repeat(size) }) });
    expect(response.status).toBe(413);
    expect(existsSync(join(dataDir, 'capped'))).toBe(false);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a record with a %s key with 400', async (key) => {
    const body = `{"cmi":{"core":{"${key}":{"polluted":true}}}}`;
    const response = await call(`/api/commit?${query}`, { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(existsSync(join(dataDir, 'capped'))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('preview server: the inspector summary card (issue 18 point 3)', () => {
  it('answers the card for a known package, 400 for a bad package id or body', async () => {
    const { tp } = await import('../../src/i18n/zh-CN.preview.ts');
    const ok = await call('/api/inspect?pkg=demo-scorm12.zip', { method: 'POST', body: JSON.stringify({ suspendData: '', completion: '<b>incomplete</b>' }) });
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(html).toContain(tp('preview.summary.title'));
    expect(html).toContain(tp('preview.summary.suspendEmpty'));
    expect(html).not.toContain('<b>');
    expect((await call('/api/inspect?pkg=../x.zip', { method: 'POST', body: '{}' })).status).toBe(400);
    expect((await call('/api/inspect?pkg=demo-scorm12.zip', { method: 'POST', body: 'not json' })).status).toBe(400);
  });
});
