// The string commands (GET, SET, INCR, APPEND...), one file each.

import type { AnyCommand } from '../registry';
import { get } from './get';
import { set } from './set';

export const stringCommands: readonly AnyCommand[] = [get, set];
