/**
 * Export and import of measured lab runs: JSON (every field, per-task details, device info) and CSV (one row per
 * run, device columns included). Import accepts either, validates every run and reports the rows it rejects; it
 * never throws on bad input (the caller shows `errors`).
 */
import { formatCsv, parseCsv } from '../domain/csv';
import type { DeviceInfo, LabRun } from './types';

export const LAB_EXPORT_FORMAT = 't2-explorer-lab-runs';

/** The JSON export: runs plus the exporting device. */
export function runsToJson(runs: readonly LabRun[], exportedAt: string, device: Partial<DeviceInfo> | null): string {
  return JSON.stringify({ format: LAB_EXPORT_FORMAT, version: 1, exportedAt, device, runs }, null, 1);
}

const CSV_COLUMNS = [
  'id',
  'created_at',
  'model',
  'params',
  'tokens',
  'tasks',
  'problems',
  'samples',
  'k',
  'temperature',
  'seed',
  'pass_at_k',
  'nll',
  'prefill_tokens_per_s',
  'decode_tokens_per_s',
  'wall_ms',
  'flops',
  'kv_cache',
  'backend',
  'adapter',
  'threads',
  'browser',
  'cross_origin_isolated',
  'fallback_reason',
  'pass_at_k_all',
] as const;

/** CSV, one row per run; pass_at_k_all is `k:value` pairs joined by ';', tasks joined by ';'. */
export function runsToCsv(runs: readonly LabRun[]): string {
  return formatCsv(
    [
      [...CSV_COLUMNS],
      ...runs.map((r) => [
        r.id,
        r.createdAt,
        r.modelId,
        r.params,
        r.tokens,
        r.tasks.join(';'),
        r.problems,
        r.samples,
        r.k,
        r.temperature,
        r.seed,
        r.passAtK,
        r.nll,
        r.prefillTokensPerSecond,
        r.decodeTokensPerSecond,
        r.wallMs,
        r.flops,
        r.usedKvCache,
        r.device.backend,
        r.device.adapter,
        r.device.threads,
        r.device.browser,
        r.device.crossOriginIsolated,
        r.device.fallbackReason,
        Object.entries(r.passAtKAll)
          .map(([k, v]) => `${k}:${v}`)
          .join(';'),
      ]),
    ],
    '\n',
  );
}

export interface ImportResult {
  runs: LabRun[];
  /** One message per rejected run (or for the whole file). */
  errors: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one run object; returns the reasons it cannot be used (empty when it can). */
export function checkRun(v: unknown): string[] {
  if (!isObj(v)) return ['not an object'];
  const out: string[] = [];
  const positive = (k: string) => {
    if (!(typeof v[k] === 'number' && Number.isFinite(v[k]) && (v[k] as number) > 0))
      out.push(`${k} must be a positive number`);
  };
  const nonNeg = (k: string) => {
    if (!(typeof v[k] === 'number' && Number.isFinite(v[k]) && (v[k] as number) >= 0))
      out.push(`${k} must be a non-negative number`);
  };
  for (const k of ['id', 'createdAt', 'modelId'])
    if (typeof v[k] !== 'string' || v[k] === '') out.push(`${k} must be a non-empty string`);
  for (const k of ['params', 'tokens', 'problems', 'samples', 'k']) positive(k);
  for (const k of ['temperature', 'prefillTokensPerSecond', 'decodeTokensPerSecond', 'wallMs', 'flops']) nonNeg(k);
  if (typeof v.seed !== 'number' || !Number.isFinite(v.seed)) out.push('seed must be a number');
  if (!(typeof v.passAtK === 'number' && v.passAtK >= 0 && v.passAtK <= 1)) out.push('passAtK must lie in [0, 1]');
  if (v.nll !== null && !(typeof v.nll === 'number' && Number.isFinite(v.nll) && v.nll >= 0))
    out.push('nll must be a non-negative number or null');
  if (typeof v.k === 'number' && typeof v.samples === 'number' && v.k > v.samples)
    out.push('k must not exceed samples (n ≥ k)');
  if (!Array.isArray(v.tasks) || v.tasks.length === 0 || !v.tasks.every((t) => typeof t === 'string'))
    out.push('tasks must be a list of task ids');
  if (!isObj(v.passAtKAll) || !Object.values(v.passAtKAll).every((x) => typeof x === 'number' && x >= 0 && x <= 1))
    out.push('passAtKAll must map k to values in [0, 1]');
  if (typeof v.usedKvCache !== 'boolean') out.push('usedKvCache must be true or false');
  if (!Array.isArray(v.perTask)) out.push('perTask must be a list');
  const d = v.device;
  if (
    !isObj(d) ||
    (d.backend !== 'wasm' && d.backend !== 'webgpu') ||
    typeof d.threads !== 'number' ||
    typeof d.browser !== 'string'
  ) {
    out.push('device must name backend (wasm or webgpu), threads and browser');
  }
  return out;
}

function collect(items: unknown[], label: (i: number) => string): ImportResult {
  const runs: LabRun[] = [];
  const errors: string[] = [];
  items.forEach((item, i) => {
    const problems = checkRun(item);
    if (problems.length === 0) runs.push(item as LabRun);
    else errors.push(`${label(i)}: ${problems.join('; ')}`);
  });
  return { runs, errors };
}

function fromCsv(text: string): ImportResult {
  const table = parseCsv(text);
  const missing = CSV_COLUMNS.filter((c) => !table.header.includes(c) && c !== 'fallback_reason' && c !== 'adapter');
  if (missing.length > 0)
    return {
      runs: [],
      errors: [`the CSV lacks the columns ${missing.join(', ')} (export a file from the lab to see the format)`],
    };
  const col = (fields: string[], name: string) => fields[table.header.indexOf(name)] ?? '';
  const numOr = (s: string) => (s.trim() === '' ? NaN : Number(s));
  const items = table.records.map(({ fields }) => {
    const get = (n: string) => col(fields, n);
    const all = Object.fromEntries(
      get('pass_at_k_all')
        .split(';')
        .filter((s) => s !== '')
        .map((s) => {
          const [k, x] = s.split(':');
          return [k ?? '', Number(x)];
        }),
    );
    return {
      id: get('id'),
      createdAt: get('created_at'),
      modelId: get('model'),
      params: numOr(get('params')),
      tokens: numOr(get('tokens')),
      tasks: get('tasks')
        .split(';')
        .filter((t) => t !== ''),
      problems: numOr(get('problems')),
      samples: numOr(get('samples')),
      k: numOr(get('k')),
      temperature: numOr(get('temperature')),
      seed: numOr(get('seed')),
      passAtK: numOr(get('pass_at_k')),
      nll: get('nll') === '' ? null : numOr(get('nll')),
      prefillTokensPerSecond: numOr(get('prefill_tokens_per_s')),
      decodeTokensPerSecond: numOr(get('decode_tokens_per_s')),
      wallMs: numOr(get('wall_ms')),
      flops: numOr(get('flops')),
      usedKvCache: get('kv_cache') === 'true' ? true : get('kv_cache') === 'false' ? false : get('kv_cache'),
      passAtKAll: all,
      perTask: [],
      device: {
        backend: get('backend'),
        adapter: get('adapter') === '' ? null : get('adapter'),
        threads: numOr(get('threads')),
        browser: get('browser'),
        crossOriginIsolated: get('cross_origin_isolated') === 'true',
        fallbackReason: get('fallback_reason') === '' ? null : get('fallback_reason'),
      },
    };
  });
  return collect(items, (i) => `CSV line ${table.records[i]!.line}`);
}

/** Reads an export (JSON or CSV, told apart by the first character). */
export function importRuns(text: string): ImportResult {
  const trimmed = text.trim();
  if (trimmed === '') return { runs: [], errors: ['the file is empty'] };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (e) {
      return { runs: [], errors: [`not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
    }
    const list = Array.isArray(json) ? json : isObj(json) && Array.isArray(json.runs) ? json.runs : null;
    if (!list) return { runs: [], errors: ['expected a lab export: an object with a "runs" list'] };
    return collect(list, (i) => `run ${i + 1}`);
  }
  try {
    return fromCsv(trimmed);
  } catch (e) {
    return { runs: [], errors: [`not a lab CSV: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

/** Adds imported runs to the list; a run whose id is already there is skipped (counted). */
export function mergeRuns(
  existing: readonly LabRun[],
  incoming: readonly LabRun[],
): { runs: LabRun[]; skipped: number } {
  const ids = new Set(existing.map((r) => r.id));
  const fresh = incoming.filter((r) => !ids.has(r.id) && (ids.add(r.id), true));
  return { runs: [...existing, ...fresh], skipped: incoming.length - fresh.length };
}
