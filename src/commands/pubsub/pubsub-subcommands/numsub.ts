// PUBSUB NUMSUB [channel ...]: the number of subscribers of each channel, as a flat
// array of channel, count pairs (Redis 7.0 answers an array in RESP3 too, not a map).

import { array, bulk, integer } from '../../../protocol/frame';
import { CommandSpec, keyOf } from '../../command';

export const pubsubNumsub: CommandSpec<readonly string[]> = {
  name: 'pubsub|numsub',
  arity: -2,
  flags: ['pubsub', 'loading', 'stale'],
  categories: ['@pubsub', '@slow'],
  summary: 'Get the count of subscribers for channels',
  since: '2.8.0',
  group: 'pubsub',
  syntax: '[channel [channel ...]]',
  parse: (args) => args.map(keyOf),
  // A channel nobody listens to is answered with 0, not left out: the reply must pair
  // up with the request, channel by channel.
  apply: (channels, { db }) =>
    array(channels.flatMap((channel) => [bulk(Buffer.from(channel, 'latin1')), integer(db.subscribers(channel))])),
};
