/**
 * The zoo's character-level tokenizer (zoo contract): manifest.vocab[i] is the string of token id i; prompts are
 * encoded one character at a time; special tokens (pad, eos, optional bos) are never produced from text.
 */
import type { SpecialTokens } from './manifest';

export class TokenizerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenizerError';
  }
}

export class CharTokenizer {
  readonly vocabSize: number;
  readonly eos: number;
  readonly pad: number;
  readonly bos: number | undefined;
  private readonly ids = new Map<string, number>();
  private readonly special: ReadonlySet<number>;

  constructor(
    private readonly vocab: readonly string[],
    specialTokens: SpecialTokens,
  ) {
    this.vocabSize = vocab.length;
    this.eos = specialTokens.eos;
    this.pad = specialTokens.pad;
    this.bos = specialTokens.bos;
    const special = [this.eos, this.pad, ...(this.bos === undefined ? [] : [this.bos])];
    for (const id of special) {
      if (!Number.isInteger(id) || id < 0 || id >= vocab.length) {
        throw new TokenizerError(`special token id ${id} is outside the vocabulary (size ${vocab.length})`);
      }
    }
    this.special = new Set(special);
    vocab.forEach((piece, id) => {
      if (this.special.has(id)) return;
      if ([...piece].length !== 1)
        throw new TokenizerError(`vocabulary entry ${id} (${JSON.stringify(piece)}) is not a single character`);
      if (this.ids.has(piece))
        throw new TokenizerError(
          `vocabulary entry ${JSON.stringify(piece)} appears twice (ids ${this.ids.get(piece)} and ${id})`,
        );
      this.ids.set(piece, id);
    });
  }

  /** Token ids of a prompt: bos (when the vocabulary defines one) and then the characters of `text`. */
  encodePrompt(text: string): number[] {
    return this.bos === undefined ? this.encode(text) : [this.bos, ...this.encode(text)];
  }

  /** Token ids of an answer as the model must produce it: its characters followed by eos. */
  encodeAnswer(text: string): number[] {
    return [...this.encode(text), this.eos];
  }

  /** Token ids of the characters of `text`, one per character. Throws on a character not in the vocabulary. */
  encode(text: string): number[] {
    const out: number[] = [];
    let position = 0;
    for (const ch of text) {
      const id = this.ids.get(ch);
      if (id === undefined) {
        throw new TokenizerError(
          `character ${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) at position ${position} of ${JSON.stringify(text)} is not in the model vocabulary`,
        );
      }
      out.push(id);
      position++;
    }
    return out;
  }

  /** True when every character of `text` is in the vocabulary. */
  canEncode(text: string): boolean {
    for (const ch of text) if (!this.ids.has(ch)) return false;
    return true;
  }

  /** The text of `ids` up to (not including) the first eos; pad and bos are dropped. */
  decode(ids: ArrayLike<number>): string {
    let text = '';
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id === this.eos) break;
      if (this.special.has(id)) continue;
      const piece = this.vocab[id];
      if (piece === undefined)
        throw new TokenizerError(`token id ${id} is outside the vocabulary (size ${this.vocabSize})`);
      text += piece;
    }
    return text;
  }
}
