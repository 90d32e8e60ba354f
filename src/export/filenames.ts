/** Download file names: t2-explorer-<what>.<ext>, what = chart id without "chart." or "scenario" / "papers". */
export type ExportKind = 'svg' | 'png' | 'csv' | 'json' | 'bib';

export function exportFileName(what: string, kind: ExportKind): string {
  const slug =
    what
      .replace(/^chart\./, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'export';
  return `t2-explorer-${slug}.${kind}`;
}
