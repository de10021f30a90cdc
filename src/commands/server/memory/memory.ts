// MEMORY <subcommand>: memory diagnostics (USAGE, PURGE, HELP). A container, as CONFIG:
// the dispatcher routes `MEMORY USAGE k` to `memory|usage`. Redis's own test suite
// calls MEMORY USAGE in its hash tests outside any single test, so without it the whole
// unit stops at its first call.

import { CommandSpec, rawArguments } from '../../command';
import { memoryHelp } from './help';
import { memoryPurge } from './purge';
import { memoryUsage } from './usage';

export const memory: CommandSpec = {
  name: 'memory',
  arity: -2,
  categories: ['@slow'],
  summary: 'A container for memory diagnostics commands',
  since: '4.0.0',
  group: 'server',
  subcommands: [memoryHelp, memoryPurge, memoryUsage],
  parse: rawArguments,
  // Only reached without a subcommand, which the arity check already refuses.
  apply: () => ({ type: 'error', value: "ERR wrong number of arguments for 'memory' command" }),
};
