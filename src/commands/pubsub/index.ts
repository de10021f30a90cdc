// The pub/sub commands (PUBLISH, SUBSCRIBE, PSUBSCRIBE, PUBSUB...), one file each.

import type { AnyCommand } from '../registry';
import { publish } from './publish';
import { subscribe } from './subscribe';
import { unsubscribe } from './unsubscribe';

export const pubsubCommands: readonly AnyCommand[] = [publish, subscribe, unsubscribe];
