/**
 * Creates a zoo LanguageModel from model bytes with onnxruntime-web. This is the only module of src/inference that
 * imports onnxruntime-web at run time: load it lazily (dynamic import from the inference worker), never from code the
 * main bundle loads eagerly. Under Node (Vitest, scripts) the package's node condition picks its node build.
 */
import * as ort from 'onnxruntime-web';
import { verifySha256 } from './checksum';
import { LanguageModel } from './lm';
import type { Architecture, ModelEntry } from './manifest';

export class ModelLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
    this.name = 'ModelLoadError';
  }
}

export interface SessionOptions {
  /** Execution providers in order of preference; default ['wasm']. */
  executionProviders?: ('wasm' | 'webgpu' | 'cpu')[];
  /** WASM threads; must be set before the first session is created in this thread (ORT reads it once). */
  numThreads?: number;
}

/** Sets onnxruntime-web's global WASM thread count; takes effect only before the first session is created. */
export function configureWasm(numThreads: number): void {
  ort.env.wasm.numThreads = numThreads;
}

/** The thread count ORT will use, as configured (undefined = its default). */
export function wasmThreads(): number | undefined {
  return ort.env.wasm.numThreads;
}

/** An ORT InferenceSession from bytes; a truncated or invalid file becomes a ModelLoadError, never a crash. */
export async function createSession(
  file: string,
  bytes: Uint8Array,
  opts: SessionOptions = {},
): Promise<ort.InferenceSession> {
  if (bytes.byteLength === 0) throw new ModelLoadError(file, 'the model file is empty');
  if (opts.numThreads !== undefined) configureWasm(opts.numThreads);
  try {
    return await ort.InferenceSession.create(bytes, {
      executionProviders: opts.executionProviders ?? ['wasm'],
      graphOptimizationLevel: 'all',
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const hint = /protobuf|graph|parse|model/i.test(detail)
      ? ' (the file is not a valid ONNX model: corrupt or truncated?)'
      : '';
    throw new ModelLoadError(file, `onnxruntime-web could not load the model${hint}: ${detail}`, { cause: error });
  }
}

/** Wraps a session as a LanguageModel with the manifest's architecture. */
export function languageModelFromSession(session: ort.InferenceSession, arch: Architecture): LanguageModel {
  return new LanguageModel(session, ort.Tensor, {
    layers: arch.layers,
    heads: arch.heads,
    headDim: arch.headDim,
    context: arch.context,
    vocabSize: arch.vocabSize,
  });
}

/**
 * Checks `bytes` against the manifest entry (size, then sha256), creates a session and wraps it. Errors name the file:
 * ModelLoadError for a wrong size or an unloadable file, ChecksumError for a checksum mismatch.
 */
export async function loadZooModel(
  entry: ModelEntry,
  bytes: Uint8Array,
  opts: SessionOptions = {},
): Promise<LanguageModel> {
  if (bytes.byteLength !== entry.bytes) {
    throw new ModelLoadError(
      entry.file,
      `expected ${entry.bytes} bytes, got ${bytes.byteLength} (truncated or wrong file?)`,
    );
  }
  await verifySha256(entry.file, bytes, entry.sha256);
  return languageModelFromSession(await createSession(entry.file, bytes, opts), entry.architecture);
}
