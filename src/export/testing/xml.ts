/**
 * A strict little XML reader for tests: elements, attributes (quoted), text, comments, the XML declaration and the five
 * predefined entities plus numeric references. Throws on anything malformed (unbalanced tags, bad entities, stray '<'),
 * so a test that parses an export fails when the export is not well-formed XML.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&([^;\s]*);?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new Error(`XML: bad entity ${m}`);
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const v = ENTITIES[name];
    if (v === undefined) throw new Error(`XML: unknown entity &${name};`);
    return v;
  });
}

export function parseXml(src: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const skip = (re: RegExp) => {
    const m = re.exec(src.slice(i));
    if (m) i += m[0].length;
    return m;
  };
  while (i < src.length) {
    if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i);
      if (end < 0) throw new Error('XML: open declaration');
      i = end + 2;
      continue;
    }
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i);
      if (end < 0) throw new Error('XML: open comment');
      i = end + 3;
      continue;
    }
    if (src.startsWith('</', i)) {
      const m = skip(/^<\/([A-Za-z_][\w:.-]*)\s*>/);
      const top = stack.pop();
      if (!m || !top || top.name !== m[1]) throw new Error(`XML: unexpected closing tag at ${i}`);
      continue;
    }
    if (src[i] === '<') {
      const m = skip(/^<([A-Za-z_][\w:.-]*)/);
      if (!m) throw new Error(`XML: bad tag at ${i}`);
      const el: XmlElement = { name: m[1]!, attributes: {}, children: [] };
      for (;;) {
        skip(/^\s+/);
        if (skip(/^\/>/)) {
          attach(el);
          break;
        }
        if (skip(/^>/)) {
          attach(el);
          stack.push(el);
          break;
        }
        const a = skip(/^([A-Za-z_][\w:.-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/);
        if (!a) throw new Error(`XML: bad attribute in <${el.name}> at ${i}`);
        if (a[1]! in el.attributes) throw new Error(`XML: duplicate attribute ${a[1]}`);
        el.attributes[a[1]!] = decode(a[3] ?? a[4] ?? '');
      }
      continue;
    }
    const end = src.indexOf('<', i);
    const text = src.slice(i, end < 0 ? src.length : end);
    i += text.length;
    if (stack.length === 0) {
      if (text.trim()) throw new Error('XML: text outside the root');
      continue;
    }
    stack[stack.length - 1]!.children.push(decode(text));
  }
  const result = root as XmlElement | null;
  if (stack.length > 0 || !result) throw new Error('XML: unclosed elements or no root');
  return result;

  function attach(el: XmlElement) {
    if (stack.length === 0) {
      if (root) throw new Error('XML: two roots');
      root = el;
    } else stack[stack.length - 1]!.children.push(el);
  }
}

/** All elements named `name` under `el` (depth first). */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    for (const c of e.children) if (typeof c !== 'string') walk(c);
  };
  walk(el);
  return out;
}

/** Text content of an element. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
