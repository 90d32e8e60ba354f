// as: src/store/slices/fence-crossing.ts
// A store slice importing the teaching folder: the teaching slice takes presets and locks from the source
// src/teaching registers (src/store/teaching-source.ts) instead.
import { getPreset } from '../../teaching/presets';

export const crossing = getPreset;
