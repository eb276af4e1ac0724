import { BAND_EXCELLENT, BAND_PASS, DIMENSIONS } from '../../engine/scenario/model.ts';
import { band } from '../../engine/scenario/score.ts';
import { Radar as RadarChart } from '../charts/Radar.tsx';
import { dimText, t } from './text.ts';

/** A dimension's name; a link to the rubric lesson (A2) when this package has it, plain text otherwise. */
export function DimName({ dimension, href }: { dimension: string; href: string | null }) {
  return href ? (
    <a class="rp-dim-link" href={href}>
      {dimText(dimension)}
    </a>
  ) : (
    <>{dimText(dimension)}</>
  );
}

/** Radar chart of the five dimensions; the table next to it carries the same numbers. */
export function Radar({ values, uid }: { values: number[]; uid: string }) {
  return (
    <RadarChart
      values={values}
      dimensions={DIMENSIONS}
      label={dimText}
      uid={`${uid}-chart`}
      title={t('roleplay.chartTitle')}
      desc={t('roleplay.chartDesc')}
      cls="rp"
      rings={[
        { value: 100, cls: 'rp-ring' },
        { value: BAND_EXCELLENT, cls: 'rp-ring rp-ring-band' },
        { value: BAND_PASS, cls: 'rp-ring rp-ring-band' },
      ]}
    />
  );
}

export function ScoreTable({ values, href }: { values: number[]; href: string | null }) {
  return (
    <table class="rp-table">
      <caption>{t('roleplay.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('roleplay.dimension')}</th>
          <th scope="col">{t('roleplay.score')}</th>
          <th scope="col">{t('roleplay.band')}</th>
        </tr>
      </thead>
      <tbody>
        {DIMENSIONS.map((d, i) => {
          const score = values[i] ?? 0;
          return (
            <tr key={d} data-dimension={d}>
              <th scope="row">
                <DimName dimension={d} href={href} />
              </th>
              <td class="rp-num">{score}</td>
              <td data-band={band(score)}>{t(`roleplay.band.${band(score)}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
