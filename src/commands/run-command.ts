// Running a command that passed its checks: parse its arguments, apply it, and end it
// (the Db's sweep of aggregates left empty). One path for every caller: the dispatcher
// (at once, or later from EXEC's queue) and a script's redis.call (script-call.ts), so
// a command behaves the same whoever runs it.

import type { Observable } from 'rxjs';
import type { BulkFrame, Replies } from '../protocol/frame';
import { oneLine } from '../protocol/one-line';
import { type ConnectionContext, ReplyError, SubcommandSyntaxError } from './command';
import type { AnyCommand } from './registry';

/** Parses and runs a checked command (at once, or later from EXEC's queue). */
export function run(spec: AnyCommand, items: readonly BulkFrame[], argsStart: number, context: ConnectionContext): Replies | Observable<Replies> {
  context.server.stats.commandsProcessed++;
  const parsed: unknown =
    spec.parseBulks !== undefined ? spec.parseBulks(items.slice(argsStart)) : spec.parse(valuesOf(items, argsStart));
  if (parsed instanceof SubcommandSyntaxError) {
    const container = spec.name.split('|')[0].toUpperCase();
    return {
      type: 'error',
      value: oneLine(`ERR unknown subcommand or wrong number of arguments for '${cString(items[1].value).slice(0, 128)}'. Try ${container} HELP.`),
    };
  }
  if (parsed instanceof ReplyError) return parsed.frame;
  const replies = spec.apply(parsed, context);
  // The end of the command: the Db sweeps the aggregates it created and left empty.
  context.db.endCommand();
  return replies;
}

/** The arguments' bytes from `start` on (a ChunkedBulk is joined here). */
export function valuesOf(items: readonly BulkFrame[], start = 0): Buffer[] {
  const args: Buffer[] = new Array<Buffer>(items.length - start);
  for (let i = start; i < items.length; i++) args[i - start] = items[i].value;
  return args;
}

// Redis prints arguments with printf's %s, which stops at a NUL byte, and then turns
// \r and \n into spaces so the error stays one line.
export const cString = (arg: Buffer): string => {
  const nul = arg.indexOf(0);
  return (nul === -1 ? arg : arg.subarray(0, nul)).toString('latin1');
};

