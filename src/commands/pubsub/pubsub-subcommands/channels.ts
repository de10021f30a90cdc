// PUBSUB CHANNELS [pattern]: the channels that have at least one subscriber (pattern
// subscriptions not counted), optionally filtered by a glob pattern.

import { array, bulk } from '../../../protocol/frame';
import { globMatch } from '../../../db/glob';
import { CommandSpec, SUBCOMMAND_SYNTAX_ERROR, keyOf } from '../../command';

interface Channels {
  readonly pattern?: string;
}

export const pubsubChannels: CommandSpec<Channels> = {
  name: 'pubsub|channels',
  arity: -2,
  flags: ['pubsub', 'loading', 'stale'],
  categories: ['@pubsub', '@slow'],
  summary: 'List active channels',
  since: '2.8.0',
  group: 'pubsub',
  syntax: '[pattern]',
  // More than one pattern: Redis's subcommand syntax error.
  parse: (args) => (args.length > 1 ? SUBCOMMAND_SYNTAX_ERROR : { pattern: args.length === 1 ? keyOf(args[0]) : undefined }),
  // The Db forgets a channel when its last subscriber leaves (the teardown of its
  // Observable), so "active" needs no filtering here: the registry is the answer.
  apply({ pattern }, { db }) {
    const channels = db.activeChannels().filter((channel) => pattern === undefined || globMatch(pattern, channel));
    return array(channels.map((channel) => bulk(Buffer.from(channel, 'latin1'))));
  },
};
