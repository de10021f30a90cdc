// The server commands (INFO, CONFIG, COMMAND, TIME), one file (or folder, for a
// container) each.

import type { AnyCommand } from '../registry';
import { command } from './command/command';
import { config } from './config/config';
import { info } from './info';
import { time } from './time';

export const serverCommands: readonly AnyCommand[] = [info, config, command, time];
