import { BAND_EXCELLENT, BAND_PASS, DIMENSIONS } from '../../engine/scenario/model.ts';
import { band } from '../../engine/scenario/score.ts';
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
  const size = 320;
  const c = size / 2;
  const r = 100;
  const angle = (i: number) => -Math.PI / 2 + (i * 2 * Math.PI) / DIMENSIONS.length;
  const at = (i: number, value: number) => {
    const k = (value / 100) * r;
    return [c + k * Math.cos(angle(i)), c + k * Math.sin(angle(i))] as const;
  };
  const ring = (value: number) => DIMENSIONS.map((_, i) => at(i, value).map((n) => n.toFixed(1)).join(',')).join(' ');
  const shape = values.map((v, i) => at(i, v).map((n) => n.toFixed(1)).join(',')).join(' ');
  return (
    <svg class="rp-radar" viewBox={`-72 10 ${size + 144} ${size - 20}`} role="img" aria-labelledby={`${uid}-chart-title ${uid}-chart-desc`} data-cx={c} data-cy={c} data-r={r}>
      <title id={`${uid}-chart-title`}>{t('roleplay.chartTitle')}</title>
      <desc id={`${uid}-chart-desc`}>{t('roleplay.chartDesc')}</desc>
      <polygon class="rp-ring" points={ring(100)} />
      <polygon class="rp-ring rp-ring-band" points={ring(BAND_EXCELLENT)} />
      <polygon class="rp-ring rp-ring-band" points={ring(BAND_PASS)} />
      {DIMENSIONS.map((_, i) => {
        const [x, y] = at(i, 100);
        return <line key={i} class="rp-axis" x1={c} y1={c} x2={x} y2={y} />;
      })}
      <polygon class="rp-shape" points={shape} />
      {values.map((v, i) => {
        const [x, y] = at(i, v);
        return <circle key={i} class="rp-dot" cx={x.toFixed(1)} cy={y.toFixed(1)} r="4" data-dimension={DIMENSIONS[i]} data-value={v} />;
      })}
      {DIMENSIONS.map((d, i) => {
        const [x, y] = at(i, 128);
        const anchor = Math.abs(x - c) < 5 ? 'middle' : x > c ? 'start' : 'end';
        return (
          <text key={d} class="rp-axis-label" x={x.toFixed(1)} y={(y + 5).toFixed(1)} text-anchor={anchor}>
            {`${dimText(d)} ${values[i] ?? 0}`}
          </text>
        );
      })}
    </svg>
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
