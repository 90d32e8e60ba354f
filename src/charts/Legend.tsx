/** A chart's key: one entry per series or mark, with a swatch drawn like the mark (line, dashed line, point, area). */
export interface LegendItem {
  label: string;
  color: string;
  /** Dashed line in the legend swatch. */
  dashed?: boolean;
  /** A point mark rather than a line. */
  point?: boolean;
  /** A hollow, dashed point mark (an extrapolated answer). */
  hollow?: boolean;
  /** A shaded area (the fitted region). */
  area?: boolean;
  /** The mark's shape (point marks): drawn as on the chart. */
  shape?: 'circle' | 'diamond' | 'square' | 'triangle';
}

/** The swatch path of a point shape in a 22 × 12 box. */
function shapePath(shape: LegendItem['shape']): string {
  switch (shape) {
    case 'diamond': return 'M11,0.5L16.5,6L11,11.5L5.5,6Z';
    case 'square': return 'M6.5,1.5H15.5V10.5H6.5Z';
    case 'triangle': return 'M11,0.5L16.5,10.5H5.5Z';
    default: return 'M15,6A4,4 0 1,1 7,6A4,4 0 1,1 15,6Z';
  }
}

export function Legend({ items, className = 'chart-legend', testId }: { items: LegendItem[]; className?: string; testId?: string }) {
  if (items.length === 0) return null;
  return (
    <ul className={className} data-testid={testId}>
      {items.map((item) => (
        <li key={item.label} data-legend-label={item.label}>
          <svg width="22" height="12" aria-hidden="true">
            {item.area
              ? <rect x="2" y="2" width="18" height="8" className="chart-fitted-swatch" style={{ stroke: item.color }} />
              : item.point && item.hollow
              ? <circle cx="11" cy="6" r="3.5" strokeWidth="1.5" strokeDasharray="2 1.5" style={{ fill: 'var(--bg)', stroke: item.color }} />
              : item.point
              ? <path d={shapePath(item.shape)} style={{ fill: item.color }} />
              : <line x1="1" x2="21" y1="6" y2="6" style={{ stroke: item.color }} strokeWidth="2" strokeDasharray={item.dashed ? '4 3' : undefined} />}
          </svg>
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
