// The transaction commands (MULTI, EXEC, DISCARD, WATCH, UNWATCH), one file each. The
// queueing itself is the dispatcher's (src/commands/index.ts): it happens after Redis's
// checks, so a command refused there spoils the transaction (EXECABORT).

import type { AnyCommand } from '../registry';
import { discard } from './discard';
import { exec } from './exec';
import { multi } from './multi';
import { unwatch } from './unwatch';
import { watch } from './watch';

export const transactionCommands: readonly AnyCommand[] = [multi, exec, discard, watch, unwatch];
