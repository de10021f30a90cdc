// One DEBUG subcommand, as debug.ts dispatches it. DEBUG is not a container in Redis
// (COMMAND INFO lists no subcommands for it: it is one function comparing its first
// argument with each name in turn), so neither is it here: its subcommands are plain
// entries of a table, each in its own file, each with the argument count Redis accepts
// for it. A name with the wrong count falls through to Redis's "unknown subcommand or
// wrong number of arguments" error, exactly as Redis's if/else chain does.

import type { ConnectionContext, Replies } from '../../command';

export interface DebugSubcommand {
  /** Lower case, as DEBUG HELP lists it (in upper case). */
  readonly name: string;
  /** Whether Redis runs it with this many arguments, counting DEBUG and the subcommand's name. */
  accepts(argc: number): boolean;
  /** `args`: the arguments after the subcommand's name. */
  run(args: readonly Buffer[], context: ConnectionContext): Replies;
}

/** Exactly `n` arguments, DEBUG and the name included. */
export const exactly =
  (n: number) =>
  (argc: number): boolean =>
    argc === n;
