/** Moved to src/domain/runs-import.ts (the engine's reader uses it); re-exported for the panel. */
export * from '../domain/runs-import';
