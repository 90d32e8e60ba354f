/**
 * The lab's access to the zoo (public/models): manifest.json and tasks.json (validated), and model bytes, kept in
 * Cache Storage under a versioned name so a reload does not download them again. Bytes are checked (size, sha256)
 * before they are cached and again when read back; a bad cached copy is dropped and fetched afresh.
 */
import { ChecksumError, verifySha256 } from './checksum';
import { parseManifest, parseTaskFile, type Manifest, type ModelEntry, type TaskFile } from './manifest';
import { ModelLoadError } from './session';

/** Cache Storage name: bump when the caching scheme changes; entries are keyed by file and sha256 as well. */
export const ZOO_CACHE = 't2-explorer-zoo-v1';

export interface ZooIndex {
  manifest: Manifest;
  tasks: TaskFile;
}

async function fetchJson(url: string, file: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new ModelLoadError(file, `could not be downloaded (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!res.ok) throw new ModelLoadError(file, `could not be downloaded (HTTP ${res.status})`);
  try {
    return await res.json();
  } catch {
    throw new ModelLoadError(file, 'is not valid JSON');
  }
}

const indexes = new Map<string, Promise<ZooIndex>>();

/** manifest.json and tasks.json of the zoo at `zooUrl` (ends with '/'), validated; memoised per URL (not failures). */
export function loadZooIndex(zooUrl: string): Promise<ZooIndex> {
  let p = indexes.get(zooUrl);
  if (!p) {
    p = (async () => ({
      manifest: parseManifest(await fetchJson(`${zooUrl}manifest.json`, 'manifest.json')),
      tasks: parseTaskFile(await fetchJson(`${zooUrl}tasks.json`, 'tasks.json')),
    }))();
    p.catch(() => indexes.delete(zooUrl));
    indexes.set(zooUrl, p);
  }
  return p;
}

/** Throws unless `bytes` are the entry's file (size, then sha256). */
export async function checkModelBytes(entry: ModelEntry, bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength !== entry.bytes) {
    throw new ModelLoadError(
      entry.file,
      `expected ${entry.bytes} bytes, got ${bytes.byteLength} (truncated or wrong file?)`,
    );
  }
  await verifySha256(entry.file, bytes, entry.sha256);
}

async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(ZOO_CACHE);
  } catch {
    return null; // opaque origins, private modes: run without the cache
  }
}

/** Where the model came from this time. */
export type ModelSource = 'cache' | 'network';

/** The checked bytes of a model file, from Cache Storage when a good copy is there, else from the network. */
export async function fetchModelBytes(
  zooUrl: string,
  entry: ModelEntry,
): Promise<{ bytes: Uint8Array; source: ModelSource }> {
  const url = `${zooUrl}${entry.file}`;
  const key = `${url}?sha256=${entry.sha256}`;
  const cache = await openCache();
  const cached = await cache?.match(key).catch(() => undefined);
  if (cached) {
    const bytes = new Uint8Array(await cached.arrayBuffer());
    try {
      await checkModelBytes(entry, bytes);
      return { bytes, source: 'cache' };
    } catch {
      await cache?.delete(key).catch(() => false);
    }
  }
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-cache' });
  } catch (e) {
    throw new ModelLoadError(entry.file, `could not be downloaded (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!res.ok)
    throw new ModelLoadError(
      entry.file,
      `could not be downloaded (HTTP ${res.status}${res.status === 404 ? ': the file is missing' : ''})`,
    );
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new ModelLoadError(entry.file, `download broke off (${e instanceof Error ? e.message : String(e)})`);
  }
  await checkModelBytes(entry, bytes);
  await cache
    ?.put(key, new Response(bytes.slice().buffer, { headers: { 'content-type': 'application/octet-stream' } }))
    .catch(() => undefined);
  return { bytes, source: 'network' };
}

export { ChecksumError };
