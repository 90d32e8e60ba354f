/**
 * Measured lab runs on this device: one IndexedDB object store keyed by run id. Every call rejects with a clear
 * message where IndexedDB is unavailable (private modes, blocked storage); the panel then says runs will not persist.
 */
import { checkRun } from './export-logic';
import type { LabRun } from './types';

const DB_NAME = 't2-explorer-lab';
const STORE = 'runs';
const VERSION = 1;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(new Error(`IndexedDB: ${r.error?.message ?? 'request failed'}`));
  });
}

let db: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined')
    return Promise.reject(new Error('this browser offers no IndexedDB; runs will not persist'));
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, VERSION);
    r.onupgradeneeded = () => {
      if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () =>
      reject(new Error(`IndexedDB could not be opened (${r.error?.message ?? 'blocked'}); runs will not persist`));
  }).catch((e: unknown) => {
    db = null;
    throw e;
  });
  return db;
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const d = await open();
  const tx = d.transaction(STORE, mode);
  const result = request(fn(tx.objectStore(STORE)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(new Error(`IndexedDB: ${tx.error?.message ?? 'transaction failed'}`));
    tx.onabort = () => reject(new Error(`IndexedDB: ${tx.error?.message ?? 'transaction aborted (storage full?)'}`));
  });
  return result;
}

/** Every stored run that still passes the import checks, oldest first. */
export async function loadRuns(): Promise<LabRun[]> {
  const all = await withStore<unknown[]>('readonly', (s) => s.getAll());
  return (all.filter((r) => checkRun(r).length === 0) as LabRun[]).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
}

export async function saveRuns(runs: readonly LabRun[]): Promise<void> {
  for (const r of runs) await withStore('readwrite', (s) => s.put(r));
}

export async function deleteRun(id: string): Promise<void> {
  await withStore('readwrite', (s) => s.delete(id));
}

export async function clearRuns(): Promise<void> {
  await withStore('readwrite', (s) => s.clear());
}
