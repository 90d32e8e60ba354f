/** Moved to src/domain/fit/holdout.ts (the engine's fit job uses it); re-exported for the panel. */
export * from '../domain/fit/holdout';
