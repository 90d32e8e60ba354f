import { describe, expect, it } from 'vitest';
import { PRESETS } from '../teaching/presets';
import { parseBibtex } from './bibtex-parse';
import { PAPERS, bibtexEntry, escapeBibtex, papersOnScreen, parsePapers, toBibtex } from './bibtex-logic';

const ALL_CHARTS = ['chart.frontier', 'chart.tokens-per-param', 'chart.isoflop', 'chart.passk', 'chart.epoch'];

describe('BibTeX export', () => {
  it('holds the papers the issue names, with their arXiv ids', () => {
    const byKey = new Map(PAPERS.map((p) => [p.key, p]));
    const expected: Record<string, string | null> = {
      hoffmann2022: '2203.15556',
      besiroglu2024: '2404.10102',
      roberts2026: '2604.01411',
      sardana2024: '2401.00448',
      villalobos2023: null,
      wu2024: '2408.00724',
      brown2024: '2407.21787',
      chen2021: '2107.03374',
      grangier2024: '2402.01093',
      caballero2022: '2210.14891',
    };
    for (const [key, eprint] of Object.entries(expected)) {
      const p = byKey.get(key);
      expect(p, key).toBeDefined();
      if (eprint) expect(p!.eprint).toBe(eprint);
    }
    expect(byKey.get('villalobos2023')!.url).toMatch(/^https:\/\/epoch\.ai\//);
  });

  it('writes a file that parses back to every entry with its fields', () => {
    const text = toBibtex(PAPERS, 'http://x.test/?v=1');
    const entries = parseBibtex(text);
    expect(entries.map((e) => e.key)).toEqual(PAPERS.map((p) => p.key));
    for (const e of entries) {
      const p = PAPERS.find((q) => q.key === e.key)!;
      expect(e.type).toBe('misc');
      expect(e.fields.title).toBe(`{${escapeBibtex(p.title)}}`);
      expect(e.fields.author).toBe(p.author);
      expect(Number(e.fields.year)).toBe(p.year);
      if (p.eprint) expect(e.fields.url).toBe(`https://arxiv.org/abs/${p.eprint}`);
    }
    expect(parseBibtex(bibtexEntry(PAPERS.find((p) => p.key === 'rae2021')!))[0]!.fields.title).toContain(
      'Methods, Analysis \\& Insights',
    );
  });

  it('chooses the papers behind what is on screen', () => {
    const keys = (o: Parameters<typeof papersOnScreen>[0]) => papersOnScreen(o).map((p) => p.key);
    const t2 = keys({ scenario: { qualityModel: 't2-1', constantSet: 't2-illustrative' }, charts: ALL_CHARTS });
    expect(t2).toEqual(
      expect.arrayContaining(['hoffmann2022', 'roberts2026', 'villalobos2023', 'caballero2022', 'chen2021']),
    );
    expect(t2).not.toContain('sardana2024');
    expect(t2).not.toContain('wu2024');
    const lifetime = keys({
      scenario: { qualityModel: 'lifetime', constantSet: 'besiroglu' },
      charts: ['chart.isoflop'],
    });
    expect(lifetime).toEqual(['hoffmann2022', 'besiroglu2024', 'sardana2024']);
    const wu = PRESETS.find((p) => p.id === 'wu-rebase')!;
    expect(
      keys({
        scenario: { qualityModel: 't2-1', constantSet: 'x' },
        charts: [],
        presetId: wu.id,
        presetPapers: wu.papers,
      }),
    ).toContain('wu2024');
  });

  it('every preset’s papers end up in the list when the preset is loaded', () => {
    for (const p of PRESETS) {
      const keys = papersOnScreen({
        scenario: { qualityModel: 'chinchilla', constantSet: 'hoffmann' },
        charts: [],
        presetId: p.id,
        presetPapers: p.papers,
      }).map((x) => x.key);
      for (const k of p.papers) expect(keys).toContain(k);
    }
  });

  it('rejects bad paper data and malformed BibTeX', () => {
    const ok = { key: 'a2020', type: 'misc', title: 't', author: 'A, B', year: 2020, eprint: '1', topics: [] };
    expect(parsePapers({ papers: [ok] })).toHaveLength(1);
    expect(() => parsePapers({ papers: [ok, ok] })).toThrow(/duplicate/);
    expect(() => parsePapers({ papers: [{ ...ok, eprint: undefined }] })).toThrow(/eprint or a url/);
    expect(() => parsePapers({ papers: [{ ...ok, key: 'Bad Key' }] })).toThrow(/key/);
    expect(() => parseBibtex('@misc{a, title = {open')).toThrow(/unbalanced/);
  });
});
