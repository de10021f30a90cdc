// RESET: put the connection back the way it was when it connected, without
// reconnecting: leave every channel and pattern (silently: no unsubscribe replies),
// back to RESP2, no name, db 0, and logged out when a password is set (Redis's
// clearClientConnectionState makes it the default user's again, authenticated only if
// that user is nopass). Connection pools use it to hand a used connection to the next
// borrower. Allowed in subscribed mode, since leaving it is part of the job.
//
// The library attributes of CLIENT SETINFO are kept, as Redis keeps them: they
// describe the client library, which has not changed.

import { simple } from '../../protocol/frame';
import { CommandSpec, rawArguments } from '../command';

const RESET = simple('RESET');

export const reset: CommandSpec = {
  name: 'reset',
  arity: 1,
  pubsubContext: true,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  categories: ['@fast', '@connection'],
  summary: 'Reset the connection',
  since: '6.2.0',
  group: 'connection',
  parse: rawArguments,
  apply(_args, context) {
    for (const channel of context.channels()) context.unsubscribe(channel);
    for (const pattern of context.patterns()) context.punsubscribe(pattern);
    context.setProtocol(2);
    context.client.name = '';
    context.auth?.reset();
    return RESET;
  },
};
