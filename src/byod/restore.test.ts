import { describe, expect, it } from 'vitest';
import { createRng } from '../domain/random';
import { createAppStore } from '../store/store';
import { registryCatalog } from '../store/url/catalog';
import { defaultScenario } from '../store/url/schema';
import { restoreUserSet } from './restore';
import { saveByod, type StorageLike } from './storage-logic';
import { buildUserSet, decodeUserSet, encodeUserSet } from './user-set-logic';

const rng = createRng(5);
const draws = Array.from({ length: 200 }, () => ({
  E: 1.7 * Math.exp(0.01 * rng.normal()),
  A: 400,
  B: 410,
  alpha: 0.34,
  beta: 0.28,
}));
const fitted = buildUserSet({
  family: 'chinchilla',
  constants: { E: 1.7, A: 400, B: 410, alpha: 0.34, beta: 0.28 },
  range: { params: [1e7, 1e9], tokens: [1e8, 1e11] },
  fittedRuns: 12,
  draws,
});

function memoryStorage(): StorageLike {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

function storeWith(userSet: ReturnType<typeof buildUserSet>) {
  return createAppStore({
    catalog: registryCatalog,
    scenario: {
      ...defaultScenario(registryCatalog.defaultId),
      qualityModel: 'chinchilla',
      constantSet: userSet.set.id,
      userSet,
    },
  });
}

describe('restoring the saved fit over a link', () => {
  const fromLink = decodeUserSet(encodeUserSet(fitted));
  if (!fromLink.ok) throw new Error(fromLink.reason);

  it("the sender's own device swaps the draws regenerated from the link for its real resamples", () => {
    const storage = memoryStorage();
    saveByod(storage, {
      version: 1,
      source: null,
      kind: 'chinchilla',
      mapping: {} as never,
      holdout: { kind: 'none' },
      report: null,
      userSet: fitted,
    });
    const store = storeWith(fromLink.value);
    restoreUserSet(store, storage)();
    const u = store.getState().scenario.userSet!;
    expect(u.draws).toEqual(draws);
    expect(u.drawsFromLink).toBeUndefined();
    expect(encodeUserSet(u)).toBe(encodeUserSet(fromLink.value)); // the link is unchanged by the swap
  });

  it('a device without the fit keeps the regenerated draws', () => {
    const store = storeWith(fromLink.value);
    restoreUserSet(store, memoryStorage())();
    expect(store.getState().scenario.userSet!.drawsFromLink).toBeDefined();
    expect(store.getState().scenario.userSet!.draws).toHaveLength(200);
  });
});
