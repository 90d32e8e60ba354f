import { describe, expect, it } from 'vitest';
import { modelForFamily } from './user-set-of-report';

describe('modelForFamily', () => {
  it('keeps the current model when it uses the fitted family (the lifetime view keeps a Chinchilla fit)', () => {
    expect(modelForFamily('chinchilla', 'lifetime')).toBe('lifetime');
    expect(modelForFamily('chinchilla', 'chinchilla')).toBe('chinchilla');
    expect(modelForFamily('t2-1', 't2-1')).toBe('t2-1');
  });
  it("switches to the family's own model otherwise", () => {
    expect(modelForFamily('chinchilla', 't2-1')).toBe('chinchilla');
    expect(modelForFamily('t2-2', 'lifetime')).toBe('t2-2');
    expect(modelForFamily('t2-1', 't2-2')).toBe('t2-1');
  });
});
