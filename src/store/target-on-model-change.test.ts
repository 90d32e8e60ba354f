import { describe, expect, it } from 'vitest';
import { targetOnModelChange } from './target-on-model-change';
import { createAppStore } from './store';
import { defaultScenario } from './url/schema';
import { registryCatalog } from './url/catalog';

describe('target quality across a model change', () => {
  it('keeps a loss target between the Chinchilla and lifetime views', () => {
    expect(targetOnModelChange('chinchilla', 'lifetime', 2.1)).toBe(2.1);
    expect(targetOnModelChange('lifetime', 'chinchilla', 2.1)).toBe(2.1);
  });
  it('clears it when the quantity changes meaning', () => {
    expect(targetOnModelChange('t2-1', 't2-2', 9)).toBe(0);
    expect(targetOnModelChange('t2-2', 't2-1', 0.6)).toBe(0);
    expect(targetOnModelChange('t2-1', 'chinchilla', 9)).toBe(0);
  });
  it('is applied by the store when the quality model changes', () => {
    const store = createAppStore({
      catalog: registryCatalog,
      scenario: { ...defaultScenario(registryCatalog.defaultId), targetQuality: 9 },
    });
    store.getState().setQualityModel('t2-2');
    expect(store.getState().scenario.targetQuality).toBe(0);
  });
});
