/**
 * The Part 8 self-check's checkpoints (content/self-check.yaml), read and checked at build time:
 * the S06 tool island and the content check both call this, so a broken file stops the build with
 * its file, field and reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { selfCheckItemsFileSchema, type SelfCheckItemsFile } from '../schemas/tools.ts';

export const SELF_CHECK_FILE = 'content/self-check.yaml';

export function readSelfCheckItems(root: string = process.cwd()): { data: SelfCheckItemsFile | null; problems: string[] } {
  const path = join(root, SELF_CHECK_FILE);
  if (!existsSync(path)) return { data: null, problems: [`${SELF_CHECK_FILE}: (file) → missing; the self-check tool reads its 120 checkpoints from it`] };
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    return { data: null, problems: [`${SELF_CHECK_FILE}: (file) → cannot be read: ${(error as Error).message}`] };
  }
  const parsed = selfCheckItemsFileSchema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, problems: [] };
  return {
    data: null,
    problems: parsed.error.issues.map((issue) => `${SELF_CHECK_FILE}: ${issue.path.map(String).join('.') || '(root)'} → ${issue.message}`),
  };
}

/** The data, or an Error naming every problem (for the build). */
export function loadSelfCheckItems(root: string = process.cwd()): SelfCheckItemsFile {
  const { data, problems } = readSelfCheckItems(root);
  if (!data) throw new Error(problems.join('\n'));
  return data;
}
