import { DIMENSIONS } from '../../engine/learner-state.ts';
import { ts } from '../../i18n/zh-CN.self.ts';

/**
 * A five-axis radar of 0–100 scores (inline SVG). It is a picture: the island's table carries
 * the same numbers as text, and the SVG names itself by its title and description.
 */
export function Radar({ values, uid, title, desc }: { values: readonly number[]; uid: string; title: string; desc: string }) {
  const size = 320;
  const c = size / 2;
  const r = 100;
  const angle = (i: number) => -Math.PI / 2 + (i * 2 * Math.PI) / DIMENSIONS.length;
  const at = (i: number, value: number) => {
    const k = (value / 100) * r;
    return [c + k * Math.cos(angle(i)), c + k * Math.sin(angle(i))] as const;
  };
  const points = (vals: readonly number[]) => vals.map((v, i) => at(i, v).map((n) => n.toFixed(1)).join(',')).join(' ');
  return (
    <svg class="sa-radar" viewBox={`-72 10 ${size + 144} ${size - 20}`} role="img" aria-labelledby={`${uid}-title ${uid}-desc`}>
      <title id={`${uid}-title`}>{title}</title>
      <desc id={`${uid}-desc`}>{desc}</desc>
      {[100, 67, 33].map((ring) => (
        <polygon key={ring} class="sa-ring" points={points(DIMENSIONS.map(() => ring))} />
      ))}
      {DIMENSIONS.map((_, i) => {
        const [x, y] = at(i, 100);
        return <line key={i} class="sa-axis" x1={c} y1={c} x2={x.toFixed(1)} y2={y.toFixed(1)} />;
      })}
      <polygon class="sa-shape" points={points(values)} />
      {values.map((v, i) => {
        const [x, y] = at(i, v);
        return <circle key={i} class="sa-dot" cx={x.toFixed(1)} cy={y.toFixed(1)} r="4" data-dimension={DIMENSIONS[i]} data-value={v} />;
      })}
      {DIMENSIONS.map((d, i) => {
        const [x, y] = at(i, 128);
        const anchor = Math.abs(x - c) < 5 ? 'middle' : x > c ? 'start' : 'end';
        return (
          <text key={d} class="sa-axis-label" x={x.toFixed(1)} y={(y + 5).toFixed(1)} text-anchor={anchor}>
            {`${ts(`self.dim.${d}`)} ${values[i] ?? 0}`}
          </text>
        );
      })}
    </svg>
  );
}
