// SCRIPT: the container of the script cache's commands (LOAD, EXISTS, FLUSH, KILL,
// DEBUG, HELP), one file each. The dispatcher routes `SCRIPT LOAD ...` to script|load.

import { CommandSpec, rawArguments } from '../../command';
import { scriptDebug } from './debug';
import { scriptExists } from './exists';
import { scriptFlush } from './flush';
import { scriptHelp } from './help';
import { scriptKill } from './kill';
import { scriptLoad } from './load';

export const script: CommandSpec = {
  name: 'script',
  arity: -2,
  categories: ['@slow'],
  summary: 'A container for Lua scripts management commands',
  since: '2.6.0',
  group: 'scripting',
  subcommands: [scriptDebug, scriptExists, scriptFlush, scriptHelp, scriptKill, scriptLoad],
  parse: rawArguments,
  apply: () => ({ type: 'error', value: "ERR wrong number of arguments for 'script' command" }),
};
