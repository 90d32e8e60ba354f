/**
 * The BibTeX list of the papers behind what is on screen. Papers and their topics live in ./papers.json; a paper is
 * on screen when one of its topics is: the Chinchilla law (always, every model builds on it), the quality model, the
 * constant set, each visible chart, and the loaded preset (plus the papers the preset names).
 */
import type { Scenario } from '../domain/scenario';
import raw from './papers.json';

export interface Paper {
  key: string;
  type: string;
  title: string;
  author: string;
  year: number;
  eprint?: string;
  url?: string;
  howpublished?: string;
  topics: string[];
}

/** The papers of papers.json, validated (unique keys, required fields). */
export function parsePapers(data: unknown): Paper[] {
  const list = (data as { papers?: unknown })?.papers;
  if (!Array.isArray(list)) throw new Error('papers: expected { papers: [...] }');
  const seen = new Set<string>();
  return list.map((p: Record<string, unknown>, i) => {
    for (const f of ['key', 'type', 'title', 'author'] as const) {
      if (typeof p[f] !== 'string' || p[f] === '') throw new Error(`paper #${i}: ${f} must be a non-empty string`);
    }
    if (!/^[a-z]+\d{4}[a-z]?$/.test(p.key as string)) throw new Error(`paper #${i}: key must look like name2024`);
    if (seen.has(p.key as string)) throw new Error(`paper #${i}: duplicate key ${String(p.key)}`);
    seen.add(p.key as string);
    if (typeof p.year !== 'number' || !Number.isInteger(p.year))
      throw new Error(`paper #${i}: year must be an integer`);
    if (p.eprint === undefined && p.url === undefined) throw new Error(`paper #${i}: needs an eprint or a url`);
    return p as unknown as Paper;
  });
}

export const PAPERS: readonly Paper[] = Object.freeze(parsePapers(raw));

/** What is on screen, for choosing papers. */
export interface OnScreen {
  scenario: Pick<Scenario, 'qualityModel' | 'constantSet'>;
  /** Test ids of the visible charts (chart.frontier, …). */
  charts: readonly string[];
  presetId?: string | null;
  /** Paper keys a loaded preset names. */
  presetPapers?: readonly string[];
}

/** The topics of what is on screen. */
export function topicsOnScreen(o: OnScreen): Set<string> {
  const t = new Set<string>(['law:chinchilla', `model:${o.scenario.qualityModel}`, `set:${o.scenario.constantSet}`]);
  for (const c of o.charts) t.add(`chart:${c.replace(/^chart\./, '')}`);
  if (o.presetId) t.add(`preset:${o.presetId}`);
  return t;
}

/** The papers behind what is on screen, in the order of papers.json. */
export function papersOnScreen(o: OnScreen, papers: readonly Paper[] = PAPERS): Paper[] {
  const topics = topicsOnScreen(o);
  const named = new Set(o.presetPapers ?? []);
  return papers.filter((p) => named.has(p.key) || p.topics.some((t) => topics.has(t)));
}

/** Escapes LaTeX specials in a text field; leaves backslash sequences ({\'e}) alone. */
export function escapeBibtex(text: string): string {
  return text.replace(/(?<!\\)([&%#_$])/g, '\\$1');
}

/** One entry. */
export function bibtexEntry(p: Paper): string {
  const fields: [string, string][] = [
    ['title', `{${escapeBibtex(p.title)}}`],
    ['author', p.author],
    ['year', String(p.year)],
  ];
  if (p.eprint)
    fields.push(['eprint', p.eprint], ['archivePrefix', 'arXiv'], ['url', `https://arxiv.org/abs/${p.eprint}`]);
  else if (p.url) fields.push(['url', p.url]);
  if (p.howpublished) fields.push(['howpublished', escapeBibtex(p.howpublished)]);
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@${p.type}{${p.key},\n${body}\n}`;
}

/** The BibTeX file: a comment line naming the app and the scenario link, then one entry per paper. */
export function toBibtex(papers: readonly Paper[], url?: string): string {
  const head = `% Papers behind the T² Explorer view${url ? ` at ${url}` : ''}`;
  return [head, ...papers.map(bibtexEntry)].join('\n\n') + '\n';
}
