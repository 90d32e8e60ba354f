/**
 * Memoises a computation by a string key rather than by object identity: the engine sends fresh objects on every
 * reply (they cross a worker boundary), but parts such as the frontier grid are often unchanged and carry a key that
 * says so. Recomputes only when the key changes.
 */
import { useRef } from 'react';

export function useKeyedMemo<T>(key: string, compute: () => T): T {
  const cache = useRef<{ key: string; value: T } | null>(null);
  if (cache.current === null || cache.current.key !== key) cache.current = { key, value: compute() };
  return cache.current.value;
}
