import { describe, expect, it } from 'vitest';
import { registerRestorer, startRestorers } from './restore';
import type { AppStore } from './store';

describe('startRestorers', () => {
  it('starts every restorer in order, skips one that throws, and stops them', () => {
    const log: string[] = [];
    registerRestorer({
      id: 'test-a',
      start: () => {
        log.push('a');
        return () => log.push('stop a');
      },
    });
    registerRestorer({
      id: 'test-b',
      start: () => {
        throw new Error('storage blocked');
      },
    });
    registerRestorer({
      id: 'test-c',
      start: () => {
        log.push('c');
      },
    });
    registerRestorer({
      id: 'test-a',
      start: () => {
        log.push('a2');
        return () => log.push('stop a2');
      },
    });
    const stop = startRestorers({} as AppStore);
    // The app's own restorers (byod, lab; the test setup registers them) run too; the test's keep their order.
    expect(log.filter((l) => !l.startsWith('stop'))).toEqual(['a2', 'c']);
    stop();
    expect(log).toContain('stop a2');
    expect(log).not.toContain('stop a');
  });
});
