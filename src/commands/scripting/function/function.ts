// FUNCTION: the container of the library commands (LOAD, DELETE, LIST, FLUSH, DUMP,
// RESTORE, STATS, KILL, HELP), one file each. The dispatcher routes `FUNCTION LOAD ...`
// to function|load; the registry itself is src/scripting/functions.ts.

import { CommandSpec, rawArguments } from '../../command';
import { functionDelete } from './delete';
import { functionDump } from './dump';
import { functionFlush } from './flush';
import { functionHelp } from './help';
import { functionKill } from './kill';
import { functionList } from './list';
import { functionLoad } from './load';
import { functionRestore } from './restore';
import { functionStats } from './stats';

export const functionCommand: CommandSpec = {
  name: 'function',
  arity: -2,
  categories: ['@slow'],
  summary: 'A container for function commands',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'Depends on subcommand.',
  subcommands: [functionDelete, functionDump, functionFlush, functionHelp, functionKill, functionList, functionLoad, functionRestore, functionStats],
  parse: rawArguments,
  apply: () => ({ type: 'error', value: "ERR wrong number of arguments for 'function' command" }),
};
