// The keyspace commands (DEL, EXISTS, EXPIRE, TTL, KEYS, SCAN...), one file each.

import type { AnyCommand } from '../registry';

export const keyspaceCommands: readonly AnyCommand[] = [];
