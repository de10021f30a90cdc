// SUBSCRIBE channel [channel ...]: enter subscribed mode. One reply per channel:
// ["subscribe", channel, count of subscriptions]. The messages themselves do not come
// from here: ConnectionContext.subscribe adds the channel's Observable to the
// connection's merged stream of messages (see server/session.ts).

import { Frame, bulk, integer, push } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

const SUBSCRIBE = bulk('subscribe');

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
  apply: (channels, context): Frame[] =>
    // Push frames: out-of-band data in RESP3, plain arrays in RESP2.
    channels.map((channel) => push([SUBSCRIBE, bulk(Buffer.from(channel, 'latin1')), integer(context.subscribe(channel))])),
};
