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
    context.closeAfterReply();
    return OK;
  },
};
