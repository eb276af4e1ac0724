/**
 * SCORM API discovery (ADL algorithm, with the known fixes): look in this window, then walk
 * `parent` until the top; then the same from `opener` (and `top.opener`, for LMSs that open
 * the course in a popup from a frame). Every property access is guarded: a cross-origin
 * window in the chain throws SecurityError, which just means "not here". Bounded: 500 hops for
 * 2004 (IEEE 1484.11.2), 7 for 1.2 (ADL's 1.2 APIWrapper).
 */
import type { RawApi12, RawApi2004 } from './scorm-api.ts';

export type ApiName = 'API' | 'API_1484_11';

/** The minimum of `Window` discovery touches (so tests can pass plain objects). */
export interface WindowLike {
  parent?: WindowLike | null;
  opener?: WindowLike | null;
  top?: WindowLike | null;
  [name: string]: unknown;
}

export const MAX_HOPS: Record<ApiName, number> = { API: 7, API_1484_11: 500 };

function read(win: WindowLike, key: string): unknown {
  try {
    return win[key];
  } catch {
    return undefined;
  }
}

function looksLikeApi(value: unknown, name: ApiName): boolean {
  if (typeof value !== 'object' && typeof value !== 'function') return false;
  if (value === null) return false;
  const probe = name === 'API' ? 'LMSInitialize' : 'Initialize';
  try {
    return typeof (value as Record<string, unknown>)[probe] === 'function';
  } catch {
    return false;
  }
}

/** Walks from `start` up its parents; null when not found within the hop limit. */
function scan(start: WindowLike | null | undefined, name: ApiName): unknown {
  let win = start;
  for (let hops = 0; win && hops <= MAX_HOPS[name]; hops++) {
    const api = read(win, name);
    if (looksLikeApi(api, name)) return api;
    const parent = read(win, 'parent') as WindowLike | null | undefined;
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

export function findApi(win: WindowLike, name: 'API'): RawApi12 | null;
export function findApi(win: WindowLike, name: 'API_1484_11'): RawApi2004 | null;
export function findApi(win: WindowLike, name: ApiName): RawApi12 | RawApi2004 | null {
  const found =
    scan(win, name) ??
    scan(read(win, 'opener') as WindowLike | null, name) ??
    scan(read((read(win, 'top') as WindowLike | null) ?? win, 'opener') as WindowLike | null, name);
  return (found as RawApi12 | RawApi2004 | null) ?? null;
}
