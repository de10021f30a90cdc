// PUBLISH channel message: deliver a message to a channel's subscribers and answer how
// many received it. The delivery itself is `Subject.next` inside the Db.

import { integer } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

interface Publish {
  readonly channel: string;
  readonly message: Buffer;
}

export const publish: CommandSpec<Publish> = {
  name: 'publish',
  arity: 3,
  flags: ['pubsub', 'loading', 'stale', 'fast'],
  categories: ['@pubsub', '@fast'],
  summary: 'Post a message to a channel',
  since: '2.0.0',
  group: 'pubsub',
  syntax: 'channel message',
  // Copied: the argument is a view into a network chunk, and the message may be queued.
  parse: (args) => ({ channel: keyOf(args[0]), message: Buffer.from(args[1]) }),
  // The count is known at once because delivery is synchronous: when db.publish()
  // returns, every subscriber's session has already queued the message. A subscriber
  // that is both subscribed to the channel and to a matching pattern counts twice.
  apply: ({ channel, message }, { db }) => integer(db.publish(channel, message)),
};
