/**
 * Plan Early (Grangier et al. 2024, arXiv:2402.01093; laws.md §7) on screen: one large generic model fine-tuned per
 * domain against small specialised models, costed as C_total = C_generic + n·C_specialisation + n·inference at the
 * paper's measured throughputs; where the small models win (number of domains × inference tokens per domain); and the
 * perplexity rows. The token counts of each option are assumptions the user sets; they are scenario state (URL key
 * `pe`, src/domain/plan-early-key.ts), so a link or a lesson step carries them and back/forward restores them.
 */
import { useEffect, useState } from 'react';
import {
  PLAN_EARLY_PERPLEXITY,
  PLAN_EARLY_THROUGHPUT,
  planEarlyCompare,
  type PlanEarlyInput,
} from '../domain/plan-early';
import { PLAN_EARLY_DEFAULT_INPUT } from '../domain/plan-early-key';
import { useAppStore } from '../store/context';
import { usePresenterControl } from '../teaching/usePresenterControl';
import { decades, formatHours, logAxis, planEarlyBreakEven } from './papers-logic';

const W = 420;
const H = 220;
const M = { left: 56, right: 12, top: 10, bottom: 36 };

/** Largest value a field takes (src/domain/plan-early-key.ts PLAN_EARLY_SLOTS: 1e5 domains, 1e6 × 1e9 tokens). */
const MAX = { domains: 1e5, tokens: 1e6 };

function NumberField({
  id,
  label,
  value,
  min,
  max,
  onChange,
  integer,
  locked,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  locked: boolean;
  onChange: (v: number) => void;
}) {
  const [text, setText] = useState(String(value));
  // A value set from outside (a link, a lesson step, back/forward) replaces what the field shows.
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value)));
  }, [value]);
  const x = Number(text);
  const bad =
    text.trim() === '' || !Number.isFinite(x) || x < min || x > max || (integer === true && !Number.isInteger(x));
  return (
    <label className="papers__field">
      <span>{label}</span>
      <input
        data-testid={id}
        inputMode="decimal"
        value={text}
        aria-invalid={bad}
        disabled={locked}
        onChange={(e) => {
          const t = e.currentTarget.value;
          setText(t);
          const v = Number(t);
          if (t.trim() !== '' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)))
            onChange(v);
        }}
      />
      {bad ? (
        <small role="alert">{`Enter ${integer ? 'a whole number' : 'a number'} ≥ ${min} (at most ${max.toLocaleString('en-US')}); the last valid value is used.`}</small>
      ) : null}
    </label>
  );
}

export function PlanEarlyPanel() {
  const input = useAppStore((s) => s.scenario.planEarly) ?? PLAN_EARLY_DEFAULT_INPUT;
  const setPlanEarly = useAppStore((s) => s.setPlanEarly);
  // A presenter link may lock these inputs (lock=pe): they are then shown, not editable, and the panel says so.
  const { locked } = usePresenterControl('papers.plan-early', 'planEarly');
  const r = planEarlyCompare(input);
  const curve = planEarlyBreakEven(input);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = logAxis(1, 1000, iw);
  const y = logAxis(1e-2, 1e4, ih, true);
  const clampY = (v: number) => Math.min(1e4, Math.max(1e-2, v));
  const line = curve
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.domains).toFixed(1)},${y(clampY(p.tokens)).toFixed(1)}`)
    .join('');
  const t = PLAN_EARLY_THROUGHPUT;
  const set = (patch: Partial<PlanEarlyInput>) => setPlanEarly({ ...input, ...patch });
  return (
    <section className="papers__panel" data-testid="papers.plan-early" aria-labelledby="papers-pe-title">
      <h3 id="papers-pe-title">Plan Early: one large model or many small specialised ones? (Grangier et al. 2024)</h3>
      <p className="papers__source">{t.source}</p>
      <p>
        C_total = C_generic + n·C_specialisation + n·(inference), in A100-hours at the measured throughputs (per 1 B
        tokens: small {t.small.params / 1e6} M {t.small.train} training / {t.small.inference} inference; large{' '}
        {t.large.params / 1e6} M {t.large.train} / {t.large.inference}). The token counts below are{' '}
        <strong>assumptions</strong> (ours, not the paper's): set them to your plan. They travel in the link (key pe).
      </p>
      {locked ? (
        <p className="papers__note" data-testid="papers.plan-early.locked">
          The presenter has locked these inputs (lock=pe).
        </p>
      ) : null}
      <div className="papers__inputs">
        <NumberField
          id="papers.plan-early.domains"
          label="Domains n"
          value={input.domains}
          min={1}
          max={MAX.domains}
          integer
          locked={locked}
          onChange={(v) => set({ domains: v })}
        />
        <NumberField
          id="papers.plan-early.inference"
          label="Inference per domain (1e9 tokens)"
          value={input.inferenceTokens}
          min={0}
          max={MAX.tokens}
          locked={locked}
          onChange={(v) => set({ inferenceTokens: v })}
        />
        <NumberField
          id="papers.plan-early.large-generic"
          label="Large: generic pretraining (1e9 tokens, assumption)"
          value={input.large.genericTokens}
          min={0}
          max={MAX.tokens}
          locked={locked}
          onChange={(v) => set({ large: { ...input.large, genericTokens: v } })}
        />
        <NumberField
          id="papers.plan-early.large-spec"
          label="Large: fine-tuning per domain (1e9 tokens, assumption)"
          value={input.large.specialisationTokens}
          min={0}
          max={MAX.tokens}
          locked={locked}
          onChange={(v) => set({ large: { ...input.large, specialisationTokens: v } })}
        />
        <NumberField
          id="papers.plan-early.small-generic"
          label="Small: shared pretraining (1e9 tokens, assumption)"
          value={input.small.genericTokens}
          min={0}
          max={MAX.tokens}
          locked={locked}
          onChange={(v) => set({ small: { ...input.small, genericTokens: v } })}
        />
        <NumberField
          id="papers.plan-early.small-spec"
          label="Small: specialisation per domain (1e9 tokens, assumption)"
          value={input.small.specialisationTokens}
          min={0}
          max={MAX.tokens}
          locked={locked}
          onChange={(v) => set({ small: { ...input.small, specialisationTokens: v } })}
        />
      </div>
      <p data-testid="papers.plan-early.result" role="status">
        Large {t.large.params / 1e6} M generic + fine-tunes: {formatHours(r.large.total)} (training{' '}
        {formatHours(r.large.train)}). Small {t.small.params / 1e6} M specialised: {formatHours(r.small.total)}{' '}
        (training {formatHours(r.small.train)}).{' '}
        <strong>
          {r.cheaper === 'small' ? 'The small specialised models are cheaper' : 'The large model is cheaper'}
        </strong>
        {r.breakEvenInferenceTokens > 0
          ? `; the small models win above ${r.breakEvenInferenceTokens.toPrecision(3)} B inference tokens per domain at n = ${input.domains}.`
          : ' at any inference volume for this n.'}
      </p>
      <figure data-testid="papers.plan-early.chart">
        <svg
          width={W}
          height={H}
          role="img"
          aria-label="Inference tokens per domain above which the small specialised models are cheaper, against the number of domains"
        >
          <g transform={`translate(${M.left},${M.top})`}>
            <path d={`${line}L${x(1000)},0L${x(1)},0Z`} fill="var(--accent)" opacity={0.12} />
            <path d={line} fill="none" stroke="var(--accent)" strokeWidth={2} />
            {decades(1, 1000).map((v) => (
              <text key={v} x={x(v)} y={ih + 16} textAnchor="middle" className="papers__tick">
                {v}
              </text>
            ))}
            {decades(1e-2, 1e4).map((v) => (
              <text key={v} x={-6} y={y(v) + 4} textAnchor="end" className="papers__tick">
                {v >= 1 ? `${v} B` : `${v * 1000} M`}
              </text>
            ))}
            <line x1={0} x2={iw} y1={ih} y2={ih} stroke="currentColor" />
            <line x1={0} x2={0} y1={0} y2={ih} stroke="currentColor" />
            {input.domains <= 1000 ? (
              <circle
                cx={x(input.domains)}
                cy={y(clampY(input.inferenceTokens))}
                r={5}
                fill="var(--series-2)"
                data-testid="papers.plan-early.current"
              />
            ) : null}
            <text x={iw - 4} y={14} textAnchor="end">
              small specialised models cheaper
            </text>
            <text x={iw - 4} y={ih - 6} textAnchor="end">
              large model cheaper
            </text>
            <text x={iw / 2} y={ih + 30} textAnchor="middle">
              Number of domains n
            </text>
          </g>
        </svg>
        <figcaption>
          Break-even inference tokens per domain against the number of domains; the dot is your plan.
        </figcaption>
      </figure>
      <table className="papers__table" data-testid="papers.plan-early.perplexity">
        <caption>The Pile test perplexity (lower is better); {PLAN_EARLY_PERPLEXITY.source}</caption>
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col">generic pretraining</th>
            <th scope="col">specialised</th>
          </tr>
        </thead>
        <tbody>
          {PLAN_EARLY_PERPLEXITY.rows.map((row) => (
            <tr key={row.model}>
              <th scope="row">{row.model}</th>
              <td>{row.pretrained}</td>
              <td>{row.specialised}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="papers__note">
        The small models are cheaper to serve but not as good: a specialised 126 M model reaches perplexity{' '}
        {PLAN_EARLY_PERPLEXITY.rows[0]!.specialised} where the specialised 771 M model reaches{' '}
        {PLAN_EARLY_PERPLEXITY.rows[1]!.specialised}. This view compares cost only.
      </p>
    </section>
  );
}
