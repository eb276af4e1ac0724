/**
 * localStorage key of one workplace tool's work, beside a learner's copy (src/state/tools.ts).
 * A module of its own: the tool islands need the key without the mirror's reading and merging code.
 */
export function toolKey(mirror: string, tool: string): string {
  return `${mirror}:tool:${tool}`;
}
