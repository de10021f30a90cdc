// PUBSUB <subcommand>: introspection of the pub/sub system. A container command: the
// dispatcher routes `PUBSUB NUMSUB x` to the `pubsub|numsub` spec.
//
// The container has no flags of its own, as in Redis: COMMAND INFO pubsub shows empty
// flags, and the subcommands carry theirs.

import { CommandSpec, rawArguments } from '../command';
import { pubsubChannels } from './pubsub-subcommands/channels';
import { pubsubNumpat } from './pubsub-subcommands/numpat';
import { pubsubNumsub } from './pubsub-subcommands/numsub';

export const pubsub: CommandSpec = {
  name: 'pubsub',
  arity: -2,
  summary: 'A container for Pub/Sub commands',
  since: '2.8.0',
  group: 'pubsub',
  subcommands: [pubsubChannels, pubsubNumsub, pubsubNumpat],
  parse: rawArguments,
  // Only reached without a subcommand, which the arity check already refuses.
  apply: () => ({ type: 'error', value: "ERR wrong number of arguments for 'pubsub' command" }),
};
