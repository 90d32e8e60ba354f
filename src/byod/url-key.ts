/** Registers the URL hooks of the user's fitted set (schema key `u`, src/store/url/field-codecs.ts). */
import { registerFieldCodec } from '../store/url/field-codecs';
import type { UserConstantSet } from '../domain/registry';
import { decodeUserSet, encodeUserSet } from './user-set-logic';

registerFieldCodec<UserConstantSet>('user-set', { encode: encodeUserSet, decode: decodeUserSet });
