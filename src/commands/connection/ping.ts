// PING [message]: the liveness check. Without a message it answers +PONG, with one it
// echoes it. In subscribed mode a RESP2 connection can only carry arrays, so Redis
// answers there with ["pong", message] instead.

import { Frame, bulk } from '../../protocol/frame';
import { CommandSpec, rawArguments } from '../command';

const PONG: Frame = { type: 'simple', value: 'PONG' };

export const ping: CommandSpec = {
  name: 'ping',
  arity: -1,
  flags: ['fast'],
  categories: ['@fast', '@connection'],
  summary: 'Ping the server',
  since: '1.0.0',
  group: 'connection',
  syntax: '[message]',
  pubsubContext: true,
  parse: rawArguments,
  apply(args, context) {
    if (args.length > 1) return { type: 'error', value: "ERR wrong number of arguments for 'ping' command" };
    // Subscribed mode in RESP2: the connection is a stream of arrays (messages), and a
    // client reading it expects nothing else, so even PONG comes as an array. RESP3
    // tells pushes from replies by type, and needs no such disguise.
    if (context.subscriptionCount > 0 && context.protocol === 2) {
      return { type: 'array', value: [bulk('pong'), bulk(args[0] ?? Buffer.alloc(0))] };
    }
    return args.length === 0 ? PONG : bulk(args[0]);
  },
};
