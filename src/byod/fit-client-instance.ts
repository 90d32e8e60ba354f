/** The app's one fit client and one read client (each created on first use, so no extra worker starts until needed). */
import { createFitClient, type FitClient } from '../engine/fit-client';
import { createReadClient, type ReadClient } from './read-client';

let client: FitClient | null = null;
let reader: ReadClient | null = null;

export function getFitClient(): FitClient {
  client ??= createFitClient();
  return client;
}

/** Reads runs files in their own engine-worker instance (never behind a running fit). */
export function getReadClient(): ReadClient {
  reader ??= createReadClient();
  return reader;
}
