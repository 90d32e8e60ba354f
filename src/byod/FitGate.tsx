/**
 * The fit-quality gate's verdict on a fit (./fit-gate.ts): its warnings and, while the charts do not use it, the
 * "Use this fit anyway" button. Shared by "Your data" and the model lab's refit.
 */
import './fit-gate.css';
import type { FitWarning } from './fit-gate';

interface Props {
  warnings: readonly FitWarning[];
  /** True once the user chose the fit (or it is stored and drives the charts). */
  used: boolean;
  /** Makes the fit drive the charts; absent when it cannot be used (e.g. a constant is not finite). */
  onUse?: () => void;
  /** Test-id prefix: 'byod' or 'lab'. */
  testId: string;
}

export function FitGate({ warnings, used, onUse, testId }: Props) {
  if (warnings.length === 0) return null;
  return (
    <div
      className={`fit-gate${used ? ' fit-gate--used' : ''}`}
      role={used ? undefined : 'alert'}
      data-testid={`${testId}.gate`}
    >
      <p className="fit-gate__head">
        {used
          ? 'You chose to use this fit on the charts despite these warnings:'
          : 'This fit does not drive the charts: its constants are poorly determined, so its predictions away from your runs are arbitrary.'}
      </p>
      <ul data-testid={`${testId}.gate.warnings`}>
        {warnings.map((w, i) => (
          <li key={i} data-code={w.code}>
            {w.message}
          </li>
        ))}
      </ul>
      {!used && onUse ? (
        <button type="button" className="button" data-testid={`${testId}.use-anyway`} onClick={onUse}>
          Use this fit anyway
        </button>
      ) : null}
    </div>
  );
}
