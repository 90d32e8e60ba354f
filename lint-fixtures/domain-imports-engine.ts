// as: src/domain/fence-crossing.ts
// The pure domain importing an app layer.
import { makeLaw } from '../engine/data/law';

export const crossing = makeLaw;
