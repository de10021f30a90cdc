// UNSUBSCRIBE [channel ...]: leave the named channels, or all of them. One reply per
// channel: ["unsubscribe", channel, subscriptions left]; with nothing to leave, a single
// reply with a null channel. At zero subscriptions the connection leaves subscribed mode.

import { Frame, NULL, bulk, integer, push } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

const UNSUBSCRIBE = bulk('unsubscribe');

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
  apply(channels, context): Frame[] {
    // With no argument: every channel this connection has, oldest first (Redis walks
    // its hash table instead: same set, possibly another order; the differential
    // suite compares these replies as a set for that reason).
    const leaving = channels.length > 0 ? channels : context.channels();
    if (leaving.length === 0) return [push([UNSUBSCRIBE, NULL, integer(context.subscriptionCount)])];
    return leaving.map((channel) =>
      push([UNSUBSCRIBE, bulk(Buffer.from(channel, 'latin1')), integer(context.unsubscribe(channel))]),
    );
  },
};
