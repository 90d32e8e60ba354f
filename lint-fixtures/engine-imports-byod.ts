// as: src/engine/fence-crossing.ts
// The engine importing a feature folder: shared types live in src/domain.
import { guessFitKind } from '../byod/import-logic';

export const crossing = guessFitKind;
