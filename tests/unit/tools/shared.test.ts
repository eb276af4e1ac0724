/** Issue 17: bounding raw tool input, CSV export and the compact LMS summary (src/engine/tools/shared.ts, summary.ts). */
import { describe, expect, it } from 'vitest';
import { appendRow, boundLabel, boundRows, clampInt, csvCell, CSV_BOM, moveRow, nextRowId, normaliseRows, parseCsv, removeRow, setRowText, toCsv, type Cuts } from '../../../src/engine/tools/shared.ts';
import { decodeToolSummaries, encodeToolSummaries, SUMMARY_MAX_CHARS, SUMMARY_WORST_CHARS, type ToolSummaries } from '../../../src/engine/tools/summary.ts';
import { TOOL_LABEL_MAX, TOOL_ROWS_MAX, toolLabelSchema } from '../../../src/schemas/tools.ts';

describe('boundLabel', () => {
  it('trims, collapses white space and line breaks, drops control and zero-width characters', () => {
    expect(boundLabel('  排队\n\t等候 \u200B 叫号\u0007 ').value).toBe('排队 等候 叫号');
    expect(boundLabel(null).value).toBe('');
    expect(boundLabel(undefined).value).toBe('');
    expect(boundLabel(42).value).toBe('42');
  });

  it('treats an object (corrupt stored data) as no label, without calling its toString', () => {
    expect(boundLabel({ toString: '' }).value).toBe('');
    expect(boundLabel({ toString: () => { throw new Error('boom'); } }).value).toBe('');
    expect(boundLabel(['<b>', 'x']).value).toBe('');
  });

  it('cuts a 2,000-character label to 200 characters and says how much it cut', () => {
    const long = '前台'.repeat(1000);
    const { value, cuts } = boundLabel(long);
    expect(Array.from(value)).toHaveLength(TOOL_LABEL_MAX);
    expect(cuts).toEqual({ labelsShortened: 1, charsRemoved: 1800, rowsDropped: 0 });
    expect(toolLabelSchema.safeParse(value).success).toBe(true);
    expect(toolLabelSchema.safeParse(long).success).toBe(false);
  });

  it('leaves a label of exactly the maximum untouched, and counts code points (no split emoji)', () => {
    const exact = 'a'.repeat(TOOL_LABEL_MAX);
    expect(boundLabel(exact)).toEqual({ value: exact, cuts: { labelsShortened: 0, charsRemoved: 0, rowsDropped: 0 } });
    const emoji = '😀'.repeat(TOOL_LABEL_MAX + 1);
    const cut = boundLabel(emoji).value;
    expect(Array.from(cut)).toHaveLength(TOOL_LABEL_MAX);
    expect(cut.endsWith('😀')).toBe(true);
  });

  it('keeps pasted HTML as the text typed: nothing stripped, nothing interpreted', () => {
    const html = '<img src=x onerror="alert(1)"><b>等候</b>';
    expect(boundLabel(html).value).toBe(html);
  });
});

describe('boundRows / normaliseRows', () => {
  it('keeps the first 50 of a 500-row paste and reports the 450 left out', () => {
    const { rows, cuts } = boundRows(Array.from({ length: 500 }, (_, i) => i));
    expect(rows).toHaveLength(TOOL_ROWS_MAX);
    expect(rows[49]).toBe(49);
    expect(cuts.rowsDropped).toBe(450);
  });

  it('treats empty and non-array input as no rows, without a cut', () => {
    expect(boundRows([]).rows).toEqual([]);
    expect(boundRows(null).cuts.rowsDropped).toBe(0);
  });

  it('gives a missing, malformed or repeated id the next free r<n>', () => {
    const one = (raw: Record<string, unknown>) => ({ row: { label: String(raw.label ?? '') }, cuts: { labelsShortened: 0, charsRemoved: 0, rowsDropped: 0 } as Cuts });
    const { rows } = normaliseRows<{ id: string; label: string }>([{ id: 'r1', label: 'a' }, { id: 'r1', label: 'b' }, { id: 'BAD ID', label: 'c' }, { label: 'd' }, 'e'], one);
    expect(rows.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(rows.map((r) => r.label)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(new Set(rows.map((r) => r.id)).size).toBe(5);
  });

  it('nextRowId is one above the largest r<n>', () => {
    expect(nextRowId([])).toBe('r1');
    expect(nextRowId([{ id: 'r2' }, { id: 'hotel.1' }, { id: 'r9' }])).toBe('r10');
  });

  it('clampInt rounds, clamps and falls back on junk', () => {
    expect(clampInt(11, 1, 10, 5)).toBe(10);
    expect(clampInt(0, 1, 10, 5)).toBe(1);
    expect(clampInt('7', 1, 10, 5)).toBe(7);
    expect(clampInt(6.5, 1, 10, 5)).toBe(7);
    expect(clampInt('abc', 1, 10, 5)).toBe(5);
    expect(clampInt(NaN, 1, 10, 5)).toBe(5);
    expect(clampInt('', 1, 10, 5)).toBe(5);
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says, and ends lines with CRLF', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"稍等"')).toBe('"他说""稍等"""');
    expect(csvCell('一行\n两行')).toBe('"一行\n两行"');
    expect(csvCell(' 前后空格 ')).toBe('" 前后空格 "');
    expect(csvCell('plain')).toBe('plain');
    const text = toCsv(['名称', '分'], [['a', 1], ['b', null]]);
    expect(text).toBe(`${CSV_BOM}名称,分\r\na,1\r\nb,\r\n`);
  });

  it('starts with the UTF-8 BOM for Excel unless told not to', () => {
    expect(toCsv(['x'], []).charCodeAt(0)).toBe(0xfeff);
    expect(toCsv(['x'], [], { bom: false })).toBe('x\r\n');
  });

  it('guards text cells that a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csvCell('+86 123')).toBe("'+86 123");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(true)).toBe('1');
    expect(csvCell(Infinity)).toBe('');
  });

  it('round-trips through parseCsv (HTML and quotes intact, the guard apostrophe visible)', () => {
    const rows = [['<b>粗</b>', 'x,"y"\r\nz', '=1+1', 3]];
    const parsed = parseCsv(toCsv(['a', 'b', 'c', 'd'], rows));
    expect(parsed).toEqual([['a', 'b', 'c', 'd'], ['<b>粗</b>', 'x,"y"\r\nz', "'=1+1", '3']]);
  });
});

describe('LMS summary', () => {
  const all: ToolSummaries = {
    painpoints: { done: true, values: { problems: 50, flaggedMinutes: 72000 } },
    journey: { done: false, values: { lowestStage: 3, touchpoints: 12 } },
    sfmea: { done: true, values: { maxRpn: 1000, highSeverity: 50 } },
    blueprint: { done: true, values: { percent: 100 } },
    selfcheck: { done: true, values: { total: 67, answered: 120, part1: 100, part2: 0, part3: null, part4: 50, part5: 79, part6: 80 } },
    impact: { done: false, values: { doFirst: 3, plan: 0 } },
    roadmap: { done: true, values: { actions: 9, phases: 0b1011 } },
  };

  it('round-trips every tool, done flags, nulls and the 1,000 RPN ceiling', () => {
    const text = encodeToolSummaries(all);
    const { summaries, problems } = decodeToolSummaries(text);
    expect(problems).toEqual([]);
    expect(summaries).toEqual(all);
  });

  it('caps a value too large for its field one below the null code, and writes junk numbers as null', () => {
    const text = encodeToolSummaries({ painpoints: { done: false, values: { problems: 9999, flaggedMinutes: -3 } }, blueprint: { done: true, values: { percent: NaN } } });
    expect(decodeToolSummaries(text).summaries).toEqual({ painpoints: { done: false, values: { problems: 36 ** 2 - 2, flaggedMinutes: 0 } }, blueprint: { done: true, values: { percent: null } } });
  });

  it('keeps all seven summaries within 60 characters, even at their largest', () => {
    const text = encodeToolSummaries(all);
    expect(text.length).toBe(SUMMARY_WORST_CHARS);
    expect(SUMMARY_WORST_CHARS).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(text).toMatch(/^[0-9a-zA-Z]+$/);
  });

  it('leaves out tools without a summary, and an empty set is just the version', () => {
    expect(encodeToolSummaries({})).toBe('1');
    const one = encodeToolSummaries({ blueprint: { done: false, values: { percent: 40 } } });
    expect(one).toBe('1b14'); // 40 = 1×36 + 4
    expect(decodeToolSummaries(one).summaries).toEqual({ blueprint: { done: false, values: { percent: 40 } } });
  });

  it('never throws on bad input: unknown version, truncation, unknown letters, wrong order', () => {
    expect(decodeToolSummaries('9abc')).toEqual({ summaries: {}, problems: ['unknown summary version "9"'] });
    expect(decodeToolSummaries('')).toEqual({ summaries: {}, problems: [] });
    const truncated = decodeToolSummaries(encodeToolSummaries(all).slice(0, 14)); // '1' + 7 (p) + 4 (j) + 2 of sfmea's 5
    expect(truncated.problems.length).toBe(1);
    expect(Object.keys(truncated.summaries)).toEqual(['painpoints', 'journey']);
    expect(decodeToolSummaries('1x00').problems[0]).toMatch(/unexpected "x"/);
    expect(decodeToolSummaries('1b14p0000').problems[0]).toMatch(/unexpected "p"/);
    expect(decodeToolSummaries('1b1!').problems[0]).toMatch(/blueprint/);
  });
});

describe('row operations', () => {
  const rows = [{ id: 'r1', label: 'a' }, { id: 'r2', label: 'b' }, { id: 'r3', label: 'c' }];

  it('moveRow swaps with the neighbour; at either end, or for an unknown id, returns the same array', () => {
    expect(moveRow(rows, 'r2', 'up').map((r) => r.id)).toEqual(['r2', 'r1', 'r3']);
    expect(moveRow(rows, 'r2', 'down').map((r) => r.id)).toEqual(['r1', 'r3', 'r2']);
    expect(moveRow(rows, 'r1', 'up')).toBe(rows);
    expect(moveRow(rows, 'r3', 'down')).toBe(rows);
    expect(moveRow(rows, 'x', 'down')).toBe(rows);
  });

  it('appendRow gives the next id and refuses at the bound', () => {
    expect(appendRow(rows, { label: 'd' })).toEqual({ rows: [...rows, { id: 'r4', label: 'd' }], full: false });
    const full = Array.from({ length: TOOL_ROWS_MAX }, (_, i) => ({ id: `r${i + 1}`, label: '' }));
    expect(appendRow(full, { label: 'x' })).toEqual({ rows: full, full: true });
  });

  it('removeRow and setRowText (bounded, cuts reported)', () => {
    expect(removeRow(rows, 'r2').map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(removeRow(rows, 'nope')).toBe(rows);
    const { rows: edited, cuts } = setRowText(rows, 'r3', 'label', ` ${'字'.repeat(300)}\n`);
    expect(Array.from(edited[2]?.label ?? '')).toHaveLength(TOOL_LABEL_MAX);
    expect(cuts).toEqual({ labelsShortened: 1, charsRemoved: 100, rowsDropped: 0 });
    expect(edited[0]).toBe(rows[0]);
  });
});
