/**
 * Local LMS preview: `npm run preview` (or `npm start` = build + package + preview).
 *
 * A small LMS on 127.0.0.1: a launcher page listing dist/packages/*.zip, a player page that
 * puts scorm-again (a real SCORM 1.2/2004 runtime) in the parent window as window.API /
 * window.API_1484_11 and opens the package's launch page in an iframe, exactly as an LMS does;
 * each learner's CMI is stored per package in .preview-data/ so a relaunch resumes; a live CMI
 * inspector, a reset button, fault switches and the LMS quirk profiles (client/quirks.js).
 *
 * Packages are served straight out of their zips under a deep path
 * (/content/<zip>/<rev>/index.html), like an LMS that unpacks an upload.
 *
 * Env: PORT (default: first free port from 4321), PREVIEW_DATA (default .preview-data),
 * PACKAGES_DIR (default dist/packages).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { PackageIndexEntry } from '../package.ts';
import { LEARNER_ID, LEARNER_ID_SOURCE, PACKAGE_FILE } from './client/ids.js';
import { CATALOGUE_CSV, CATALOGUE_HTML } from '../lib/catalogue.ts';
import { tc } from '../../src/i18n/zh-CN.catalogue.ts';
import { tp } from '../../src/i18n/zh-CN.preview.ts';
import type { InspectFields } from './inspect.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const packagesDir = resolve(root, process.env.PACKAGES_DIR ?? 'dist/packages');
const dataDir = resolve(root, process.env.PREVIEW_DATA ?? '.preview-data');
const require = createRequire(import.meta.url);
/** The inspector's summary card (course code: the codec, the completion rule), loaded on first use like samples(). */
let inspector: Promise<typeof import('./inspect.ts') & { outcomes: ReturnType<typeof import('./inspect.ts')['endingOutcomes']> }> | null = null;
function loadInspector() {
  inspector ??= import('./inspect.ts').then((m) => ({ ...m, outcomes: m.endingOutcomes(root) }));
  return inspector;
}
// scorm-again's exports hide package.json; its CommonJS entry is dist/scorm-again.js (the browser IIFE).
const scormAgainFile = join(dirname(require.resolve('scorm-again')), 'scorm-again.min.js');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.dtd': 'application/xml-dtd',
  '.woff2': 'font/woff2',
};

function packageIndex(): PackageIndexEntry[] {
  const file = join(packagesDir, 'index.json');
  if (!existsSync(file)) return [];
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as PackageIndexEntry[]).filter((p) => existsSync(join(packagesDir, p.file)));
  } catch {
    return [];
  }
}

/** Request bodies above this are refused with 413 before they are read in full. */
export const MAX_BODY_BYTES = 1_000_000;
/** One learner's stored record for one package (a whole course's CMI is well under 100 KB). */
export const MAX_RECORD_BYTES = 512_000;
/** Keys that could reach an object's prototype; refused anywhere in stored data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A path inside `base`, or null when the parts would leave it (`..`, absolute parts). */
function inside(base: string, ...parts: string[]): string | null {
  const path = resolve(base, ...parts);
  return path.startsWith(base + sep) ? path : null;
}

/** Unzipped packages (a Map, so no entry name can reach Object.prototype), invalidated when the zip changes. */
const zipCache = new Map<string, { mtime: number; files: Map<string, Uint8Array> }>();
function zipFiles(file: string): Map<string, Uint8Array> | null {
  if (!PACKAGE_FILE.test(file)) return null;
  const path = inside(packagesDir, file);
  if (!path || !existsSync(path)) return null;
  const mtime = statSync(path).mtimeMs;
  const cached = zipCache.get(file);
  if (cached && cached.mtime === mtime) return cached.files;
  const files = new Map(Object.entries(unzipSync(readFileSync(path))));
  zipCache.set(file, { mtime, files });
  return files;
}

/** The learner's record file for a package, always inside the data folder, or null. */
function cmiFile(learner: string, pkg: string): string | null {
  if (!LEARNER_ID.test(learner) || !PACKAGE_FILE.test(pkg)) return null;
  return inside(dataDir, learner, `${pkg.replace(/\.zip$/, '')}.json`);
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}
const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), TYPES['.json']);

/** Reads a request body up to MAX_BODY_BYTES; beyond that it rejects with a 413 and discards the rest. */
function readBody(req: IncomingMessage): Promise<string> {
  const tooLarge = () => new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((ok, fail) => {
    let size = 0;
    let over = false;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) return;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        fail(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/** Parses stored data, refusing keys that could reach a prototype. */
function parseRecord(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) throw new HttpError(400, `key "${key}" is not allowed in stored data`);
    return value;
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A 1.2 zip's status words and what to tick in Moodle. */
function statusNote(p: PackageIndexEntry): string {
  if (p.version !== '1.2') return '';
  return p.report === 'completed-incomplete' ? '状态：completed/incomplete。Moodle 完成条件勾选“需要状态：已完成”' : '状态：passed/failed。Moodle 完成条件勾选“需要状态：通过”（或“已完成或通过”）';
}

/** One card per package (by title), its SCORM 1.2 and 2004 zips side by side, each to launch or download. */
function launcherPage(): string {
  const packages = packageIndex();
  const groups = new Map<string, PackageIndexEntry[]>();
  for (const p of packages) {
    const name = p.name ?? p.file.replace(/-scorm(?:12|2004)\.zip$/, '');
    groups.set(name, [...(groups.get(name) ?? []), p]);
  }
  const cards = [...groups]
    .map(([name, entries]) => {
      const first = entries[0] as PackageIndexEntry;
      const lessons = first.lessons ?? [];
      const versions = [...entries]
        .sort((a, b) => (a.version === b.version ? 0 : a.version === '1.2' ? -1 : 1))
        .map((p) => {
          const note = statusNote(p);
          return `<li class="version" data-version="${p.version}"><span class="version-name">SCORM ${p.version}</span> <code>${escapeHtml(p.file)}</code> <span class="size">${(p.bytes / 1024).toFixed(0)} KB</span>${note ? `<small>${note}</small>` : ''}
          <span class="actions"><a class="launch" data-testid="launch-${escapeHtml(p.file)}" href="player.html?pkg=${encodeURIComponent(p.file)}">${escapeHtml(tc('launcher.launch', { version: p.version }))}</a>
          <a class="download" data-testid="download-${escapeHtml(p.file)}" href="download/${encodeURIComponent(p.file)}" download="${escapeHtml(p.file)}" aria-label="${escapeHtml(tc('launcher.download', { file: p.file }))}">下载</a></span></li>`;
        })
        .join('\n');
      return `<article class="package" data-testid="package-${escapeHtml(name)}" aria-labelledby="title-${escapeHtml(name)}">
        <h2 id="title-${escapeHtml(name)}">${escapeHtml(first.title)}</h2>
        <p class="meta">${lessons.length} 课${first.assessment ? ' + 测评' : ''} · ${first.minutes} 分钟 · 及格线 ${first.masteryScore ?? ''} 分</p>
        <p class="lesson-ids">${lessons.map((l) => `<abbr title="${escapeHtml(l.title ?? l.id)}">${escapeHtml(l.id)}</abbr>`).join('、')}</p>
        <ul class="versions">${versions}</ul>
      </article>`;
    })
    .join('\n');
  const catalogue = existsSync(join(packagesDir, CATALOGUE_HTML))
    ? `<p class="catalogue"><a href="packages/${CATALOGUE_HTML}" data-testid="catalogue">${escapeHtml(tc('launcher.catalogue'))}</a> · <a href="packages/${CATALOGUE_CSV}" download="${CATALOGUE_CSV}">${escapeHtml(tc('launcher.catalogueCsv'))}</a></p>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>本地 LMS 预览</title><link rel="icon" href="data:,"><link rel="stylesheet" href="static/preview.css"></head>
<body class="launcher"><main>
<h1>本地 LMS 预览</h1>
<p>每个课程包都像在企业学习平台中一样运行：scorm-again 在外层页面提供 SCORM API，课程在 iframe 中加载，学习记录按学员和课程包保存在 <code>.preview-data/</code>，重新启动即可续学。</p>
${catalogue}
<form id="options"><label>学员 ID <input name="learner" value="learner-1" pattern="${escapeHtml(LEARNER_ID_SOURCE)}"></label>
<label>LMS 行为 <select name="profile"><option value="clean">标准（scorm-again）</option><option value="strict">严格遵循规范</option><option value="no-interactions-count">不支持 interactions</option><option value="commit-keeps-nothing">Commit 成功但不保存</option><option value="slow">调用缓慢（数秒）</option><option value="slow-every-call">每次调用 2 秒</option><option value="truncate-255">suspend_data 截断为 255 字符</option><option value="truncate-4096">suspend_data 截断为 4096 字符</option><option value="moodle">Moodle 5.0（校验与及格线推导）</option></select></label></form>
${packages.length ? `<div class="packages">${cards}</div>` : '<p role="alert">还没有课程包：先运行 <code>npm run package</code>。</p>'}
</main><script type="module" src="static/launcher.js"></script></body></html>`;
}

function playerPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>课程播放器 · 本地 LMS 预览</title><link rel="icon" href="data:,"><link rel="stylesheet" href="static/preview.css">
<script src="vendor/scorm-again.min.js"></script></head>
<body class="player">
<header class="bar"><a href="./">← 课程包列表</a><span id="title" data-testid="player-title"></span>
<span class="bar-actions"><button type="button" id="close" data-testid="close">关闭课程</button><button type="button" id="relaunch" data-testid="relaunch">重新启动</button><button type="button" id="reset" data-testid="reset">重置学员记录</button></span></header>
<div class="layout"><div class="stage"><iframe id="sco" title="课程内容" data-testid="sco"></iframe><p id="closed" hidden data-testid="closed">课程已关闭。点击“重新启动”继续学习。</p></div>
<aside class="inspector" aria-label="CMI 检查器">
<section id="summary" class="summary" data-testid="summary" aria-labelledby="summary-title" aria-live="off"><h2 id="summary-title">${escapeHtml(tp('preview.summary.title'))}</h2></section>
<fieldset><legend>故障模拟</legend>
<label><input type="checkbox" id="fault-commit" data-testid="fault-commit"> Commit 失败</label>
<label><input type="checkbox" id="fault-init" data-testid="fault-init"> Initialize 失败（下次启动生效）</label>
<label><input type="checkbox" id="fault-slow" data-testid="fault-slow"> API 调用缓慢</label>
<label><input type="checkbox" id="fault-terminate" data-testid="fault-terminate"> Commit 与 Terminate 都失败</label>
<label><input type="checkbox" id="fault-outage" data-testid="fault-outage"> 平台拒绝一切写入</label>
<label><input type="checkbox" id="fault-offline" data-testid="fault-offline"> 网络断开（提交发不出去）</label>
<label><input type="checkbox" id="fault-storage" data-testid="fault-storage"> 课程的 localStorage 抛出异常（下次启动生效）</label></fieldset>
<fieldset><legend>写入学习记录（然后重新启动）</legend>
<button type="button" data-inject="garbage" data-testid="inject-garbage">损坏的数据</button>
<button type="button" data-inject="old" data-testid="inject-old">旧版格式</button>
<button type="button" data-inject="foreign" data-testid="inject-foreign">其他课程的数据</button>
<a id="second-window" data-testid="second-window" target="_blank">在新窗口再打开一次（同一学员）</a></fieldset>
<p id="profile" data-testid="profile"></p>
<h2>已保存到 LMS</h2><pre id="stored" data-testid="stored"></pre>
<h2>实时 CMI</h2><pre id="cmi" data-testid="cmi"></pre>
<h2>API 调用</h2><ol id="calls" data-testid="calls" reversed></ol>
</aside></div>
<script type="module" src="static/player.js"></script></body></html>`;
}

/**
 * Fault switch "the course's localStorage throws" (issue 9): with the preview-fault-storage
 * cookie set by the player, course pages get a first script that makes reading `localStorage`
 * throw, as in a browser that blocks storage for an LMS's third-party frame.
 */
const STORAGE_FAULT = `<script>Object.defineProperty(window,'localStorage',{configurable:true,get(){throw new DOMException('localStorage blocked (preview fault switch)','SecurityError')}})</script>`;
function storageFaultPage(req: IncomingMessage, path: string): Uint8Array | null {
  if (!/(?:^|;\s*)preview-fault-storage=1(?:;|$)/.test(req.headers.cookie ?? '')) return null;
  const m = /^\/content\/([\w.-]+\.zip)\/\d+\/([\w./-]+\.html)$/.exec(path);
  const data = m ? zipFiles(m[1] as string)?.get(m[2] as string) : undefined;
  if (!data) return null;
  return new TextEncoder().encode(new TextDecoder().decode(data).replace(/<head>/i, `<head>${STORAGE_FAULT}`));
}

/** Suspend data to inject from the inspector: garbage, an old format, another course's. */
async function samples(): Promise<Record<string, string>> {
  const { encodeLearnerState } = await import('../../src/persistence/suspend/versions.ts');
  const { encodeV2Body } = await import('../../src/persistence/suspend/v2.ts');
  const { ID_TABLES } = await import('../../src/persistence/suspend/ids.ts');
  const state = (ended: string[]) => ({ location: ended.at(-1) ?? null, visited: ended, ended, quizzes: {}, scenarios: {} });
  return {
    garbage: 'S3.%%garbage%%',
    old: `S2.${encodeV2Body(state(['P01']), ID_TABLES)}`,
    // Another course built with this codec: P01–P03 "done".
    foreign: encodeLearnerState(state(['P01', 'P02', 'P03'])),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let url: URL;
  let path: string;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
    path = decodeURIComponent(url.pathname);
  } catch {
    return send(res, 400, 'malformed URL');
  }
  const faulty = storageFaultPage(req, path);
  if (faulty) return send(res, 200, faulty, TYPES['.html']);
  if (path === '/api/samples') return json(res, 200, await samples());

  if (path === '/' || path === '/index.html') return send(res, 200, launcherPage(), TYPES['.html']);
  if (path === '/player.html') return send(res, 200, playerPage(), TYPES['.html']);
  if (path === '/vendor/scorm-again.min.js') return send(res, 200, readFileSync(scormAgainFile), TYPES['.js']);
  if (path.startsWith('/static/')) {
    const name = path.slice('/static/'.length);
    const file = /^[\w-]+\.(js|css)$/.test(name) ? inside(join(here, 'client'), name) : null;
    if (!file || !existsSync(file)) return send(res, 404, 'not found');
    return send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  }
  if (path === '/api/packages') return json(res, 200, packageIndex());
  // The inspector's summary card: the player posts the CMI values it shows, the course's codec decodes the suspend data.
  if (path === '/api/inspect' && req.method === 'POST') {
    const pkg = url.searchParams.get('pkg') ?? '';
    if (!PACKAGE_FILE.test(pkg)) return json(res, 400, { error: 'pkg is required' });
    let fields: InspectFields;
    try {
      const raw = JSON.parse(await readBody(req)) as Record<string, unknown>;
      const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
      fields = { suspendData: text('suspendData'), completion: text('completion'), success: text('success'), score: text('score'), totalTime: text('totalTime'), sessionTime: text('sessionTime') };
    } catch {
      return json(res, 400, { error: 'a JSON object of CMI values is required' });
    }
    const { courseFromPage, inspectSummary, summaryHtml, outcomes } = await loadInspector();
    const page = zipFiles(pkg)?.get('index.html');
    const course = page ? courseFromPage(new TextDecoder().decode(page)) : null;
    return send(res, 200, summaryHtml(inspectSummary(fields, course, outcomes)), TYPES['.html']);
  }
  // The catalogue npm run package writes next to the zips.
  if (path === `/packages/${CATALOGUE_HTML}` || path === `/packages/${CATALOGUE_CSV}`) {
    const file = join(packagesDir, path.slice('/packages/'.length));
    if (!existsSync(file)) return send(res, 404, 'not found');
    return send(res, 200, readFileSync(file), path.endsWith('.csv') ? 'text/csv; charset=utf-8' : TYPES['.html']);
  }
  // A zip to upload to a real LMS: downloaded, never shown.
  const download = /^\/download\/([^/]+)$/.exec(path);
  if (download) {
    const name = download[1] as string;
    const file = PACKAGE_FILE.test(name) && packageIndex().some((p) => p.file === name) ? inside(packagesDir, name) : null;
    if (!file || !existsSync(file)) return send(res, 404, 'not found');
    res.writeHead(200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${name}"`,
      'content-length': String(statSync(file).size),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(readFileSync(file));
    return;
  }

  // Package content: /content/<zip>/<rev>/<path inside the zip>
  const content = /^\/content\/([\w.-]+\.zip)\/(\d+)\/(.+)$/.exec(path);
  if (content) {
    const data = zipFiles(content[1] as string)?.get(content[3] as string);
    if (!data) return send(res, 404, 'not found');
    return send(res, 200, data, TYPES[extname(content[3] as string)] ?? 'application/octet-stream');
  }

  if (path.startsWith('/api/')) {
    const file = cmiFile(url.searchParams.get('learner') ?? '', url.searchParams.get('pkg') ?? '');
    if (!file) return json(res, 400, { error: `learner (${LEARNER_ID.source}) and pkg (${PACKAGE_FILE.source}) are required` });
    if (path === '/api/cmi' && req.method === 'GET') {
      return json(res, 200, existsSync(file) ? parseRecord(readFileSync(file, 'utf8')) : null);
    }
    if ((path === '/api/cmi' && req.method === 'PUT') || (path === '/api/commit' && req.method === 'POST')) {
      // Commits arrive as JSON, or as text/plain from sendBeacon on terminate.
      let body: { cmi?: unknown } | null = null;
      try {
        body = parseRecord(await readBody(req)) as { cmi?: unknown } | null;
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 400;
        return json(res, status, { result: false, errorCode: 101, error: (error as Error).message });
      }
      const cmi = path === '/api/cmi' ? body : body?.cmi;
      if (!cmi || typeof cmi !== 'object') return json(res, 400, { result: false, errorCode: 101 });
      const record = `${JSON.stringify(cmi, null, 2)}\n`;
      if (Buffer.byteLength(record) > MAX_RECORD_BYTES)
        return json(res, 413, { result: false, errorCode: 101, error: `record over ${MAX_RECORD_BYTES} bytes` });
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, record);
      return json(res, 200, { result: true, errorCode: 0 });
    }
    if (path === '/api/reset' && req.method === 'POST') {
      rmSync(file, { force: true });
      return json(res, 200, { result: true });
    }
  }
  return send(res, 404, 'not found');
}

export function startPreview(port: number): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    // Every request ends with a response, whatever happens inside.
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!res.headersSent) return json(res, error.status, { error: error.message });
      } else console.error('[preview]', error);
      if (!res.headersSent) send(res, 500, 'internal error');
      else if (!res.writableEnded) res.end();
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      ok({ port: typeof address === 'object' && address ? address.port : port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

async function main(): Promise<void> {
  const fixed = process.env.PORT ? Number(process.env.PORT) : null;
  let started: Awaited<ReturnType<typeof startPreview>> | null = null;
  for (let port = fixed ?? 4321; !started; port++) {
    try {
      started = await startPreview(port);
    } catch (error) {
      if (fixed !== null || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port > 4421) throw error;
    }
  }
  const count = packageIndex().length;
  console.log(`Local LMS preview: http://127.0.0.1:${started.port}/  (${count} package${count === 1 ? '' : 's'} from ${packagesDir}; learner data in ${dataDir})`);
  if (count === 0) console.log('No packages yet: run npm run package (npm start does build + package + preview).');
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  readdirSync(dataDir); // fail early if the data folder is unusable
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`preview: ${(error as Error).message}`);
    process.exit(1);
  });
}
