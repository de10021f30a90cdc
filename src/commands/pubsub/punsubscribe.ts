// PUNSUBSCRIBE [pattern ...]: leave the named patterns, or all of them; the mirror of
// UNSUBSCRIBE for pattern subscriptions.

import { Frame, NULL, bulk, integer, push } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

const PUNSUBSCRIBE = bulk('punsubscribe');

export const punsubscribe: CommandSpec<readonly string[]> = {
  name: 'punsubscribe',
  arity: -1,
  pubsubContext: true,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  categories: ['@pubsub', '@slow'],
  summary: 'Stop listening for messages posted to channels matching the given patterns',
  since: '2.0.0',
  group: 'pubsub',
  syntax: '[pattern [pattern ...]]',
  parse: (args) => args.map(keyOf),
  apply(patterns, context): Frame[] {
    // The count in each reply is channels plus patterns: Redis counts both kinds of
    // subscription together, and the connection leaves subscribed mode at zero.
    const leaving = patterns.length > 0 ? patterns : context.patterns();
    if (leaving.length === 0) return [push([PUNSUBSCRIBE, NULL, integer(context.subscriptionCount)])];
    return leaving.map((pattern) =>
      push([PUNSUBSCRIBE, bulk(Buffer.from(pattern, 'latin1')), integer(context.punsubscribe(pattern))]),
    );
  },
};
