/** Polls `base` until it answers 200 (every 200 ms, 20 s at most); shared by the browser benchmarks. */
export async function waitForServer(base) {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${base}`);
}
