// COMMAND INFO [command-name ...]: each named command's description (command-info.ts),
// or a null (a null bulk string, as Redis sends it) for a name this server does not
// know; with no name, every command.

import { NULL, array } from '../../../protocol/frame';
import type { CommandSpec } from '../../command';
import { registry } from '../../registry';
import { commandInfo } from './command-info';
import { lookupCommand } from './lookup';

export const commandInfoCommand: CommandSpec<readonly string[]> = {
  name: 'command|info',
  arity: -2,
  flags: ['loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Get array of specific Redis command details, or all when no argument is given.',
  since: '2.8.13',
  group: 'server',
  syntax: '[command-name [command-name ...]]',
  parse: (args) => args.map((arg) => arg.toString('latin1')),
  // lookupCommand accepts `container|sub` names too (COMMAND INFO config|get), the way
  // Redis 7 names subcommands; a name it does not know keeps its place as a null, so
  // the reply lines up with the request.
  apply(names) {
    if (names.length === 0) return array([...registry.values()].map(commandInfo));
    return array(
      names.map((name) => {
        const spec = lookupCommand(name);
        return spec === undefined ? NULL : commandInfo(spec);
      }),
    );
  },
};
