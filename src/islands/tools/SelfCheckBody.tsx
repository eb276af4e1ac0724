/**
 * S06 120-item self-check, the tool's body: the checkpoints grouped by part (one collapsible
 * section each, so it is never one 120-row wall) and by pitfall, a 是/部分/否 radio group per
 * checkpoint, the "assessed by" select, and the results per pitfall, per part and in total as a
 * heat map whose band is always written in words (colour only repeats it). A pitfall links to its
 * lesson when this package holds it; otherwise it is plain text. Scores come from the engine.
 */
import { useMemo, useState } from 'preact/hooks';
import { ASSESSED_BY_IDS } from '../../schemas/tool-constants.ts';
import type { SelfCheckAnswer, SelfCheckData, SelfCheckItem } from '../../schemas/tools.ts';
import { ITEMS_PER_PITFALL, PARTS, SELF_CHECK_ITEMS, selfCheckResult, setAnswer, type Band, type GroupScore } from '../../engine/tools/index.ts';
import { tw as tt } from './words.tsx';
import { tu as tp } from '../../i18n/zh-CN.tool-ui.ts';
import { Live, useLatest } from './rows.tsx';

const ANSWERS: readonly SelfCheckAnswer[] = [2, 1, 0];
const answerName = (a: SelfCheckAnswer) => tt(`tools.self.answer.${a}`);
const bandName = (b: Band) => tt(`tools.self.band.${b}`);

export interface SelfCheckBodyProps {
  /** Heading level of the tool's title (its sections are one and two levels below). */
  level?: 2 | 3;
  data: SelfCheckData;
  set: (next: SelfCheckData) => void;
  /** The 120 checkpoints (content/self-check.yaml), in order. */
  items: readonly SelfCheckItem[];
  /** Each pitfall's lesson title by lesson id (P01 …), for the headings. */
  pitfallTitles: Readonly<Record<string, string>>;
  /** The relative URL of a lesson when this package holds it, else null (plain text: never a dangling link). */
  lessonHref: (lessonId: string) => string | null;
}

function Score({ score }: { score: GroupScore }) {
  if (score.percent === null || score.band === null) return <span class="sc-score">{tt('tools.self.unanswered')}</span>;
  return (
    <span class="sc-score">
      {tp('tool.sc.cell', { percent: score.percent, band: bandName(score.band) })}
    </span>
  );
}

export function SelfCheckBody({ data: given, set: save, items, pitfallTitles, lessonHref, level = 3 }: SelfCheckBodyProps) {
  const [data, set] = useLatest(given, save);
  const [H4, H5] = level === 2 ? (['h3', 'h4'] as const) : (['h4', 'h5'] as const);
  const [live, setLive] = useState('');
  const result = selfCheckResult(data);
  const text = useMemo(() => new Map(items.map((i) => [i.id, i.text])), [items]);
  const total = SELF_CHECK_ITEMS.length;
  const answered = result.total.answered;

  return (
    <div class="sc" data-tool-body="selfcheck">
      <label class="tool-field sc-by" for="sc-assessed-by">
        <span>{tt('tools.self.assessedBy')}</span>
        <select
          id="sc-assessed-by"
          value={data.assessedBy ?? ''}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            set({ ...data, assessedBy: ASSESSED_BY_IDS.find((o) => o === v) ?? null });
          }}
        >
          <option value="">{tp('tool.sc.chooseAssessedBy')}</option>
          {ASSESSED_BY_IDS.map((o) => (
            <option key={o} value={o}>
              {tt(`tools.self.assessedBy.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <p class="sc-progress" data-sc-answered={answered}>
        {tp('tool.sc.progress', { answered, total })}
      </p>

      {PARTS.map((part) => {
        const score = result.parts[part - 1] as GroupScore;
        const pitfalls = result.pitfalls.filter((p) => p.part === part);
        return (
          <details key={part} class="sc-part" data-part={part}>
            <summary>
              {tp('tool.sc.partProgress', { part, answered: score.answered, total: score.answered + score.unanswered })}
            </summary>
            {pitfalls.map((p) => (
              <fieldset key={p.pitfall} class="sc-pitfall" data-pitfall={p.pitfall}>
                <legend>
                  {p.unit} <span lang="zh-CN">{pitfallTitles[p.unit] ?? ''}</span>
                </legend>
                {Array.from({ length: ITEMS_PER_PITFALL }, (_, k) => `${p.pitfall}.${k + 1}`).map((id) => (
                  <fieldset key={id} class="sc-item" data-item={id}>
                    <legend>
                      <span class="sc-id">{id.toUpperCase()}</span> <span lang="zh-CN">{text.get(id) ?? ''}</span>
                    </legend>
                    <div class="sc-options">
                      {ANSWERS.map((a) => (
                        <label key={a} class="sc-option">
                          <input
                            type="radio"
                            name={`sc-${id}`}
                            value={a}
                            checked={data.answers[id] === a}
                            onChange={() => {
                              set(setAnswer(data, id, a));
                              setLive(tp('tool.sc.saved', { id: id.toUpperCase(), answer: answerName(a) }));
                            }}
                          />
                          <span>{answerName(a)}</span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ))}
              </fieldset>
            ))}
          </details>
        );
      })}
      <Live text={live} />

      <section class="sc-results" aria-labelledby="sc-results-title" data-sc-results>
        <H4 id="sc-results-title" class="tool-subtitle">
          {tp('tool.sc.results')}
        </H4>
        <p class="tool-note">{tt('tools.self.bandNote')}</p>
        <p class="sc-total" data-sc-total={result.total.percent ?? ''} data-band={result.total.band ?? ''}>
          <strong>
            {result.total.percent === null || result.total.band === null
              ? tp('tool.sc.totalNone')
              : tp('tool.sc.total', { percent: result.total.percent, band: bandName(result.total.band), answered, total })}
          </strong>{' '}
          {data.assessedBy ? tp('tool.sc.assessedByShown', { method: tt(`tools.self.assessedBy.${data.assessedBy}`) }) : tp('tool.sc.assessedByNone')}
        </p>
        {answered === 0 && <p class="tool-note">{tp('tool.sc.resultsNone')}</p>}
        <ul class="sc-heat" aria-label={tp('tool.sc.heatCaption')}>
          {result.parts.map((ps) => (
            <li key={ps.part} class="sc-heat-part" data-heat-part={ps.part}>
              <p class={`sc-cell sc-part-cell sc-band-${ps.band ?? 'none'}`} data-band={ps.band ?? ''} data-percent={ps.percent ?? ''}>
                <strong>{tt('tools.self.level.part', { part: ps.part })}</strong> <Score score={ps} />
              </p>
              <ul class="sc-heat-row">
                {result.pitfalls
                  .filter((p) => p.part === ps.part)
                  .map((p) => {
                    const href = lessonHref(p.unit);
                    return (
                      <li key={p.pitfall} class={`sc-cell sc-band-${p.band ?? 'none'}`} data-heat={p.pitfall} data-band={p.band ?? ''} data-percent={p.percent ?? ''}>
                        {href ? (
                          <a href={href} aria-label={tp('tool.sc.lessonLink', { id: p.unit })}>
                            {p.unit}
                          </a>
                        ) : (
                          <span>{p.unit}</span>
                        )}
                        <Score score={p} />
                        <span class="sc-count">{tp('tool.sc.cellCount', { answered: p.answered, total: ITEMS_PER_PITFALL })}</span>
                      </li>
                    );
                  })}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
