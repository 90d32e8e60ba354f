/** Every command of the CLI, in the order the help lists them. One file per command group. */
import type { CommandSpec } from '../types';
import { chinchillaCommands } from './chinchilla';
import { costCommands } from './cost';
import { epochCommands } from './epoch';
import { fitCommands } from './fit';
import { lifetimeCommands } from './lifetime';
import { passkCommands } from './passk';
import { setsCommands } from './sets';
import { t2Commands } from './t2';
import { t2LifetimeCommands } from './t2-lifetime';

export const COMMANDS: readonly CommandSpec[] = [
  ...chinchillaCommands,
  ...lifetimeCommands,
  ...costCommands,
  ...passkCommands,
  ...t2Commands,
  ...t2LifetimeCommands,
  ...epochCommands,
  ...fitCommands,
  ...setsCommands,
];
