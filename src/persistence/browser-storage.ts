/**
 * The browser's localStorage, reached safely. Its own module so that the reading aids
 * (src/islands/reader.ts, fetched on every page) do not pull in the mirror and its codec.
 */

/** localStorage, or undefined where touching it throws (some private modes, sandboxed frames). */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
