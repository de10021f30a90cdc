// The connection commands (PING, QUIT, HELLO, CLIENT...), one file each.

import type { AnyCommand } from '../registry';
import { ping } from './ping';
import { quit } from './quit';
import { host, post } from './security-warning';

export const connectionCommands: readonly AnyCommand[] = [ping, quit, host, post];
