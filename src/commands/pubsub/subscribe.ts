// SUBSCRIBE channel [channel ...]: enter subscribed mode. One reply per channel:
// ["subscribe", channel, count of subscriptions]. The messages themselves do not come
// from here: ConnectionContext.subscribe adds the channel's Observable to the
// connection's merged stream of messages (see server/session.ts).

import type { Frame } from '../../protocol/frame';
import { confirmEach } from './confirmations';
import { CommandSpec, keyOf } from '../command';

export const subscribe: CommandSpec<readonly string[]> = {
  name: 'subscribe',
  arity: -2,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  categories: ['@pubsub', '@slow'],
  summary: 'Listen for messages published to the given channels',
  since: '2.0.0',
  group: 'pubsub',
  syntax: 'channel [channel ...]',
  pubsubContext: true,
  parse: (args) => args.map(keyOf),
  // The count in each reply is read after that channel was added, so SUBSCRIBE a b
  // answers 1 then 2, and subscribing twice to the same channel changes nothing (the
  // connection's Subscriptions keeps a set of names).
  apply: (channels, context): Frame[] => confirmEach('subscribe', channels, (channel) => context.subscribe(channel)),
};
