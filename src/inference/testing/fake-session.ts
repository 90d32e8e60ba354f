/**
 * A tiny deterministic stand-in for a zoo ONNX session (tests only): same I/O names and shapes as the contract.
 * Its "cache" stores each position's token id and position in the K slot, and the logits at a position depend on
 * every earlier token, so wrong cache handling (lost, reordered or mis-tiled rows) changes the outputs.
 */
import type { LmShape, SessionLike, TensorLike } from '../lm';

export class FakeTensor implements TensorLike {
  constructor(
    readonly type: string,
    readonly data: BigInt64Array | Float32Array,
    readonly dims: readonly number[],
  ) {}
}

export const FAKE_SHAPE: LmShape = { layers: 2, heads: 1, headDim: 2, context: 24, vocabSize: 8 };
export const FAKE_EOS = 0;
export const FAKE_PAD = 1;

/** Logits of the next token after a prefix summarised by (hash, length). */
function fakeLogits(hash: number, length: number, out: Float32Array, offset: number, V: number): void {
  for (let v = 0; v < V; v++) out[offset + v] = 2.5 * Math.cos(0.9 * v * (1 + (hash % 11)) + 0.4 * v);
  out[offset + FAKE_EOS] = -4 + 1.5 * (length - 4);
  out[offset + FAKE_PAD] = -20;
}

export class FakeSession implements SessionLike {
  readonly inputNames: string[];
  readonly outputNames: string[];
  calls: { batch: number; seq: number; past: number }[] = [];

  constructor(
    readonly withCache = true,
    readonly shape: LmShape = FAKE_SHAPE,
  ) {
    this.inputNames = withCache ? ['input_ids', 'past_kv'] : ['input_ids'];
    this.outputNames = withCache ? ['logits', 'present_kv'] : ['logits'];
  }

  async run(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>> {
    const ids = feeds.input_ids!.data as BigInt64Array;
    const [B, S] = feeds.input_ids!.dims as [number, number];
    const { layers: L, heads: H, headDim: hd, vocabSize: V } = this.shape;
    const pastTensor = feeds.past_kv;
    const P = pastTensor ? pastTensor.dims[4]! : 0;
    const past = pastTensor ? (pastTensor.data as Float32Array) : new Float32Array(0);
    this.calls.push({ batch: B, seq: S, past: P });
    const T = P + S;
    const present = new Float32Array(L * 2 * B * H * T * hd);
    const at = (l: number, kv: number, b: number, t: number, len: number, batch: number) =>
      (((l * 2 + kv) * batch + b) * H * len + t) * hd;
    const logits = new Float32Array(B * S * V);
    for (let b = 0; b < B; b++) {
      let hash = 7;
      for (let t = 0; t < T; t++) {
        let token: number;
        if (t < P) {
          token = past[at(0, 0, b, t, P, B)]!;
          if (past[at(0, 0, b, t, P, B) + 1] !== t)
            throw new Error(`fake cache row ${b} holds position ${past[at(0, 0, b, t, P, B) + 1]} at ${t}`);
        } else token = Number(ids[b * S + (t - P)]);
        hash = (Math.imul(hash, 31) + token * (t + 3)) >>> 0;
        for (let l = 0; l < L; l++) {
          present[at(l, 0, b, t, T, B)] = token;
          present[at(l, 0, b, t, T, B) + 1] = t;
          present[at(l, 1, b, t, T, B)] = hash % 1000;
        }
        if (t >= P) fakeLogits(hash, t + 1, logits, (b * S + (t - P)) * V, V);
      }
    }
    const out: Record<string, TensorLike> = { logits: new FakeTensor('float32', logits, [B, S, V]) };
    if (this.withCache) out.present_kv = new FakeTensor('float32', present, [L, 2, B, H, T, hd]);
    return out;
  }
}
