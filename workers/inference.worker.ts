/// <reference lib="webworker" />
/**
 * The model lab's inference worker: glue only. onnxruntime-web arrives with src/inference/lab-api.ts through a
 * dynamic import, so the worker starts small and the ~MBs of ORT load only when the panel first asks for them.
 */
import { expose } from 'comlink';
import type { LabApi } from '../src/inference/lab-api';

let api: Promise<LabApi> | null = null;
const load = (): Promise<LabApi> => (api ??= import('../src/inference/lab-api').then((m) => m.labApi));

const glue: LabApi = {
  probe: async (...a) => (await load()).probe(...a),
  run: async (...a) => (await load()).run(...a),
  cancel: () => {
    void load().then((m) => m.cancel());
  },
  ping: () => 'pong',
};

expose(glue, self);
