/**
 * Fills `{name}` placeholders of a dictionary string. A placeholder with no value stays
 * visible as `{name}` (so a missing value shows up in review) unless `missing` says otherwise.
 */
export function fill(template: string, vars: Record<string, string | number> = {}, missing?: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? missing ?? `{${name}}`));
}
