// The connection commands (PING, QUIT, HELLO, CLIENT...), one file each.

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
