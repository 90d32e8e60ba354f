/**
 * A thin typed wrapper over a zoo ONNX graph (zoo contract): inputs `input_ids` int64 [B, S] and optionally
 * `past_kv` float32 [L, 2, B, H, P, hd]; outputs `logits` float32 [B, S, V] and optionally `present_kv`
 * [L, 2, B, H, P+S, hd]. It takes any InferenceSession-like object plus a Tensor constructor, so it imports nothing
 * from onnxruntime-web and can be driven by a fake session in unit tests.
 */

export interface TensorLike {
  readonly type: string;
  readonly data: unknown;
  readonly dims: readonly number[];
}

export interface SessionLike {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>>;
}

/** onnxruntime-web's `Tensor` class fits this. */
export type TensorConstructor = new (
  type: 'int64' | 'float32',
  data: BigInt64Array | Float32Array,
  dims: readonly number[],
) => TensorLike;

export interface LmShape {
  layers: number;
  heads: number;
  headDim: number;
  /** Maximum positions. */
  context: number;
  vocabSize: number;
}

/** A packed KV cache [L, 2, batch, H, length, hd]. */
export interface KvCache {
  readonly data: Float32Array;
  readonly batch: number;
  readonly length: number;
}

export interface ForwardResult {
  /** [batch, seq, vocab], row-major. */
  readonly logits: Float32Array;
  readonly present: KvCache | null;
}

export class ModelRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelRunError';
  }
}

export class LanguageModel {
  readonly hasKvCache: boolean;

  constructor(
    private readonly session: SessionLike,
    private readonly Tensor: TensorConstructor,
    readonly shape: LmShape,
  ) {
    for (const name of ['input_ids'])
      if (!session.inputNames.includes(name))
        throw new ModelRunError(`the model has no input "${name}" (inputs: ${session.inputNames.join(', ')})`);
    if (!session.outputNames.includes('logits'))
      throw new ModelRunError(`the model has no output "logits" (outputs: ${session.outputNames.join(', ')})`);
    this.hasKvCache = session.inputNames.includes('past_kv') && session.outputNames.includes('present_kv');
    if (session.inputNames.includes('past_kv') && !this.hasKvCache)
      throw new ModelRunError('the model takes past_kv but returns no present_kv');
  }

  /** An empty cache (length 0) for `batch` rows. */
  emptyCache(batch: number): KvCache {
    return { data: new Float32Array(0), batch, length: 0 };
  }

  /**
   * One forward pass over `ids` ([batch, seq] row-major token ids) at positions past.length … past.length+seq−1.
   * Without `past` a graph with a KV cache gets an empty one (a full forward pass from position 0).
   */
  async forward(ids: ArrayLike<number>, batch: number, seq: number, past?: KvCache): Promise<ForwardResult> {
    if (ids.length !== batch * seq || batch < 1 || seq < 1)
      throw new ModelRunError(`forward: expected ${batch}×${seq} token ids, got ${ids.length}`);
    const pastLength = past?.length ?? 0;
    if (pastLength + seq > this.shape.context) {
      throw new ModelRunError(
        `sequence of ${pastLength + seq} tokens exceeds the model context of ${this.shape.context} positions`,
      );
    }
    const input = new BigInt64Array(ids.length);
    for (let i = 0; i < ids.length; i++) input[i] = BigInt(ids[i]!);
    const feeds: Record<string, TensorLike> = { input_ids: new this.Tensor('int64', input, [batch, seq]) };
    if (this.hasKvCache) {
      const cache = past ?? this.emptyCache(batch);
      if (cache.batch !== batch)
        throw new ModelRunError(`forward: KV cache holds ${cache.batch} rows, input has ${batch}`);
      feeds.past_kv = new this.Tensor('float32', cache.data, this.kvDims(batch, cache.length));
    } else if (past && past.length > 0) {
      throw new ModelRunError('this model has no KV cache input');
    }
    let out: Record<string, TensorLike>;
    try {
      out = await this.session.run(feeds);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const memory = /memory|alloc|OOM/i.test(detail) ? ' (out of memory: try fewer samples per problem)' : '';
      throw new ModelRunError(
        `onnxruntime failed on a batch of ${batch} × ${seq} tokens after ${pastLength} cached positions${memory}: ${detail}`,
      );
    }
    const logits = asFloat32(out.logits, 'logits', [batch, seq, this.shape.vocabSize]);
    if (!this.hasKvCache) return { logits, present: null };
    const presentData = asFloat32(out.present_kv, 'present_kv', this.kvDims(batch, pastLength + seq));
    return { logits, present: { data: presentData, batch, length: pastLength + seq } };
  }

  kvDims(batch: number, length: number): number[] {
    const { layers, heads, headDim } = this.shape;
    return [layers, 2, batch, heads, length, headDim];
  }
}

function asFloat32(t: TensorLike | undefined, name: string, dims: number[]): Float32Array {
  if (!t) throw new ModelRunError(`the model returned no "${name}"`);
  if (!(t.data instanceof Float32Array)) throw new ModelRunError(`"${name}" is ${t.type}, expected float32`);
  if (t.dims.length !== dims.length || t.dims.some((d, i) => d !== dims[i])) {
    throw new ModelRunError(
      `"${name}" has shape [${t.dims.join(', ')}], expected [${dims.join(', ')}] (does the manifest architecture match the file?)`,
    );
  }
  return t.data;
}

/**
 * The rows `rows` of a cache (a row may repeat: [0, 0, 0] tiles one prompt's cache for three samples).
 * The batch axis is axis 2 of [L, 2, B, H, P, hd], so each (layer, k/v) block is copied slab by slab.
 */
export function selectCacheRows(cache: KvCache, rows: readonly number[], shape: LmShape): KvCache {
  const slab = shape.heads * cache.length * shape.headDim;
  const blocks = shape.layers * 2;
  const out = new Float32Array(blocks * rows.length * slab);
  for (let block = 0; block < blocks; block++) {
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j]!;
      if (r < 0 || r >= cache.batch) throw new ModelRunError(`cache row ${r} out of range (batch ${cache.batch})`);
      const from = (block * cache.batch + r) * slab;
      out.set(cache.data.subarray(from, from + slab), (block * rows.length + j) * slab);
    }
  }
  return { data: out, batch: rows.length, length: cache.length };
}
