// as: src/store/url/fence-crossing.ts
// The URL codec importing a feature: features register hooks instead (src/store/url/field-codecs.ts).
import { decodeUserSet } from '../../byod/user-set-logic';

export const crossing = decodeUserSet;
