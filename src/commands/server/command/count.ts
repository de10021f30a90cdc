// COMMAND COUNT: how many commands this server has (containers count once; their
// subcommands are not counted, as in Redis).
//
// It is read from the registry, never counted by hand: the number cannot disagree with
// what the dispatcher will actually run (a test checks it against COMMAND's length).

import { integer } from '../../../protocol/frame';
import { CommandSpec, rawArguments } from '../../command';
import { registry } from '../../registry';

export const commandCount: CommandSpec = {
  name: 'command|count',
  arity: 2,
  flags: ['loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Get total number of Redis commands',
  since: '2.8.13',
  group: 'server',
  parse: rawArguments,
  apply: () => integer(registry.size),
};
