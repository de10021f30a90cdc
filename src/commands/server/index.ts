// The server commands (INFO, CONFIG, COMMAND, TIME), one file (or folder, for a
// container) each.
//
// CONFIG, COMMAND (and CLIENT, in connection/) are containers: their file declares the
// subcommands (`config|get`...), and the dispatcher routes `CONFIG GET x` to them, with
// Redis's errors for unknown subcommands. Only the container is listed here.
//
// How groups work: each group folder exports ONE list of CommandSpecs, and
// src/commands/index.ts registers every group's list at start-up. A command is added by
// adding its file and one entry here, nothing else: no central switch to edit, so
// contributors working on different groups never touch the same lines, and the
// registry stays a plain Map filled once (lookups on the hot path are one Map.get).
// The order of the list is the order COMMAND and COMMAND DOCS list the commands in.

import type { AnyCommand } from '../registry';
import { command } from './command/command';
import { config } from './config/config';
import { info } from './info';
import { time } from './time';
import { debug } from './debug/debug';
import { memory } from './memory/memory';

export const serverCommands: readonly AnyCommand[] = [info, config, command, time, debug, memory];
