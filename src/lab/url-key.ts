/** Registers the URL hooks of the lab's measured runs (schema key `lab`, src/store/url/field-codecs.ts). */
import { registerFieldCodec } from '../store/url/field-codecs';
import type { MeasuredPoint } from '../domain/scenario';
import { decodeMeasured, encodeMeasured } from './url-logic';

registerFieldCodec<readonly MeasuredPoint[]>('measured', { encode: encodeMeasured, decode: decodeMeasured });
