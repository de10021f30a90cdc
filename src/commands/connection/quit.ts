// QUIT: answer +OK, then close the connection. Commands pipelined after it in the same
// write are not run, as in Redis.

import { OK } from '../../protocol/frame';
import { CommandSpec, rawArguments } from '../command';

export const quit: CommandSpec = {
  name: 'quit',
  arity: -1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  categories: ['@fast', '@connection'],
  summary: 'Close the connection',
  since: '1.0.0',
  group: 'connection',
  pubsubContext: true,
  parse: rawArguments,
  apply(_args, context) {
    // Not a close now: the session writes this +OK, stops running the batch
    // (takeWhile in session.ts), lets the writer flush, then closes. Closing here would
    // lose the reply the client waits for before it closes its own side.
    context.closeAfterReply();
    return OK;
  },
};
