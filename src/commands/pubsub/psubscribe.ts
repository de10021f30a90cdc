// PSUBSCRIBE pattern [pattern ...]: subscribe to every channel matching a glob pattern
// (`news.*`, `user:[0-9]*`). Messages then arrive as ["pmessage", pattern, channel,
// message]. The patterns are merged into the same message stream as the channels.

import type { Frame } from '../../protocol/frame';
import { confirmEach } from './confirmations';
import { CommandSpec, keyOf } from '../command';

export const psubscribe: CommandSpec<readonly string[]> = {
  name: 'psubscribe',
  arity: -2,
  pubsubContext: true,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  categories: ['@pubsub', '@slow'],
  summary: 'Listen for messages published to channels matching the given patterns',
  since: '2.0.0',
  group: 'pubsub',
  syntax: 'pattern [pattern ...]',
  parse: (args) => args.map(keyOf),
  // A pattern is a channel in its own registry in the Db: publish() checks each pattern
  // with globMatch (Redis's stringmatchlen), so only the patterns pay for matching,
  // and a server with no pattern subscription pays nothing.
  apply: (patterns, context): Frame[] => confirmEach('psubscribe', patterns, (pattern) => context.psubscribe(pattern)),
};
