/**
 * Test setup (vite.config.ts `test.setupFiles`): no fast-check property may run, or shrink a failure, for more than a
 * minute. A property that passes is stopped there with the runs it made; a failure is still reported, with the
 * counterexample shrunk as far as it got. A full unit run once sat 12 minutes on one worker, most likely shrinking a
 * failing property whose every run is an optimisation (t2-optimum.test.ts).
 */
import fc from 'fast-check';

fc.configureGlobal({ interruptAfterTimeLimit: 60_000 });
