// The connection commands (PING, QUIT, HELLO, CLIENT...), one file each.
//
// HOST: and POST are commands too (security-warning.ts): that is how Redis notices an
// HTTP request sent to its port, and closes the connection.
//
// How groups work: each group folder exports ONE list of CommandSpecs, and
// src/commands/index.ts registers every group's list at start-up. A command is added by
// adding its file and one entry here, nothing else: no central switch to edit, so
// contributors working on different groups never touch the same lines, and the
// registry stays a plain Map filled once (lookups on the hot path are one Map.get).
// The order of the list is the order COMMAND and COMMAND DOCS list the commands in.

import type { AnyCommand } from '../registry';
import { auth } from './auth';
import { client } from './client/client';
import { echo } from './echo';
import { hello } from './hello';
import { ping } from './ping';
import { quit } from './quit';
import { reset } from './reset';
import { host, post } from './security-warning';
import { select } from './select';

export const connectionCommands: readonly AnyCommand[] = [ping, quit, host, post, hello, auth, echo, select, reset, client];
