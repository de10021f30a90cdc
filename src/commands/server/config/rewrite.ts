// CONFIG REWRITE: write the running configuration back to the config file. This server
// is never started from one, so it answers what Redis answers in that case.
//
// An error reply is still a reply: clients that call CONFIG REWRITE after CONFIG SET
// (some admin tools do) get the very error Redis gives them, and can handle it.

import { CommandSpec, rawArguments } from '../../command';

export const configRewrite: CommandSpec = {
  name: 'config|rewrite',
  arity: 2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['@admin', '@slow', '@dangerous'],
  summary: 'Rewrite the configuration file with the in memory configuration',
  since: '2.8.0',
  group: 'server',
  parse: rawArguments,
  apply: () => ({ type: 'error', value: 'ERR The server is running without a config file' }),
};
