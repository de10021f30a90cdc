// The server commands (INFO, CONFIG, COMMAND, DBSIZE, FLUSHALL, TIME...), one file each.

import type { AnyCommand } from '../registry';

export const serverCommands: readonly AnyCommand[] = [];
