import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharTokenizer, TokenizerError } from './tokenizer';

const VOCAB = ['<pad>', '<eos>', ...'0123456789+=-* SCabc'];
const tok = new CharTokenizer(VOCAB, { pad: 0, eos: 1 });

describe('CharTokenizer', () => {
  it('encodes one id per character and decodes back', () => {
    expect(tok.encode('12+3=')).toEqual([3, 4, 12, 5, 13]);
    const chars = VOCAB.slice(2).join('');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join('')),
        (s) => {
          expect(tok.decode(tok.encode(s))).toBe(s);
          expect(tok.encode(s)).toHaveLength([...s].length);
        },
      ),
    );
  });

  it('ends answers with eos and stops decoding at the first eos, dropping pad', () => {
    expect(tok.encodeAnswer('42')).toEqual([6, 4, 1]);
    expect(tok.decode([6, 0, 4, 1, 5, 5])).toBe('42');
  });

  it('prepends bos only when the manifest defines one', () => {
    expect(tok.encodePrompt('1=')).toEqual([3, 13]);
    const withBos = new CharTokenizer(['<pad>', '<eos>', '<bos>', '1', '='], { pad: 0, eos: 1, bos: 2 });
    expect(withBos.encodePrompt('1=')).toEqual([2, 3, 4]);
    expect(withBos.decode([2, 3, 1])).toBe('1');
  });

  it('reports an unknown character with its position', () => {
    expect(() => tok.encode('12x')).toThrow(TokenizerError);
    expect(() => tok.encode('12x')).toThrow(/"x" \(U\+0078\) at position 2/);
    expect(tok.canEncode('12x')).toBe(false);
    expect(tok.canEncode('12')).toBe(true);
    expect(() => tok.decode([99])).toThrow(/outside the vocabulary/);
  });

  it('rejects malformed vocabularies', () => {
    expect(() => new CharTokenizer(['<pad>', 'ab'], { pad: 0, eos: 0 })).toThrow(/not a single character/);
    expect(() => new CharTokenizer(['<pad>', 'a', 'a'], { pad: 0, eos: 0 })).toThrow(/appears twice/);
    expect(() => new CharTokenizer(['a'], { pad: 0, eos: 5 })).toThrow(/outside the vocabulary/);
  });
});
