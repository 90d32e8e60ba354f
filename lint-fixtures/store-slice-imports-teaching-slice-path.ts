// as: src/store/slices/teaching.ts
// The teaching slice itself had a documented exception (it imported src/teaching); the exception is gone.
import { applyWithLocks } from '../../teaching/locks';

export const crossing = applyWithLocks;
