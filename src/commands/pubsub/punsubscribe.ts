// PUNSUBSCRIBE [pattern ...]: leave the named patterns, or all of them; the mirror of
// UNSUBSCRIBE for pattern subscriptions.

import type { Frame } from '../../protocol/frame';
import { confirmLeaving } from './confirmations';
import { CommandSpec, keyOf } from '../command';

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
  apply: (patterns, context): Frame[] =>
    confirmLeaving('punsubscribe', patterns, context.patterns(), context.subscriptionCount, (pattern) => context.punsubscribe(pattern)),
};
