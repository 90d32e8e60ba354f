/**
 * One URL writer (architecture rule 13): lint fails on a history write outside src/store/url/sync.ts (the rule
 * eslint.config.js `ONE_URL_WRITER`), and the sync itself is allowed; the teaching folder's URL section writes
 * nothing itself, yet its keys reach the URL through the writer.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { registryCatalog as catalog } from './catalog';
import { startUrlSync } from './sync';
import { recordingHost } from './test-helpers';
import { teachingUrlSection } from '../../teaching/url-section';

const eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });
const writerErrors = async (text: string, filePath: string) => {
  const [result] = await eslint.lintText(text, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && m.message.includes('writes history'));
};

const SECOND_WRITER = `export function writePreset(id: string): void {\n  window.history.pushState(null, '', '?preset=' + id);\n}\n`;

describe('one URL writer', () => {
  it.each(['src/teaching/second-writer.ts', 'src/store/url/other.ts', 'src/components/Writer.tsx'])(
    'a history write in %s fails lint',
    async (path) => {
      expect((await writerErrors(SECOND_WRITER, path)).map((m) => m.severity)).toEqual([2]);
    },
    60_000,
  );

  it('the writer itself may write', async () => {
    expect(await writerErrors(SECOND_WRITER, 'src/store/url/sync.ts')).toEqual([]);
  }, 60_000);

  it('a section never calls history; the writer writes its keys', () => {
    const { host, calls } = recordingHost('?preset=chinchilla&lock=n');
    const store = createAppStore({ catalog });
    const stop = startUrlSync({ catalog, host, debounceMs: 0, sections: [teachingUrlSection] })(store);
    expect(store.getState().presetId).toBe('chinchilla');
    store.getState().setLessonStep('sampling', 1);
    stop();
    // One canonical rewrite on start, one entry for the step; the section's keys come after the presenter's.
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatch(/^replace \/\?v=1&.*lock=n&preset=chinchilla$/);
    expect(calls[1]).toMatch(/^push \/\?v=1&.*lock=n&lesson=sampling&step=2$/);
  });
});
