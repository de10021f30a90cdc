// The pub/sub commands (PUBLISH, SUBSCRIBE, PSUBSCRIBE, PUBSUB...), one file each.

import type { AnyCommand } from '../registry';
import { psubscribe } from './psubscribe';
import { publish } from './publish';
import { pubsub } from './pubsub';
import { punsubscribe } from './punsubscribe';
import { subscribe } from './subscribe';
import { unsubscribe } from './unsubscribe';

export const pubsubCommands: readonly AnyCommand[] = [publish, subscribe, unsubscribe, psubscribe, punsubscribe, pubsub];
