// CONFIG RESETSTAT: zero the counters INFO reports (commands processed, connections
// received, keyspace hits...), e.g. between two benchmark runs.

import { OK } from '../../../protocol/frame';
import { CommandSpec, rawArguments } from '../../command';

export const configResetstat: CommandSpec = {
  name: 'config|resetstat',
  arity: 2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['@admin', '@slow', '@dangerous'],
  summary: 'Reset the stats returned by INFO',
  since: '2.0.0',
  group: 'server',
  parse: rawArguments,
  apply(_args, { server }) {
    // Every counter in ServerState.stats is zeroed, whatever its name: a counter added
    // later is reset too, without anyone remembering to list it here.
    const stats: Record<string, number> = server.stats;
    for (const counter of Object.keys(stats)) stats[counter] = 0;
    server.errorCodes.clear();
    return OK;
  },
};
