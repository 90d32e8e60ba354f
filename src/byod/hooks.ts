/**
 * The hooks "bring your own data" registers with the core (src/app/register-hooks.ts imports this): the URL hooks of
 * the user's fitted set (schema key `u`, src/store/url/field-codecs.ts) and the restorer that merges the fit saved on
 * this device back into the scenario (src/store/restore.ts, ./restore.ts).
 */
import { registerFieldCodec } from '../store/url/field-codecs';
import { registerRestorer } from '../store/restore';
import type { UserConstantSet } from '../domain/registry';
import { restoreUserSet } from './restore';
import { decodeUserSet, encodeUserSet } from './user-set-logic';

registerFieldCodec<UserConstantSet>('user-set', { encode: encodeUserSet, decode: decodeUserSet });
registerRestorer({ id: 'byod', start: (store) => restoreUserSet(store, localStorage) });
