/**
 * The self-assessment items (content/self-assessment.yaml) for the A2 island, read and checked
 * at build time: the `<SelfAssessment />` component and the content check both call this, so a
 * broken file stops the build with its file, field and reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { selfAssessmentSchema, type SelfAssessment } from '../schemas/self-assessment.ts';

export const SELF_ASSESSMENT_FILE = 'content/self-assessment.yaml';

/** The island's props: the file's data as validated. */
export type SelfAssessmentData = SelfAssessment;

/** Reads and validates the file; `problems` lists what is wrong (empty when `data` is usable). */
export function readSelfAssessment(root: string = process.cwd()): { data: SelfAssessmentData | null; problems: string[] } {
  const path = join(root, SELF_ASSESSMENT_FILE);
  if (!existsSync(path)) return { data: null, problems: [`${SELF_ASSESSMENT_FILE}: (file) → missing; <SelfAssessment /> reads its items from it`] };
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    return { data: null, problems: [`${SELF_ASSESSMENT_FILE}: (file) → cannot be read: ${(error as Error).message}`] };
  }
  const parsed = selfAssessmentSchema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, problems: [] };
  return {
    data: null,
    problems: parsed.error.issues.map((issue) => `${SELF_ASSESSMENT_FILE}: ${issue.path.map(String).join('.') || '(root)'} → ${issue.message}`),
  };
}

/** The data, or an Error naming every problem (for the build). */
export function loadSelfAssessment(root: string = process.cwd()): SelfAssessmentData {
  const { data, problems } = readSelfAssessment(root);
  if (!data) throw new Error(problems.join('\n'));
  return data;
}
