/**
 * S06 impact–effort sorter island: the shared frame around ImpactBody. Its cards come from the
 * preset case, the learner's typing, or the self-check's weakest answered checkpoints (read from
 * the self-check's stored work; their text comes as a prop, read at build time).
 */
import { useStore } from '@nanostores/preact';
import { useMemo } from 'preact/hooks';
import { cardsFromWeakest, impactCsv, impactPreset } from '../../engine/tools/index.ts';
import { exampleWord, tw as tt, useUiLanguage } from './words.tsx';
import { tu as tp } from '../../i18n/zh-CN.tool-ui.ts';
import type { ImpactData, SelfCheckItem } from '../../schemas/tools.ts';
import { toolStore } from '../../state/tools.ts';
import { ImpactBody } from './ImpactBody.tsx';
import ToolFrame from './ToolFrame.tsx';
import './PlanTools.css';

/** The example's name is an interface word (its cards are course text): read when the island renders, in the active language. */
const presets = () => [{ id: 'restaurant', label: tp('tool.ie.preset'), make: () => impactPreset(exampleWord) }];

export interface ImpactProps {
  lessonId: string;
  level?: 2 | 3;
  /** The self-check's checkpoints (for the text of cards made from its weakest items). */
  items: readonly SelfCheckItem[];
}

export default function Impact({ lessonId, level = 3, items }: ImpactProps) {
  useUiLanguage();
  const selfCheck = useStore(toolStore('selfcheck'));
  const text = useMemo(() => new Map(items.map((i) => [i.id, i.text])), [items]);
  const weakest = selfCheck.ready && selfCheck.data ? cardsFromWeakest(selfCheck.data, (id) => text.get(id) ?? id.toUpperCase()) : null;
  return (
    <ToolFrame
      tool="impact"
      lessonId={lessonId}
      level={level}
      title={tp('tool.ie.title')}
      instructions={<p>{tp('tool.ie.intro')}</p>}
      presets={presets()}
      blank={(): ImpactData => ({ cards: [] })}
      doneHint={tp('tool.ie.doneHint')}
      // The CSV's headings and names follow the interface language, like the page.
      csv={(data) => ({
        filename: `${lessonId}-impact.csv`,
        text: impactCsv(data, [tt('tools.impact.col.quadrant'), tt('tools.impact.col.card'), tt('tools.impact.col.impact'), tt('tools.impact.col.effort')], {
          quadrant: (q) => tt(`tools.impact.quadrant.${q}`),
          level: (l) => tt(`tools.impact.level.${l}`),
        }),
      })}
    >
      {(data, set) => <ImpactBody data={data} set={set} level={level} weakest={weakest} />}
    </ToolFrame>
  );
}
