/** Moved to src/engine/read-runs.ts (it runs in the engine worker); re-exported for the panel. */
export * from '../engine/read-runs';
