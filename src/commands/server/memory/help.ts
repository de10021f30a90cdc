// MEMORY HELP: Redis's text, verbatim, though this server has only USAGE, PURGE and HELP
// of the subcommands it lists (DOCTOR, STATS and MALLOC-STATS describe an allocator
// this server does not have, and answer Redis's "unknown subcommand" error).

import { CommandSpec, rawArguments } from '../../command';
import { helpReply } from '../help';

const LINES = [
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
];

export const memoryHelp: CommandSpec = {
  name: 'memory|help',
  arity: 2,
  flags: ['loading', 'stale'],
  categories: ['@slow'],
  summary: 'Show helpful text about the different subcommands',
  since: '4.0.0',
  group: 'server',
  parse: rawArguments,
  apply: () => helpReply('MEMORY', LINES),
};
