/// <reference lib="webworker" />
/** The engine worker: glue only. The API lives in src/engine/api.ts. */
import { expose } from 'comlink';
import { api } from '../src/engine/api';

expose(api, self);
