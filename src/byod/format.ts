/** Number formatting of the panel: constants to 4 significant digits, counts with SI suffixes (7B, 1.4T). */
import { formatQuantity } from '../domain/quantity';

export function fmtConstant(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  const t = x.toPrecision(4);
  return t.includes('e') ? t.replace('e+', 'e') : t.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

export function fmtCount(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '—' : formatQuantity(x, { digits: 3 });
}

export function fmtPercent(x: number): string {
  return `${(100 * x).toFixed(x < 0.1 ? 2 : 1)} %`;
}

/** Greek names of the constants, as the laws write them (laws.md §1, §2). */
export const CONSTANT_LABELS: Record<string, string> = {
  E: 'E',
  A: 'A',
  B: 'B',
  alpha: 'α',
  beta: 'β',
  G: 'G',
  gamma: 'γ',
  theta0: 'θ0',
  theta1: 'θ1',
  theta2: 'θ2',
  theta3: 'θ3',
  theta4: 'θ4',
};
