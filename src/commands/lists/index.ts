// The list commands (LPUSH, LPOP, LRANGE, BLPOP...), one file each, registered as one
// group by src/commands/index.ts (see src/commands/strings/index.ts for how groups work).

import type { AnyCommand } from '../registry';

export const listCommands: readonly AnyCommand[] = [];
