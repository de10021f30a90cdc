// ECHO message: answers its argument, as a bulk string. The simplest round trip that
// carries data, which is why client libraries use it in their own tests.

import { bulk } from '../../protocol/frame';
import { CommandSpec } from '../command';

export const echo: CommandSpec<Buffer> = {
  name: 'echo',
  arity: 2,
  flags: ['loading', 'stale', 'fast'],
  categories: ['@fast', '@connection'],
  summary: 'Echo the given string',
  since: '1.0.0',
  group: 'connection',
  syntax: 'message',
  // Copied: the argument is a view into the network chunk it arrived in.
  parse: (args) => Buffer.from(args[0]),
  // No type check, no Db: ECHO is pure request/reply, which is why it makes a good
  // first command to read (and a good probe of pipelining: each echo is distinct).
  apply: (message) => bulk(message),
};
