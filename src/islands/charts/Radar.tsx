/**
 * A five-axis radar of 0–100 scores (inline SVG), shared by the role-play end screen and the
 * self-assessment. It is a picture: each island's table carries the same numbers as text, and
 * the SVG names itself by its title and description. `cls` prefixes every class (rp, sa) so each
 * island keeps its own look. data-cx / data-cy / data-r give the geometry to tests.
 */
export interface RadarProps {
  values: readonly number[];
  /** The dimension ids, in axis order (data-dimension on each dot). */
  dimensions: readonly string[];
  label: (dimension: string) => string;
  /** Prefix of the title and description ids. */
  uid: string;
  title: string;
  desc: string;
  cls: string;
  /** Guide rings: their value and class. */
  rings: readonly { value: number; cls: string }[];
}

export function Radar({ values, dimensions, label, uid, title, desc, cls, rings }: RadarProps) {
  const size = 320;
  const c = size / 2;
  const r = 100;
  const angle = (i: number) => -Math.PI / 2 + (i * 2 * Math.PI) / dimensions.length;
  const at = (i: number, value: number) => {
    const k = (value / 100) * r;
    return [c + k * Math.cos(angle(i)), c + k * Math.sin(angle(i))] as const;
  };
  const points = (vals: readonly number[]) => vals.map((v, i) => at(i, v).map((n) => n.toFixed(1)).join(',')).join(' ');
  return (
    <svg class={`${cls}-radar`} viewBox={`-72 10 ${size + 144} ${size - 20}`} role="img" aria-labelledby={`${uid}-title ${uid}-desc`} data-cx={c} data-cy={c} data-r={r}>
      <title id={`${uid}-title`}>{title}</title>
      <desc id={`${uid}-desc`}>{desc}</desc>
      {rings.map((ring) => (
        <polygon key={ring.value} class={ring.cls} points={points(dimensions.map(() => ring.value))} />
      ))}
      {dimensions.map((_, i) => {
        const [x, y] = at(i, 100);
        return <line key={i} class={`${cls}-axis`} x1={c} y1={c} x2={x.toFixed(1)} y2={y.toFixed(1)} />;
      })}
      <polygon class={`${cls}-shape`} points={points(values)} />
      {values.map((v, i) => {
        const [x, y] = at(i, v);
        return <circle key={i} class={`${cls}-dot`} cx={x.toFixed(1)} cy={y.toFixed(1)} r="4" data-dimension={dimensions[i]} data-value={v} />;
      })}
      {dimensions.map((d, i) => {
        const [x, y] = at(i, 128);
        const anchor = Math.abs(x - c) < 5 ? 'middle' : x > c ? 'start' : 'end';
        return (
          <text key={d} class={`${cls}-axis-label`} x={x.toFixed(1)} y={(y + 5).toFixed(1)} text-anchor={anchor}>
            {`${label(d)} ${values[i] ?? 0}`}
          </text>
        );
      })}
    </svg>
  );
}
