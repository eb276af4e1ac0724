/**
 * What every Part 8 tool shares: bounding and normalising raw input, and CSV export. Pure: no DOM.
 *
 * Bounding never rejects silently. Each function returns the bounded value together with what it
 * cut (`Cuts`), so the island can tell the learner ("标签过长，已截取前 200 字" / "最多 50 行，
 * 已略去 450 行"). Text is text: pasted HTML stays as the characters typed (the islands render
 * it as text, the CSV quotes it), so `<b>` is kept, never interpreted and never stripped.
 */
import { TOOL_LABEL_MAX, TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';

/** What bounding cut: labels shortened (and characters removed), rows left out. */
export interface Cuts {
  /** Labels cut to the maximum length. */
  labelsShortened: number;
  /** Characters removed from them in all. */
  charsRemoved: number;
  /** Rows left out beyond the maximum row count. */
  rowsDropped: number;
}

export const noCuts = (): Cuts => ({ labelsShortened: 0, charsRemoved: 0, rowsDropped: 0 });

export const addCuts = (a: Cuts, b: Cuts): Cuts => ({
  labelsShortened: a.labelsShortened + b.labelsShortened,
  charsRemoved: a.charsRemoved + b.charsRemoved,
  rowsDropped: a.rowsDropped + b.rowsDropped,
});

export const hasCuts = (c: Cuts) => c.labelsShortened > 0 || c.rowsDropped > 0;

// Control characters other than tab/newline, and the zero-width/bidi controls that make a label look different from what it is.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * A label as the tools keep it: a string, number or boolean as text (anything else → ''), control and
 * zero-width characters removed, every run of white space (newlines included: a label is one
 * line) collapsed to one space, trimmed, and cut to `max` characters — counted in code points,
 * so an emoji or a rare CJK character is never split in half.
 */
export function boundLabel(input: unknown, max: number = TOOL_LABEL_MAX): { value: string; cuts: Cuts } {
  // Only text and plain numbers are labels; an object (corrupt stored data) is no label, and never has its toString called.
  const text = typeof input === 'string' ? input : typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint' ? String(input) : '';
  const clean = text.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return { value: clean, cuts: noCuts() };
  return { value: chars.slice(0, max).join('').trimEnd(), cuts: { labelsShortened: 1, charsRemoved: chars.length - max, rowsDropped: 0 } };
}

/** The first `max` rows, and how many were left out. A non-array counts as no rows. */
export function boundRows<T>(input: readonly T[] | null | undefined, max: number = TOOL_ROWS_MAX): { rows: T[]; cuts: Cuts } {
  const list = Array.isArray(input) ? input : [];
  return { rows: list.slice(0, max), cuts: { ...noCuts(), rowsDropped: Math.max(0, list.length - max) } };
}

/** An integer in [min, max]: rounds, clamps, and takes `fallback` for anything that is not a finite number. */
export function clampInt(input: unknown, min: number, max: number, fallback: number): number {
  const n = typeof input === 'number' ? input : typeof input === 'string' && input.trim() !== '' ? Number(input) : NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.round(n)));
}

/** A number in [min, max] (decimals kept to 0.1), or `fallback`. */
export function clampNumber(input: unknown, min: number, max: number, fallback: number): number {
  const n = typeof input === 'number' ? input : typeof input === 'string' && input.trim() !== '' ? Number(input) : NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.round(n * 10) / 10));
}

/** The next free row id `r<n>` of a list (one more than the largest used). */
export function nextRowId(rows: readonly { id: string }[]): string {
  const used = rows.map((r) => /^r(\d+)$/.exec(r.id)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return `r${used.length ? Math.max(...used) + 1 : 1}`;
}

/**
 * Normalises a list of raw rows: at most `max` rows, each through `one` (which bounds its labels
 * and reports its cuts), ids made unique (a missing, malformed or repeated id gets the next free
 * `r<n>`). Returns the rows and all cuts.
 */
export function normaliseRows<T extends { id: string }>(
  input: unknown,
  one: (raw: Record<string, unknown>) => { row: Omit<T, 'id'>; cuts: Cuts },
  max: number = TOOL_ROWS_MAX,
): { rows: T[]; cuts: Cuts } {
  const bounded = boundRows(Array.isArray(input) ? (input as unknown[]) : [], max);
  let cuts = bounded.cuts;
  const out: T[] = [];
  const pending: Omit<T, 'id'>[] = [];
  const ids = new Set<string>();
  const slots: (string | null)[] = [];
  for (const raw of bounded.rows) {
    const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { label: raw };
    const { row, cuts: c } = one(record);
    cuts = addCuts(cuts, c);
    const id = typeof record.id === 'string' && /^[a-z0-9][a-z0-9.-]{0,23}$/.test(record.id) && !ids.has(record.id) ? record.id : null;
    if (id) ids.add(id);
    slots.push(id);
    pending.push(row);
  }
  pending.forEach((row, i) => {
    let id = slots[i];
    if (!id) {
      let n = 1;
      while (ids.has(`r${n}`)) n += 1;
      id = `r${n}`;
      ids.add(id);
    }
    out.push({ ...row, id } as T);
  });
  return { rows: out, cuts };
}

/** Sums the cuts of several bounded labels into one report. */
export function labels<K extends string>(raw: Record<string, unknown>, keys: readonly K[]): { values: Record<K, string>; cuts: Cuts } {
  let cuts = noCuts();
  const values = {} as Record<K, string>;
  for (const key of keys) {
    const b = boundLabel(raw[key]);
    values[key] = b.value;
    cuts = addCuts(cuts, b.cuts);
  }
  return { values, cuts };
}

// ---------------------------------------------------------------------------------------------
// Row operations shared by the list tools (steps, failure modes, activities, cards): keyboard
// reordering and adding within the bound. Each returns the same array when nothing changes.

/** Moves a row one place up or down (process order matters for steps and activities). */
export function moveRow<T extends { id: string }>(rows: readonly T[], id: string, direction: 'up' | 'down'): readonly T[] {
  const i = rows.findIndex((r) => r.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= rows.length) return rows;
  const out = [...rows];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

/** Appends a row with the next free id, unless the list is at the row bound (then `full`, rows unchanged). */
export function appendRow<T extends { id: string }>(rows: readonly T[], row: Omit<T, 'id'>, max: number = TOOL_ROWS_MAX): { rows: readonly T[]; full: boolean } {
  if (rows.length >= max) return { rows, full: true };
  return { rows: [...rows, { ...row, id: nextRowId(rows) } as T], full: false };
}

/** Removes a row by id. */
export const removeRow = <T extends { id: string }>(rows: readonly T[], id: string): readonly T[] =>
  rows.some((r) => r.id === id) ? rows.filter((r) => r.id !== id) : rows;

/** Replaces a row's label-like field with bounded text, returning the cuts so the island can say what was cut. */
export function setRowText<T extends { id: string }, K extends keyof T & string>(rows: readonly T[], id: string, field: K, text: unknown): { rows: readonly T[]; cuts: Cuts } {
  const b = boundLabel(text);
  return { rows: rows.map((r) => (r.id === id ? { ...r, [field]: b.value } : r)), cuts: b.cuts };
}

// ---------------------------------------------------------------------------------------------
// CSV export.

export type CsvCell = string | number | boolean | null | undefined;

/** Byte-order mark so Excel (zh-CN Windows) opens the UTF-8 file as UTF-8, not GBK. */
export const CSV_BOM = '\uFEFF';

/**
 * One cell as RFC 4180 text. Text that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab / carriage return that some spreadsheets skip before one) gets a leading
 * apostrophe (the OWASP CSV-injection guard), so `=HYPERLINK(…)` shows as text. Numbers are
 * written as numbers (−2 stays −2). A cell is quoted when it holds a comma, a quote, a line
 * break or leading/trailing space; quotes inside are doubled.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file's text: header row then rows, CRLF line ends (RFC 4180), with the UTF-8 BOM unless `bom` is false. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${options.bom === false ? '' : CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** Parses CSV text written by toCsv (for tests and re-import): BOM dropped, quotes undone. The guard apostrophe stays. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && src[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
