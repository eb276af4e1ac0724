/**
 * S06 roadmap planner island: the shared frame around RoadmapBody. Its example is the impact
 * sorter's preset case placed as the lesson's worked answer (IMPACT_PRESET), turned into actions
 * by the engine (actionsFromImpact); the learner's own matrix can be imported too.
 */
import { useStore } from '@nanostores/preact';
import { actionsFromImpact, IMPACT_PRESET, impactPreset, placeCard, roadmapCsv } from '../../engine/tools/index.ts';
import { exampleWord, tw as tt, useUiLanguage } from './words.tsx';
import { tu as tp } from '../../i18n/zh-CN.tool-ui.ts';
import type { RoadmapData } from '../../schemas/tools.ts';
import { toolStore } from '../../state/tools.ts';
import { RoadmapBody } from './RoadmapBody.tsx';
import ToolFrame from './ToolFrame.tsx';
import './PlanTools.css';

/** The preset case's matrix as the lesson answers it, as a roadmap. */
const workedExample = (): RoadmapData => actionsFromImpact(IMPACT_PRESET.reduce((data, p) => placeCard(data, p.id, p.answer), impactPreset(exampleWord)));
/** The example's name is an interface word (its actions are course text): read when the island renders, in the active language. */
const presets = () => [{ id: 'restaurant', label: tp('tool.rm.preset'), make: workedExample }];

export default function Roadmap({ lessonId, level = 3 }: { lessonId: string; level?: 2 | 3 }) {
  useUiLanguage();
  const impact = useStore(toolStore('impact'));
  const fromImpact = impact.ready && impact.data ? actionsFromImpact(impact.data) : null;
  return (
    <ToolFrame
      tool="roadmap"
      lessonId={lessonId}
      level={level}
      title={tp('tool.rm.title')}
      instructions={<p>{tp('tool.rm.intro')}</p>}
      presets={presets()}
      blank={(): RoadmapData => ({ actions: [] })}
      doneHint={tp('tool.rm.doneHint')}
      // The CSV's headings and names follow the interface language, like the page.
      csv={(data) => ({
        filename: `${lessonId}-roadmap.csv`,
        text: roadmapCsv(data, [tt('tools.roadmap.col.phase'), tt('tools.roadmap.col.months'), tt('tools.roadmap.col.order'), tt('tools.roadmap.col.action')], (p) => tt(`tools.roadmap.phase.${p}`)),
      })}
    >
      {(data, set) => <RoadmapBody data={data} set={set} level={level} fromImpact={fromImpact} />}
    </ToolFrame>
  );
}
