// PUBSUB NUMPAT: the number of distinct patterns subscribed to, by all clients.
//
// "Distinct" is the Db's pattern registry size: two clients on `news.*` make one
// pattern, as in Redis 7 (where the count is the size of its pubsub_patterns dict).

import { integer } from '../../../protocol/frame';
import { CommandSpec, rawArguments } from '../../command';

export const pubsubNumpat: CommandSpec = {
  name: 'pubsub|numpat',
  arity: 2,
  flags: ['pubsub', 'loading', 'stale'],
  categories: ['@pubsub', '@slow'],
  summary: 'Get the count of unique patterns pattern subscriptions',
  since: '2.8.0',
  group: 'pubsub',
  parse: rawArguments,
  apply: (_args, { db }) => integer(db.patternCount),
};
