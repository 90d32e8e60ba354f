/**
 * The frontier map's marks (what each one is, its shape, colour and size, in drawing order) and its table
 * alternative (./FrontierMap.tsx draws them).
 */
import type { FrontierData, QualityInfo } from '../engine/explorer-data-types';
import type { TableData } from './DataTable';
import { formatFlops, formatQuality } from './format';
import type { MarkShape } from './Mark';

export interface MarkSpec {
  key: 'design' | 'optimum' | 'chinchilla' | 'lifetime' | 'equalQuality';
  label: string;
  shape: MarkShape;
  color: string;
  /** Size (px): marks that share a point (both budgets spent) nest, the largest drawn first. */
  size: number;
  /** Drawn as an outline around the point, so the design's dot stays visible inside it when they coincide. */
  ring?: boolean;
}

/** Drawing order: largest first, so the design sits on top when it shares the budget point. */
export const MARKS: MarkSpec[] = [
  {
    key: 'chinchilla',
    label: 'Chinchilla choice at these budgets',
    shape: 'square',
    color: 'var(--series-3)',
    size: 9,
  },
  {
    key: 'optimum',
    label: 'Optimum at these budgets (ring)',
    shape: 'circle',
    color: 'var(--series-2)',
    size: 11,
    ring: true,
  },
  {
    key: 'lifetime',
    label: "Lifetime optimum (Sardana et al.) at the design's loss",
    shape: 'triangle',
    color: 'var(--series-4)',
    size: 7,
  },
  {
    key: 'equalQuality',
    label: "Optimum at the design's quality (both budgets cut alike)",
    shape: 'triangle',
    color: 'var(--series-5)',
    size: 7,
  },
  { key: 'design', label: 'Current design', shape: 'circle', color: 'var(--series-1)', size: 5 },
];

/** Height / width of the map's plot (0.7 before issue 13; lower so the map and its key fit a 1280 × 720 screen). */
export const FRONTIER_ASPECT = 0.62;

/** Every `step`-th index of 0..n−1, always including the last. */
function strided(n: number, step: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

/** The grid as a table: rows are inference budgets, columns training budgets, cells the best reachable quality. */
export function frontierTable(data: FrontierData, quality: QualityInfo): TableData {
  const nx = data.trainFlops.length;
  const ny = data.inferenceFlops.length;
  const cols = strided(nx, Math.ceil(nx / 6));
  const rows = strided(ny, Math.ceil(ny / 8)).reverse();
  return {
    caption: `Best reachable ${quality.label} by training budget (columns, FLOPs) and inference budget (rows, FLOPs per token)`,
    columns: ['C_inf \\ C_train', ...cols.map((i) => formatFlops(data.trainFlops[i]!))],
    rows: rows.map((j) => [
      formatFlops(data.inferenceFlops[j]!),
      ...cols.map((i) => formatQuality(data.quality[i + j * nx]!, quality)),
    ]),
  };
}
