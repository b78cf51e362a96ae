// A target's progress: the share of units meeting it at each sampled date, against the straight
// course from its start (0) to its deadline (all units), with the deadline marked.
import { line, scaleLinear, scaleUtc } from "d3";
import type { Target } from "../../data/contract.ts";
import type { ProgressPoint } from "../../domain/targets.ts";

const WIDTH = 280;
const HEIGHT = 96;
const PAD = { left: 30, right: 8, top: 8, bottom: 18 };

const day = (date: string) => new Date(`${date}T00:00:00Z`);

export function ProgressCurve({ target, points, label }: { target: Target; points: readonly ProgressPoint[]; label: string }) {
  const last = points.at(-1)?.date ?? target.deadline;
  const end = last > target.deadline ? last : target.deadline;
  const x = scaleUtc()
    .domain([day(target.start), day(end)])
    .range([PAD.left, WIDTH - PAD.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - PAD.bottom, PAD.top]);
  const known = points.filter((point): point is ProgressPoint & { share: number } => point.share !== null);
  const path =
    line<ProgressPoint & { share: number }>()
      .x((point) => x(day(point.date)))
      .y((point) => y(point.share))(known) ?? "";
  const deadline = x(day(target.deadline));
  return (
    <svg className="progress-curve" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="progress-curve">
      <title>{label}</title>
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="progress-grid" />
          <text x={PAD.left - 4} y={y(tick) + 3} textAnchor="end" className="progress-tick">{`${tick * 100}%`}</text>
        </g>
      ))}
      <line x1={x(day(target.start))} y1={y(0)} x2={deadline} y2={y(1)} className="progress-plan" />
      <line x1={deadline} x2={deadline} y1={PAD.top} y2={HEIGHT - PAD.bottom} className="progress-deadline" />
      <text x={deadline} y={HEIGHT - 4} textAnchor="middle" className="progress-tick">
        {target.deadline}
      </text>
      <text x={PAD.left} y={HEIGHT - 4} textAnchor="start" className="progress-tick">
        {target.start.slice(0, 7)}
      </text>
      <path d={path} className="progress-actual" />
      {known.map((point) => (
        <circle key={point.date} cx={x(day(point.date))} cy={y(point.share)} r={2.2} className="progress-dot" />
      ))}
    </svg>
  );
}
