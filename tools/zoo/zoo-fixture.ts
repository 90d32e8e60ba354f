/**
 * Shared access to the shipped zoo (public/models) for the Node-only CI checks in tools/zoo/*.test.ts.
 * The checks skip only while public/models/manifest.json does not exist; once a zoo is shipped they all run.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LanguageModel } from '../../src/inference/lm';
import {
  parseManifest,
  parseTaskFile,
  type Manifest,
  type ModelEntry,
  type TaskFile,
} from '../../src/inference/manifest';
import { configureWasm, loadZooModel } from '../../src/inference/session';
import { CharTokenizer } from '../../src/inference/tokenizer';

export const MODELS_DIR = fileURLToPath(new URL('../../public/models/', import.meta.url));
export const MANIFEST_PATH = join(MODELS_DIR, 'manifest.json');
export const TASKS_PATH = join(MODELS_DIR, 'tasks.json');
export const zooShipped = existsSync(MANIFEST_PATH);

/** Suite title: says why it is skipped when no zoo is shipped. */
export function zooSuite(name: string): string {
  return zooShipped ? name : `${name} — SKIPPED: public/models/manifest.json does not exist yet (no zoo shipped)`;
}

export interface Zoo {
  manifest: Manifest;
  tasks: TaskFile;
  tokenizer: CharTokenizer;
}

let zoo: Zoo | undefined;

/** The shipped manifest and tasks, validated (throws a ZooFormatError listing every problem). */
export function readZoo(): Zoo {
  if (!zoo) {
    const manifest = parseManifest(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')));
    const tasks = parseTaskFile(JSON.parse(readFileSync(TASKS_PATH, 'utf8')));
    zoo = { manifest, tasks, tokenizer: new CharTokenizer(manifest.vocab, manifest.specialTokens) };
  }
  return zoo;
}

/** Shipped models, smallest first; an empty list (so test.each stays valid) when no zoo is shipped. */
export function shippedModels(): ModelEntry[] {
  if (!zooShipped) return [];
  return [...readZoo().manifest.models].sort((a, b) => a.params - b.params);
}

export function readModelBytes(entry: ModelEntry): Uint8Array {
  return new Uint8Array(readFileSync(join(MODELS_DIR, entry.file)));
}

/** Every file under public/models with its size in bytes. */
export function zooFiles(): { name: string; bytes: number }[] {
  return readdirSync(MODELS_DIR).map((name) => ({ name, bytes: statSync(join(MODELS_DIR, name)).size }));
}

const loaded = new Map<string, Promise<LanguageModel>>();

/** Loads (once per id) a shipped model with size and checksum verification, on one WASM thread. */
export function loadShipped(entry: ModelEntry): Promise<LanguageModel> {
  configureWasm(1);
  let lm = loaded.get(entry.id);
  if (!lm) {
    lm = loadZooModel(entry, readModelBytes(entry));
    loaded.set(entry.id, lm);
  }
  return lm;
}
