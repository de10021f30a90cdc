// CLIENT ID: this connection's id, a number that is never reused while the server
// runs (so a client can later name itself in CLIENT KILL ID or CLIENT LIST ID).
//
// Ids come from a counter in ServerState, incremented per connection, never from the
// socket or the port: that is what makes them unique for the server's whole life.

import { integer } from '../../../protocol/frame';
import { CommandSpec, rawArguments } from '../../command';

export const clientId: CommandSpec = {
  name: 'client|id',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Returns the client ID for the current connection',
  since: '5.0.0',
  group: 'connection',
  parse: rawArguments,
  apply: (_args, { client }) => integer(client.id),
};
