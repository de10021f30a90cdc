// COMMAND [subcommand]: the server describing its own commands, from the registry
// (registry.ts), so the description can never disagree with what the dispatcher runs.
// Alone, COMMAND describes every command (command-info.ts); its subcommands count them
// (COUNT), list their names (LIST), describe some (INFO), document them for redis-cli
// (DOCS) and find the keys of a full command (GETKEYS).

import { array } from '../../../protocol/frame';
import { CommandSpec, rawArguments } from '../../command';
import { registry } from '../../registry';
import { commandInfo } from './command-info';
import { commandCount } from './count';
import { commandDocs } from './docs';
import { commandGetkeys, commandGetkeysandflags } from './getkeys';
import { commandHelp } from './help';
import { commandInfoCommand } from './info';
import { commandList } from './list';

export const command: CommandSpec = {
  name: 'command',
  arity: -1,
  flags: ['loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Get array of Redis command details',
  since: '2.8.13',
  group: 'server',
  subcommands: [commandCount, commandList, commandInfoCommand, commandDocs, commandGetkeys, commandGetkeysandflags, commandHelp],
  parse: rawArguments,
  // With no subcommand: every command's description, containers with their
  // subcommands nested (field 10 of each entry), the shape Redis 7 clients expect.
  apply: () => array([...registry.values()].map(commandInfo)),
};
