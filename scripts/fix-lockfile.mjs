// The registry this project installs from serves only the linux-x64 builds of Astro's
// native compiler binding, so `npm install` leaves the other platforms' optional entries
// out of package-lock.json and `npm ci` then refuses the lock. Re-adding them as
// platform-gated optional entries keeps `npm ci` working everywhere; run this after any
// `npm install` that rewrites the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const platforms = {
  'android-arm64': ['android', 'arm64'],
  'darwin-arm64': ['darwin', 'arm64'],
  'darwin-x64': ['darwin', 'x64'],
  'linux-arm64-gnu': ['linux', 'arm64'],
  'linux-arm64-musl': ['linux', 'arm64'],
  'linux-x64-gnu': ['linux', 'x64'],
  'linux-x64-musl': ['linux', 'x64'],
  'wasm32-wasi': [null, 'wasm32'],
  'win32-arm64-msvc': ['win32', 'arm64'],
  'win32-x64-msvc': ['win32', 'x64'],
};
const binding = lock.packages['node_modules/@astrojs/compiler-binding'];
if (!binding) process.exit(0);
let added = 0;
for (const [suffix, [os, cpu]] of Object.entries(platforms)) {
  const key = `node_modules/@astrojs/compiler-binding-${suffix}`;
  if (lock.packages[key]) continue;
  const entry = { version: binding.version, dev: true, optional: true, cpu: [cpu] };
  if (os) entry.os = [os];
  lock.packages[key] = entry;
  added++;
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
);
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`fix-lockfile: added ${added} platform entries`);
