/**
 * The hooks the model lab registers with the core (src/app/register-hooks.ts imports this): the URL hooks of its
 * measured runs (schema key `lab`, src/store/url/field-codecs.ts) and the restorer that puts the runs saved on this
 * device on the charts unless the link carries some (src/store/restore.ts). Neither reaches the inference runtime.
 */
import { registerFieldCodec } from '../store/url/field-codecs';
import { registerRestorer } from '../store/restore';
import type { MeasuredPoint } from '../domain/scenario';
import { loadRuns } from './storage';
import { showRunsOnCharts } from './sync';
import { decodeMeasured, encodeMeasured } from './url-logic';

registerFieldCodec<readonly MeasuredPoint[]>('measured', { encode: encodeMeasured, decode: decodeMeasured });
registerRestorer({
  id: 'lab',
  start: (store) => {
    let live = true;
    loadRuns().then(
      (runs) => {
        if (live && runs.length > 0 && !store.getState().scenario.measured) showRunsOnCharts(store, runs, 'restore');
      },
      () => undefined,
    ); // no IndexedDB: the panel says so when opened
    return () => {
      live = false;
    };
  },
});
