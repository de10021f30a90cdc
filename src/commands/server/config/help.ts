// CONFIG HELP: Redis's text; this server has every subcommand it lists.

import { CommandSpec, rawArguments } from '../../command';
import { helpReply } from '../help';
//
// Verbatim Redis text, so the differential suite can compare it byte for byte; the
// shared header and footer come from helpReply() (server/help.ts).

const LINES = [
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
];

export const configHelp: CommandSpec = {
  name: 'config|help',
  arity: 2,
  flags: ['loading', 'stale'],
  categories: ['@slow'],
  summary: 'Show helpful text about the different subcommands',
  since: '5.0.0',
  group: 'server',
  parse: rawArguments,
  apply: () => helpReply('CONFIG', LINES),
};
