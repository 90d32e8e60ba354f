// as: src/app/fence-crossing.ts
// onnxruntime-web outside src/inference/session.ts.
import * as ort from 'onnxruntime-web';

export const crossing = ort;
