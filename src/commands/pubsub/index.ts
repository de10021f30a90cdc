// The pub/sub commands (PUBLISH, SUBSCRIBE, PSUBSCRIBE, PUBSUB...), one file each.
//
// Only PUBLISH and PUBSUB are plain request/reply commands. The (un)subscribe commands
// change the connection itself: they call the ConnectionContext (subscribe, unsubscribe),
// and the session turns that into a channel Observable merged into the connection's
// output (src/server/session.ts, pattern 7 of the README's RxJS tour).
//
// How groups work: each group folder exports ONE list of CommandSpecs, and
// src/commands/index.ts registers every group's list at start-up. A command is added by
// adding its file and one entry here, nothing else: no central switch to edit, so
// contributors working on different groups never touch the same lines, and the
// registry stays a plain Map filled once (lookups on the hot path are one Map.get).
// The order of the list is the order COMMAND and COMMAND DOCS list the commands in.

import type { AnyCommand } from '../registry';
import { psubscribe } from './psubscribe';
import { publish } from './publish';
import { pubsub } from './pubsub';
import { punsubscribe } from './punsubscribe';
import { subscribe } from './subscribe';
import { unsubscribe } from './unsubscribe';

export const pubsubCommands: readonly AnyCommand[] = [publish, subscribe, unsubscribe, psubscribe, punsubscribe, pubsub];
