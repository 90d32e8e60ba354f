/** The app's one fit client (created on first use, so no second worker starts until someone fits). */
import { createFitClient, type FitClient } from '../engine/fit-client';

let client: FitClient | null = null;

export function getFitClient(): FitClient {
  client ??= createFitClient();
  return client;
}
