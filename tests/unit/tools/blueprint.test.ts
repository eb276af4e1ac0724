/** Issue 17: the S04 service-blueprint layer sorter (src/engine/tools/blueprint.ts). */
import { describe, expect, it } from 'vitest';
import {
  BLUEPRINT_LAYERS, BLUEPRINT_PRESETS, blueprintCsv, blueprintPreset, blueprintPresetKey, blueprintSummary, byLayer, checkBlueprint, handoffs,
  linesBetween, normaliseBlueprint, setFailPoint, setLayer, type BlueprintCsvHeader,
} from '../../../src/engine/tools/blueprint.ts';
import { parseCsv } from '../../../src/engine/tools/shared.ts';
import { exampleWord, toolExamples, toolWord } from '../../../src/i18n/zh-CN.tools.ts';
import { blueprintDataSchema, blueprintPresetSchema, type BlueprintActivity, type BlueprintData, type BlueprintLayer } from '../../../src/schemas/tools.ts';

const act = (id: string, layer: BlueprintLayer | null, failPoint = false): BlueprintActivity => ({ id, label: id, layer, failPoint });

/** A preset sorted exactly as its key says. */
function solved(preset: 'hotel-checkin' | 'clinic-registration'): BlueprintData {
  let data = blueprintPreset(preset, exampleWord);
  for (const k of BLUEPRINT_PRESETS[preset]) data = setFailPoint(setLayer(data, k.id, k.layer), k.id, k.failPoint);
  return data;
}

describe('lines and hand-offs', () => {
  it('names the lines between two layers, either direction', () => {
    expect(linesBetween('customer', 'front')).toEqual(['interaction']);
    expect(linesBetween('front', 'back')).toEqual(['visibility']);
    expect(linesBetween('support', 'back')).toEqual(['internal']);
    expect(linesBetween('customer', 'support')).toEqual(['interaction', 'visibility', 'internal']);
    expect(linesBetween('front', 'front')).toEqual([]);
  });

  it('finds a hand-off between consecutive activities in different layers, not within a layer', () => {
    const list = [act('a', 'customer'), act('b', 'front'), act('c', 'front'), act('d', 'back'), act('e', 'customer')];
    const h = handoffs(list);
    expect(h.map((x) => `${x.from.id}>${x.to.id}`)).toEqual(['a>b', 'c>d', 'd>e']);
    expect(h.map((x) => x.crossesVisibility)).toEqual([false, true, true]);
    expect(h[2]?.lines).toEqual(['interaction', 'visibility']);
  });

  it('an unsorted activity breaks the chain; empty and single lists have none', () => {
    expect(handoffs([act('a', 'customer'), act('b', null), act('c', 'back')])).toEqual([]);
    expect(handoffs([])).toEqual([]);
    expect(handoffs([act('a', 'front')])).toEqual([]);
  });

  it('groups by layer in process order, unsorted apart', () => {
    const g = byLayer([act('a', 'back'), act('b', null), act('c', 'back')]);
    expect(g.back.map((a) => a.id)).toEqual(['a', 'c']);
    expect(g.unsorted.map((a) => a.id)).toEqual(['b']);
    expect(g.customer).toEqual([]);
  });
});

describe('checking a preset against its key', () => {
  it('a perfect sort scores 100 with every fail point found', () => {
    for (const preset of blueprintPresetSchema.options) {
      const check = checkBlueprint(solved(preset));
      expect(check?.percent).toBe(100);
      expect(check?.failPointsMissed).toBe(0);
      expect(check?.failPointsExtra).toBe(0);
      expect(check?.layersRight).toBe(BLUEPRINT_PRESETS[preset].length);
    }
  });

  it('an untouched preset: no layer right, every fail point missed, the no-fail decisions right', () => {
    const data = blueprintPreset('hotel-checkin', exampleWord);
    const check = checkBlueprint(data);
    // 8 activities, 3 fail points: 5 of 16 decisions right → 31.25 → 31.
    expect(check).toMatchObject({ layersRight: 0, failPointsFound: 0, failPointsMissed: 3, failPointsExtra: 0, percent: 31 });
  });

  it('counts a wrong layer, a missed and an extra fail point', () => {
    let data = solved('hotel-checkin');
    data = setLayer(data, 'h3', 'back'); // the system is support, not back stage
    data = setFailPoint(data, 'h4', false); // miss
    data = setFailPoint(data, 'h1', true); // extra
    const check = checkBlueprint(data);
    expect(check).toMatchObject({ layersRight: 7, failPointsFound: 2, failPointsMissed: 1, failPointsExtra: 1, percent: 81 }); // 13/16
    expect(check?.items.find((i) => i.id === 'h3')).toMatchObject({ layerRight: false, failPointRight: true, expected: { layer: 'support', failPoint: true } });
  });

  it('a deleted preset activity counts as wrong on both decisions; own process has no key', () => {
    const data = solved('clinic-registration');
    const check = checkBlueprint({ ...data, activities: data.activities.filter((a) => a.id !== 'c1') });
    expect(check?.percent).toBe(Math.floor((12 * 100) / 14));
    expect(checkBlueprint({ preset: null, activities: [act('a', 'front')] })).toBeNull();
  });

  it('every preset has its words, uses all four layers, and crosses the line of visibility', () => {
    for (const preset of blueprintPresetSchema.options) {
      for (const k of BLUEPRINT_PRESETS[preset]) expect(Object.hasOwn(toolExamples, blueprintPresetKey(preset, k.id))).toBe(true);
      expect(new Set(BLUEPRINT_PRESETS[preset].map((k) => k.layer))).toEqual(new Set(BLUEPRINT_LAYERS));
      expect(handoffs(solved(preset).activities).some((h) => h.crossesVisibility)).toBe(true);
      expect(blueprintDataSchema.safeParse(blueprintPreset(preset, exampleWord)).success).toBe(true);
    }
  });
});

describe('normalise, CSV, summary', () => {
  it('bounds a 500-activity paste; unknown layer → unsorted; unknown preset → own process', () => {
    const raw = { preset: '<x>', activities: Array.from({ length: 500 }, () => ({ label: '<tr><td>'.repeat(400), layer: 'basement', failPoint: 1 })) };
    const { data, cuts } = normaliseBlueprint(raw);
    expect(data.preset).toBeNull();
    expect(data.activities).toHaveLength(50);
    expect(cuts).toMatchObject({ rowsDropped: 450, labelsShortened: 50 });
    expect(data.activities[0]).toMatchObject({ layer: null, failPoint: false });
    expect(blueprintDataSchema.safeParse(data).success).toBe(true);
  });

  it('exports layer names, fail points and the lines crossed to the next step', () => {
    const header = ['n', 'act', 'layer', 'fp', 'next'] as const satisfies BlueprintCsvHeader;
    const data = { preset: null, activities: [act('a', 'customer'), act('b', 'back', true), act('c', null)] };
    const csv = blueprintCsv(data, header, { layer: (l) => toolWord(`tools.blueprint.layer.${l}`), line: (l) => toolWord(`tools.blueprint.line.${l}`), yes: '是' });
    expect(parseCsv(csv).slice(1)).toEqual([
      ['1', 'a', '顾客行为', '', '互动分界线 / 可视分界线'],
      ['2', 'b', '后台员工行为', '是', ''],
      ['3', 'c', '', '', ''],
    ]);
  });

  it('summary: done when all sorted; percent from the key, null for own process', () => {
    expect(blueprintSummary(solved('hotel-checkin'))).toEqual({ done: true, values: { percent: 100 } });
    expect(blueprintSummary(blueprintPreset('hotel-checkin', exampleWord))?.done).toBe(false);
    expect(blueprintSummary({ preset: null, activities: [act('a', 'front')] })).toEqual({ done: true, values: { percent: null } });
    expect(blueprintSummary({ preset: null, activities: [] })).toBeNull();
  });
});
