/**
 * A small BibTeX reader (entries of the form @type{key, field = {value} | "value" | number, ...}) with balanced
 * braces; comments (% lines) and text outside entries are skipped. Used by tests to check what the export writes.
 */
export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

function readValue(text: string, i: number): [string, number] {
  if (text[i] === '{') {
    let depth = 0;
    const start = i + 1;
    for (; i < text.length; i++) {
      if (text[i] === '\\') {
        i++;
        continue;
      }
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) return [text.slice(start, i), i + 1];
    }
    throw new Error('BibTeX: unbalanced braces');
  }
  if (text[i] === '"') {
    const end = text.indexOf('"', i + 1);
    if (end < 0) throw new Error('BibTeX: unclosed quote');
    return [text.slice(i + 1, end), end + 1];
  }
  const m = /^[A-Za-z0-9_.:-]+/.exec(text.slice(i));
  if (!m) throw new Error(`BibTeX: bad value at ${i}`);
  return [m[0], i + m[0].length];
}

/** Parses every entry; throws on malformed input. */
export function parseBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  const src = text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('%'))
    .join('\n');
  const head = /@([A-Za-z]+)\s*\{\s*([^,\s]+)\s*,/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(src))) {
    let i = head.lastIndex;
    const fields: Record<string, string> = {};
    for (;;) {
      while (/[\s,]/.test(src[i] ?? '')) i++;
      if (src[i] === '}') {
        i++;
        break;
      }
      const name = /^([A-Za-z]+)\s*=\s*/.exec(src.slice(i));
      if (!name) throw new Error(`BibTeX: expected a field in ${m[2]}`);
      i += name[0].length;
      const [value, next] = readValue(src, i);
      if (name[1]!.toLowerCase() in fields) throw new Error(`BibTeX: duplicate field ${name[1]} in ${m[2]}`);
      fields[name[1]!.toLowerCase()] = value;
      i = next;
    }
    entries.push({ type: m[1]!.toLowerCase(), key: m[2]!, fields });
    head.lastIndex = i;
  }
  return entries;
}
