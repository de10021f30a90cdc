// OBJECT HELP: Redis's text, verbatim (the shared header and footer come from helpReply).

import { CommandSpec, rawArguments } from '../../command';
import { helpReply } from '../../server/help';

const LINES = [
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
];

export const objectHelp: CommandSpec = {
  name: 'object|help',
  arity: 2,
  flags: ['loading', 'stale'],
  categories: ['@keyspace', '@slow'],
  summary: 'Show helpful text about the different subcommands',
  since: '6.2.0',
  group: 'generic',
  parse: rawArguments,
  apply: () => helpReply('OBJECT', LINES),
};
