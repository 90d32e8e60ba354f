/** A fake file system for in-process CLI tests: a map from path to text; other paths fail like fs does. */
import type { CliIo } from './types';

export function fakeIo(files: Record<string, string> = {}): CliIo {
  return {
    readFile(path: string): string {
      const text = files[path];
      if (text === undefined)
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
  };
}
