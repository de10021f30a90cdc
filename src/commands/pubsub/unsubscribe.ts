// UNSUBSCRIBE [channel ...]: leave the named channels, or all of them. One reply per
// channel: ["unsubscribe", channel, subscriptions left]; with nothing to leave, a single
// reply with a null channel. At zero subscriptions the connection leaves subscribed mode.

import type { Frame } from '../../protocol/frame';
import { confirmLeaving } from './confirmations';
import { CommandSpec, keyOf } from '../command';

export const unsubscribe: CommandSpec<readonly string[]> = {
  name: 'unsubscribe',
  arity: -1,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  categories: ['@pubsub', '@slow'],
  summary: 'Stop listening for messages posted to the given channels',
  since: '2.0.0',
  group: 'pubsub',
  syntax: '[channel [channel ...]]',
  pubsubContext: true,
  parse: (args) => args.map(keyOf),
  apply: (channels, context): Frame[] =>
    confirmLeaving('unsubscribe', channels, context.channels(), context.subscriptionCount, (channel) => context.unsubscribe(channel)),
};
