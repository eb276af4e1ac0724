/**
 * S06 120-item self-check island: the shared frame around SelfCheckBody. The checkpoints' text
 * and the pitfall lessons' titles come as props (read at build time from content/self-check.yaml
 * and the lessons); a pitfall links to its lesson only when this package holds it ($course).
 */
import { useStore } from '@nanostores/preact';
import { SELF_CHECK_ITEMS, selfCheckCsv } from '../../engine/tools/index.ts';
import { tw as tt, useUiLanguage } from './words.tsx';
import { tu as tp } from '../../i18n/zh-CN.tool-ui.ts';
import type { SelfCheckData, SelfCheckItem } from '../../schemas/tools.ts';
import { $course } from '../../state/course.ts';
import { SelfCheckBody } from './SelfCheckBody.tsx';
import ToolFrame from './ToolFrame.tsx';
import './PlanTools.css';

const blank = (): SelfCheckData => ({ assessedBy: null, answers: {} });

export interface SelfCheckProps {
  lessonId: string;
  level?: 2 | 3;
  items: readonly SelfCheckItem[];
  pitfallTitles: Readonly<Record<string, string>>;
}

export default function SelfCheck({ lessonId, level = 3, items, pitfallTitles }: SelfCheckProps) {
  useUiLanguage();
  const course = useStore($course);
  const lessonHref = (id: string) => course.lessons.find((l) => l.id === id)?.href ?? null;
  return (
    <ToolFrame
      tool="selfcheck"
      lessonId={lessonId}
      level={level}
      title={tp('tool.sc.title')}
      instructions={<p>{tp('tool.sc.intro')}</p>}
      presets={[]}
      blank={blank}
      blankLabel={tp('tool.sc.restart')}
      doneHint={tp('tool.sc.doneHint', { total: SELF_CHECK_ITEMS.length })}
      // The CSV's headings and names follow the interface language, like the page.
      csv={(data) => ({
        filename: `${lessonId}-selfcheck.csv`,
        text: selfCheckCsv(
          data,
          [tt('tools.self.col.level'), tt('tools.self.col.id'), tt('tools.self.col.answered'), tt('tools.self.col.unanswered'), tt('tools.self.col.percent'), tt('tools.self.col.band')],
          { pitfall: tt('tools.self.level.pitfall'), part: (part) => tt('tools.self.level.part', { part }), total: tt('tools.self.level.total'), band: (b) => tt(`tools.self.band.${b}`) },
        ),
      })}
    >
      {(data, set) => <SelfCheckBody data={data} set={set} level={level} items={items} pitfallTitles={pitfallTitles} lessonHref={lessonHref} />}
    </ToolFrame>
  );
}
