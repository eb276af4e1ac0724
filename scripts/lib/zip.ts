/**
 * Deterministic zips: entries sorted by path, every timestamp fixed, fixed compression level and
 * attributes, so the same input always gives byte-identical archives (fflate writes no other
 * variable data). fflate (MIT) is small, dependency-free and widely used.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** The one timestamp every entry carries (DOS time has no time zone; this is read as local time). */
export const ZIP_MTIME = new Date(2024, 0, 1, 0, 0, 0);

/** Already-compressed formats are stored, everything else deflated. */
const STORED = /\.(png|jpe?g|gif|webp|avif|woff2?|zip|gz|mp3|mp4)$/i;

export function deterministicZip(files: Map<string, Uint8Array>): Uint8Array {
  const tree: Zippable = {};
  for (const path of [...files.keys()].sort()) {
    const data = files.get(path) as Uint8Array;
    tree[path] = [data, { level: STORED.test(path) ? 0 : 9, mtime: ZIP_MTIME, os: 3, attrs: 0o100644 << 16 }];
  }
  return zipSync(tree, { level: 9, mtime: ZIP_MTIME });
}

export function readZip(data: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(data)));
}
