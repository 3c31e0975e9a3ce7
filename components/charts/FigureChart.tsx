// A small horizontal bar chart for a figure set against another value: China vs the US, or a
// later year against an earlier one. Plain SVG; a text alternative carries the same numbers.
import { formatValue, type Lang } from '@/lib/kb/format';
import type { Bilingual, Figure } from '@/lib/kb/schema';

interface Bar {
  label: string;
  value: number;
  text: string;
  primary: boolean;
}

export function chartBars(figure: Figure, lang: Lang): Bar[] | null {
  const { compare } = figure;
  if (!compare) return null;
  const label = (subject?: Bilingual, period?: string) =>
    [subject?.[lang], period].filter(Boolean).join(' ') || '—';
  const primary: Bar = {
    label: label(figure.subject, figure.period),
    value: figure.value,
    text: formatValue(figure.value, figure.unit, lang, figure.approx),
    primary: true,
  };
  const other: Bar = {
    label: label(
      compare.subject ?? figure.subject,
      compare.period ?? (compare.subject ? figure.period : undefined),
    ),
    value: compare.value,
    text: formatValue(compare.value, figure.unit, lang),
    primary: false,
  };
  // A change over time reads left to right (earlier first); a comparison keeps the figure first.
  return compare.period && !compare.subject ? [other, primary] : [primary, other];
}

const WIDTH = 320;
const LABEL_W = 104;
const VALUE_W = 92;
const ROW_H = 22;

export function FigureChart({ figure, lang }: { figure: Figure; lang: Lang }) {
  const data = chartBars(figure, lang);
  if (!data) return null;
  const max = Math.max(...data.map((b) => Math.abs(b.value)), Number.EPSILON);
  const span = WIDTH - LABEL_W - VALUE_W;
  const height = data.length * ROW_H;
  const alt = `${figure.measure[lang]}: ${data.map((b) => `${b.label} ${b.text}`).join(', ')}`;
  return (
    <figure class="fl-chart">
      <figcaption>{figure.measure[lang]}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={alt}>
        {data.map((b, i) => {
          const y = i * ROW_H;
          const w = Math.max(2, (span * Math.abs(b.value)) / max);
          return (
            <g key={`${b.label}-${i}`}>
              <text x={LABEL_W - 6} y={y + 15} text-anchor="end" class="fl-chart-label">
                {b.label}
              </text>
              <rect
                x={LABEL_W}
                y={y + 4}
                width={w}
                height={ROW_H - 8}
                rx={3}
                class={b.primary ? 'fl-bar-a' : 'fl-bar-b'}
              />
              <text x={LABEL_W + w + 5} y={y + 15} class="fl-chart-value">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
