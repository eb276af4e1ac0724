import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DIMENSIONS, SELF_RATING_MAX, type Dimension } from '../../engine/learner-state.ts';
import type { Comparison, SelfItemRef } from '../../engine/self-assessment.ts';
import { $uiLanguage } from '../../i18n/active.ts';
import { ts } from '../../i18n/zh-CN.self.ts';
import type { SelfAssessmentData } from '../../site/self-assessment.ts';
import { rateSelf, selfAssessmentStore, type SelfAssessmentView } from '../../state/self-assessment.ts';
import { Radar } from '../charts/Radar.tsx';
import './SelfAssessment.css';

interface Props {
  data: SelfAssessmentData;
  /** Heading level of the island's title inside the lesson (default 3: under a lesson section). */
  level?: 2 | 3;
}

const RATINGS = Array.from({ length: SELF_RATING_MAX }, (_, i) => i + 1);
const dimName = (d: Dimension) => ts(`self.dim.${d}`);
/** The radar's look here: three guide rings (the scale's thirds), the self-assessment's classes. */
const SA_CHART = {
  dimensions: DIMENSIONS,
  label: (d: string) => dimName(d as Dimension),
  cls: 'sa',
  rings: [100, 67, 33].map((value) => ({ value, cls: 'sa-ring' })),
};
const ratingName = (r: number) => ts(`self.rating.${r}` as 'self.rating.1');

/** The sentence comparing self-view and shown behaviour. */
function comparisonText(c: Comparison): string {
  const list = (ds: Dimension[]) => ds.map((d) => `“${dimName(d)}”`).join(ts('self.listJoin'));
  if (c.close.length === DIMENSIONS.length) return ts('self.compare.allClose');
  const parts: string[] = [];
  if (c.higher.length) parts.push(ts('self.compare.higher', { list: list(c.higher) }));
  if (c.lower.length) parts.push(ts('self.compare.lower', { list: list(c.lower) }));
  if (c.close.length) parts.push(ts('self.compare.close', { list: list(c.close) }));
  return parts.join('');
}

function Results({ view, heading: H }: { view: SelfAssessmentView & { self: number[] }; heading: 'h3' | 'h4' }) {
  const shown = view.shown;
  return (
    <section class="sa-result" aria-labelledby="sa-result-title" data-self-result>
      <H id="sa-result-title">{ts('self.resultTitle')}</H>
      <div class="sa-charts">
        <figure class="sa-chart" data-chart="self">
          <Radar values={view.self} uid="sa-self" title={ts('self.selfChart')} desc={ts('self.selfChartDesc')} {...SA_CHART} />
          <figcaption>{ts('self.colSelf')}</figcaption>
        </figure>
        {shown ? (
          <figure class="sa-chart" data-chart="shown">
            <Radar values={shown.values} uid="sa-shown" title={ts('self.shownChart')} desc={ts('self.shownChartDesc')} {...SA_CHART} />
            <figcaption>{ts('self.colShown')}</figcaption>
          </figure>
        ) : (
          <p class="sa-note" data-no-roleplay>
            {ts('self.noRolePlay')}
          </p>
        )}
      </div>
      {shown && view.comparison && (
        <p class="sa-compare" data-compare>
          {comparisonText(view.comparison)} {ts('self.basis', { count: shown.rolePlays })}
        </p>
      )}
      <table class="sa-table">
        <caption>{ts('self.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ts('self.colDimension')}</th>
            <th scope="col">{ts('self.colSelf')}</th>
            <th scope="col">{ts('self.colShown')}</th>
          </tr>
        </thead>
        <tbody>
          {DIMENSIONS.map((d, i) => (
            <tr key={d} data-dimension={d}>
              <th scope="row">{dimName(d)}</th>
              <td class="sa-num" data-self={view.self[i]}>
                {view.self[i]}
              </td>
              <td class="sa-num" data-shown={shown?.values[i] ?? ''}>
                {shown ? shown.values[i] : ts('self.none')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The five-dimension self-assessment (A2): one native radio group per statement, grouped by
 * dimension; every change is saved to the learner state at once. Once every statement is rated
 * it shows the self radar, and beside it the role-play radar once any role-play is finished,
 * with a table carrying the same numbers and a sentence comparing the two.
 */
export default function SelfAssessment({ data, level = 3 }: Props) {
  // The server renders the loading note; the first client render must match it (hydration).
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const items = useMemo<SelfItemRef[]>(() => data.dimensions.flatMap((d) => d.items.map((item) => ({ id: item.id, dimension: d.dimension }))), [data]);
  const store = useMemo(() => selfAssessmentStore(items), [items]);
  const stored = useStore(store);
  // Re-render in the interface language once the page switches (src/islands/language.ts).
  useStore($uiLanguage);
  const view = mounted && stored.ready ? stored : null;
  const [live, setLive] = useState('');
  const H = level === 2 ? 'h2' : 'h3';
  const H2 = level === 2 ? 'h3' : 'h4';

  return (
    <section class="sa" aria-labelledby="sa-title" data-self-assessment>
      <H id="sa-title" class="sa-title" lang="zh-CN">
        {data.title}
      </H>
      <p class="sa-intro" lang="zh-CN">{data.intro}</p>
      {/* Server-rendered, and shown until the island hydrates (when scrolled to): marked so an English page rewrites it at once (src/i18n/dom.ts). */}
      {!view && (
        <p class="sa-note" data-i18n="self.loading">
          {ts('self.loading')}
        </p>
      )}
      {view && (
        <>
          {data.dimensions.map((d) => (
            <fieldset class="sa-dimension" key={d.dimension} data-dimension={d.dimension}>
              <legend>{dimName(d.dimension)}</legend>
              {d.items.map((item, k) => (
                <fieldset class="sa-item" key={item.id} data-item={item.id}>
                  <legend lang="zh-CN">{item.text}</legend>
                  <div class="sa-scale">
                    {RATINGS.map((r) => (
                      <label key={r} class="sa-option">
                        <input
                          type="radio"
                          name={`sa-${item.id}`}
                          value={r}
                          checked={view.ratings[item.id] === r}
                          onChange={() => {
                            rateSelf(item.id, r);
                            setLive(ts('self.saved', { dimension: dimName(d.dimension), n: k + 1, rating: ratingName(r) }));
                          }}
                        />
                        <span>{ratingName(r)}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              ))}
            </fieldset>
          ))}
          <p class="sa-progress" data-self-progress>
            {ts('self.progress', { rated: view.rated, total: view.total })}
            {view.self ? '' : ` ${ts('self.incomplete', { left: view.total - view.rated })}`}
          </p>
          {view.self && <Results view={{ ...view, self: view.self }} heading={H2} />}
        </>
      )}
      <p class="visually-hidden" aria-live="polite">
        {live}
      </p>
    </section>
  );
}
