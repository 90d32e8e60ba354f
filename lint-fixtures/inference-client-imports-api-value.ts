// as: src/inference/client.ts
// The page's client importing the worker API as a value (it may take it as a type only).
import { labApi } from './lab-api';

export const crossing = labApi;
