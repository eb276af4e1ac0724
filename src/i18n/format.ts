/**
 * Fills `{name}` placeholders of a dictionary string. A placeholder with no value stays
 * visible as `{name}` (so a missing value shows up in review) unless `missing` says otherwise.
 */
export function fill(template: string, vars: Record<string, string | number> = {}, missing?: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? missing ?? `{${name}}`));
}

export type Vars = Record<string, string | number>;

/**
 * A dictionary's lookup: the string of a key with its `{name}` placeholders filled (`missing` as
 * in `fill`). Every src/i18n dictionary exports one, e.g. `export const tq = lookup(quizUi)`.
 */
export function lookup<K extends string>(table: Readonly<Record<K, string>>, missing?: string): (key: K, vars?: Vars) => string {
  return (key, vars = {}) => fill(table[key], vars, missing);
}
