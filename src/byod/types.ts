/**
 * Types of "bring your own data". They live in the domain (src/domain/runs.ts) since the engine's fit job, the lab and
 * the user constant set share them; re-exported here for the panel's files.
 */
export * from '../domain/runs';
