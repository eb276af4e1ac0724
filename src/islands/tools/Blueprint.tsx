/** S04 service-blueprint layer sorter island: the shared frame (ToolFrame.tsx) around BlueprintBody. */
import { blueprintCsv, blueprintPreset } from '../../engine/tools/index.ts';
import { exampleWord, tw as tt, useUiLanguage } from './words.tsx';
import { tu as tp } from '../../i18n/zh-CN.tool-ui.ts';
import type { BlueprintData } from '../../schemas/tools.ts';
import { BlueprintBody } from './BlueprintBody.tsx';
import ToolFrame from './ToolFrame.tsx';
import './PlanTools.css';

const PRESETS = (['hotel-checkin', 'clinic-registration'] as const).map((id) => ({ id, label: exampleWord(`tools.blueprint.preset.${id}`), make: () => blueprintPreset(id, exampleWord) }));

export default function Blueprint({ lessonId, level = 3 }: { lessonId: string; level?: 2 | 3 }) {
  useUiLanguage();
  return (
    <ToolFrame
      tool="blueprint"
      lessonId={lessonId}
      level={level}
      title={tp('tool.bp.title')}
      instructions={<p>{tp('tool.bp.intro')}</p>}
      presets={PRESETS}
      blank={(): BlueprintData => ({ preset: null, activities: [] })}
      doneHint={tp('tool.bp.doneHint')}
      // The CSV's headings and names follow the interface language, like the page.
      csv={(data) => ({
        filename: `${lessonId}-blueprint.csv`,
        text: blueprintCsv(
          data,
          [tt('tools.blueprint.col.position'), tt('tools.blueprint.col.activity'), tt('tools.blueprint.col.layer'), tt('tools.blueprint.col.failPoint'), tt('tools.blueprint.col.handoffNext')],
          { layer: (l) => tt(`tools.blueprint.layer.${l}`), line: (l) => tt(`tools.blueprint.line.${l}`), yes: tt('tools.yes') },
        ),
      })}
    >
      {(data, set) => <BlueprintBody data={data} set={set} level={level} />}
    </ToolFrame>
  );
}
