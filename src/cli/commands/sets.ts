/**
 * The `sets` command: every constant set the CLI (and the app) knows, as JSON — id, law and approach, kind, source,
 * the data it rests on, and its fitted ranges of N, D, D/N, k and C (laws.md §0–2, §8) — and the names of every set
 * for the help text.
 */
import { CHINCHILLA_SETS } from '../../domain/chinchilla-sets';
import type { ConstantSetKind, ConstantSetMeta } from '../../domain/constants-types';
import { completeRange } from '../../domain/fitted-range';
import { T2_APPROACH1_SETS, T2_APPROACH2_SETS } from '../../domain/t2-sets';
import { chinchillaSetIds, t2SetIds } from '../constants-arg';
import type { CommandSpec } from '../types';

/** "hoffmann, hoffmann-rounded, … (Chinchilla); … (T² Approach 1); … (T² Approach 2)". */
export function setNamesForHelp(): string {
  return `${chinchillaSetIds()} (Chinchilla); ${t2SetIds(1)} (T² Approach 1); ${t2SetIds(2)} (T² Approach 2)`;
}

/** The kind of a set in words, as the CLI and the app's readouts name it. */
export const KIND_WORDS: Readonly<Record<ConstantSetKind, string>> = {
  published: 'published',
  'fitted-public': 'fitted on public data',
  'fitted-testbed': 'fitted on the testbed',
  illustrative: 'illustrative',
  user: 'fitted on your data',
};

/** What a set's constants rest on, in a phrase. */
function dataOf(s: ConstantSetMeta): string {
  switch (s.kind) {
    case 'published':
      return "the source's own training runs (constants as published)";
    case 'illustrative':
      return "none: constants chosen by hand to show the law's qualitative behaviour";
    default:
      return s.name;
  }
}

/** The commands whose --constants take a set of this law (and kind). */
function commandsFor(law: 'chinchilla' | 't2', approach: 1 | 2 | null, kind: ConstantSetKind): string[] {
  if (law === 'chinchilla') return ['loss', 'chinchilla-optimum', 'lifetime-optimum', 'epoch-span'];
  const own = [`t2-optimum --approach ${approach}`];
  // Stage 1 of a public Approach 2 set is a Chinchilla fit; the Chinchilla commands take it (constants-arg.ts).
  return kind === 'fitted-public' && approach === 2
    ? [...own, 'loss', 'chinchilla-optimum', 'lifetime-optimum', 'epoch-span']
    : own;
}

/** One row of the `sets` output. */
export interface SetRow {
  id: string;
  name: string;
  /** 'chinchilla' (laws.md §1) or 't2' (laws.md §2). */
  law: 'chinchilla' | 't2';
  /** T² approach (1: task NLL, 2: pass@k accuracy); absent for Chinchilla sets. */
  approach?: 1 | 2;
  kind: ConstantSetKind;
  /** The kind in words: published, fitted on public data, fitted on the testbed, illustrative. */
  kindText: string;
  source: string;
  data: string;
  note?: string;
  /**
   * Fitted ranges [min, max]: params (N), tokens (D), tokensPerParam (D/N), trainFlops (C = 6ND), samples (k, when
   * recorded); `derived` names the ones implied by the N × D box because the set does not record them.
   */
  range?: ReturnType<typeof completeRange>;
  /** Commands whose --constants accept this id. */
  commands: string[];
}

function row(s: ConstantSetMeta, law: 'chinchilla' | 't2', approach: 1 | 2 | null): SetRow {
  return {
    id: s.id,
    name: s.name,
    law,
    ...(approach === null ? {} : { approach }),
    kind: s.kind,
    kindText: KIND_WORDS[s.kind],
    source: s.source,
    data: dataOf(s),
    ...(s.note ? { note: s.note } : {}),
    ...(s.range ? { range: completeRange(s.range) } : {}),
    commands: commandsFor(law, approach, s.kind),
  };
}

/** Every set as a row: Chinchilla sets, then T² Approach 1, then Approach 2, each in shipped order. */
export function describeSets(
  chinchilla: readonly ConstantSetMeta[] = CHINCHILLA_SETS,
  approach1: readonly ConstantSetMeta[] = T2_APPROACH1_SETS,
  approach2: readonly ConstantSetMeta[] = T2_APPROACH2_SETS,
): SetRow[] {
  return [
    ...chinchilla.map((s) => row(s, 'chinchilla', null)),
    ...approach1.map((s) => row(s, 't2', 1)),
    ...approach2.map((s) => row(s, 't2', 2)),
  ];
}

const sets: CommandSpec = {
  name: 'sets',
  summary: 'Every constant set as JSON: id, law and approach, kind, source, data, fitted ranges of N, D, D/N, k and C',
  flags: [],
  output:
    'sets: [{ id, name, law, approach (T² only), kind, kindText, source, data, note, range { params, tokens, tokensPerParam, trainFlops, samples, derived }, commands }]',
  example: 'sets',
  run() {
    return { sets: describeSets() };
  },
};

/** The `sets` command group. */
export const setsCommands: CommandSpec[] = [sets];
