// CLIENT INFO: this connection, as one CLIENT LIST line. A verbatim string in RESP3
// (`=...txt:`), as in Redis, since it is text meant to be shown as it is.
//
// Date.now() here is wall-clock time on purpose: `age` and `idle` are facts about the
// real world for a human reading the line, not key expiry, so they do not come from
// the Db's scheduler.

import { CommandSpec, rawArguments } from '../../command';
import { verbatimText } from '../../server/verbatim-text';
import { clientLine } from './client-line';

export const clientInfo: CommandSpec = {
  name: 'client|info',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Returns information about the current client connection.',
  since: '6.2.0',
  group: 'connection',
  parse: rawArguments,
  apply: (_args, { client }) => verbatimText(clientLine(client, Date.now())),
};
