// COMMAND HELP: Redis's text; this server has every subcommand it lists.

import { CommandSpec, rawArguments } from '../../command';
import { helpReply } from '../help';
//
// The text is kept verbatim, line for line, because clients and people diff it against
// Redis's, and the differential suite compares it byte for byte. helpReply() adds
// Redis's header and footer lines around it, as addReplyHelp does.

const LINES = [
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
];

export const commandHelp: CommandSpec = {
  name: 'command|help',
  arity: 2,
  flags: ['loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Show helpful text about the different subcommands',
  since: '5.0.0',
  group: 'server',
  parse: rawArguments,
  apply: () => helpReply('COMMAND', LINES),
};
