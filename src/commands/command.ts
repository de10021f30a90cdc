// What a command is. Each command lives in its own file (as in mini-redis's cmd/ folder)
// and exports one CommandSpec: its name and arity, a `parse` step that turns the
// arguments into a typed value (or Redis's error), and an `apply` step that runs it.
//
// `apply` is synchronous and returns reply Frames: a command is a plain function of the
// state. Two things are streams instead: pub/sub, owned by the connection (see
// ConnectionContext.subscribe), and the reply of a blocking command that cannot answer
// yet (BLPOP on empty lists), which `apply` returns as an Observable (see blocking.ts).

import type { Observable } from 'rxjs';
import type { BulkFrame, Frame, Replies } from '../protocol/frame';
import type { ProtocolVersion } from '../protocol/encode';
import type { Db } from '../db/db';
import type { ClientInfo, ServerState } from './server-state';
import type { TransactionState } from './transactions/state';

/** An error reply. Its message is what follows `-` on the wire, e.g. `ERR syntax error`. */
export class ReplyError {
  constructor(readonly message: string) {}
  get frame(): Frame {
    return { type: 'error', value: this.message };
  }
}

/**
 * Redis's addReplySubcommandSyntaxError: "unknown subcommand or wrong number of
 * arguments for 'X'. Try CONTAINER HELP." The dispatcher fills in the subcommand as the
 * client typed it, so a subcommand's parse can just return this.
 */
export class SubcommandSyntaxError extends ReplyError {
  constructor() {
    super('ERR unknown subcommand or wrong number of arguments');
  }
}
export const SUBCOMMAND_SYNTAX_ERROR = new SubcommandSyntaxError();

/** Redis's shared error texts (server.c, createSharedObjects). */
export const SYNTAX_ERROR = new ReplyError('ERR syntax error');
export const NOT_AN_INTEGER = new ReplyError('ERR value is not an integer or out of range');

/** What a command sees of the connection that runs it. */
export interface ConnectionContext {
  readonly db: Db;
  /** Server-wide state: clients, stats, config. */
  readonly server: ServerState;
  /** This connection, as CLIENT LIST shows it. */
  readonly client: ClientInfo;
  /** Channels plus patterns subscribed to: while non-zero, the connection is in subscribed mode. */
  readonly subscriptionCount: number;
  /** Subscribes to `channel` (once, however often asked); returns the new count. */
  subscribe(channel: string): number;
  /** Unsubscribes from `channel`, if subscribed; returns the new count. */
  unsubscribe(channel: string): number;
  /** The channels subscribed to, oldest first. */
  channels(): readonly string[];
  /** Subscribes to a glob pattern (PSUBSCRIBE); returns the new count. */
  psubscribe(pattern: string): number;
  /** Unsubscribes from a pattern, if subscribed; returns the new count. */
  punsubscribe(pattern: string): number;
  /** The patterns subscribed to, oldest first. */
  patterns(): readonly string[];
  /** The protocol this connection speaks (HELLO switches it). */
  readonly protocol: ProtocolVersion;
  /** Switches the protocol, from the next reply on. */
  setProtocol(version: ProtocolVersion): void;
  /** Ends the connection once this command's reply is written (QUIT). */
  closeAfterReply(): void;
  /**
   * MULTI's queue and WATCH's keys (transactions/state.ts). Optional so that a bare test
   * context needs none: without it, the connection simply cannot start a transaction.
   */
  readonly transaction?: TransactionState;
  /** A script's redis.call runs the command (Redis's CLIENT_SCRIPT): SORT then orders a set. */
  readonly fromScript?: boolean;
}

// A reply, or several: defined beside Frame (protocol/frame.ts), so that modules this one
// imports (the transaction state) need not import this one back.
export type { Replies } from '../protocol/frame';

/** Where a command's keys are, as COMMAND INFO reports it (1-based argument positions). */
export interface KeyPositions {
  readonly first: number;
  /** The last key's position; -1 means the last argument. */
  readonly last: number;
  readonly step: number;
}

/**
 * One key specification, as COMMAND INFO lists them (Redis 7's key-specs): how to find
 * a group of keys in a request, and what the command does to them. Cluster-aware
 * clients and COMMAND GETKEYS read them; the `keys` positions are their legacy summary.
 */
export interface KeySpec {
  /** Redis's note on a spec it cannot describe exactly (SORT's BY/GET and STORE). */
  readonly notes?: string;
  /**
   * Access flags, in Redis's order: `RO` `RW` `OW` `RM`, then `access` `update` `insert`
   * `delete`, then `not_key` `incomplete` `variable_flags`.
   */
  readonly flags: readonly string[];
  /**
   * Where the search starts: a fixed argument (`{ index: 1 }`, the command name being 0),
   * the argument after a keyword (`{ keyword: 'STORE', startFrom: 1 }`, a negative
   * startFrom searching backwards from the end), or `'unknown'`.
   */
  readonly begin: { readonly index: number } | { readonly keyword: string; readonly startFrom: number } | 'unknown';
  /**
   * Which keys follow the start: a range (`lastKey` relative to the start, -1 the last
   * argument; `keyStep` 1 and `limit` 0 by default), a count read from an argument
   * (`keyNumIndex` relative to the start; the keys begin `firstKey` after the start), or
   * `'unknown'`.
   */
  readonly find:
    | { readonly lastKey: number; readonly keyStep?: number; readonly limit?: number }
    | { readonly keyNumIndex: number; readonly firstKey: number; readonly keyStep: number }
    | 'unknown';
}

/**
 * One argument as COMMAND DOCS documents it (Redis's argument tree, which redis-cli
 * turns into its hints). Only for commands whose one-line `syntax` cannot say it all:
 * Redis's own argument names (`condition` for NX|XX), types (`integer`, `double`) and
 * the version that added an argument.
 */
export interface DocArgument {
  readonly name: string;
  /** `string` `integer` `double` `key` `pattern` `unix-time` `pure-token` `oneof` `block`. */
  readonly type: string;
  /** For a `key`: the index of its key specification (COMMAND INFO's key-specs). */
  readonly keySpecIndex?: number;
  readonly token?: string;
  readonly summary?: string;
  readonly since?: string;
  readonly deprecatedSince?: string;
  /** `optional`, `multiple`, `multiple_token`, in that order. */
  readonly flags?: readonly string[];
  /** The members of a `oneof` or a `block`. */
  readonly arguments?: readonly DocArgument[];
}

export interface CommandSpec<Parsed = readonly Buffer[]> {
  /** Lower case, as Redis names commands in its error texts (`client|setname` for a subcommand). */
  readonly name: string;
  /** Redis's command flags, as COMMAND INFO lists them (`write`, `readonly`, `fast`...). */
  readonly flags?: readonly string[];
  /** ACL categories, e.g. `@string`, `@read`, `@fast`. */
  readonly categories?: readonly string[];
  /** Key positions, for COMMAND INFO and COMMAND GETKEYS. None: the command takes no keys. */
  readonly keys?: KeyPositions;
  /** One-line description, for COMMAND DOCS (redis-cli's hints). */
  readonly summary?: string;
  /** The Redis version that introduced the command, and its group (COMMAND DOCS). */
  readonly since?: string;
  readonly group?: string;
  /** Argument hint for redis-cli, e.g. `key value [NX|XX]`. */
  readonly syntax?: string;
  /**
   * Redis's key specifications (COMMAND INFO, COMMAND GETKEYS). Without them, one range
   * spec is derived from `keys`, flagged RW/update or RO/access by the command's flags,
   * which is right only for the simplest commands.
   */
  readonly keySpecs?: readonly KeySpec[];
  /** Redis's command tips (COMMAND INFO), e.g. `nondeterministic_output`. */
  readonly tips?: readonly string[];
  /**
   * COMMAND DOCS's argument tree, Redis's own. Without it the arguments are read from
   * `syntax`, with types guessed from the names.
   */
  readonly arguments?: readonly DocArgument[];
  /** COMMAND DOCS's time complexity text. */
  readonly complexity?: string;
  /** COMMAND DOCS's history: [version, change] pairs. */
  readonly history?: readonly (readonly [string, string])[];
  /** COMMAND DOCS's doc_flags (`deprecated`, `syscmd`), deprecated_since and replaced_by. */
  readonly docFlags?: readonly string[];
  readonly deprecatedSince?: string;
  readonly replacedBy?: string;
  /**
   * For a container command (CLIENT, CONFIG, COMMAND, PUBSUB): its subcommands, each a
   * CommandSpec named `container|sub` whose arity counts the container's name too.
   * The dispatcher routes `CLIENT SETNAME x` to `client|setname`.
   */
  readonly subcommands?: readonly CommandSpec<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * Redis's arity, the command name included: `n` means exactly n arguments, `-n` at
   * least n. The dispatcher checks it before `parse` runs.
   */
  readonly arity: number;
  /** Allowed in subscribed mode (RESP2): SUBSCRIBE, UNSUBSCRIBE, PING, QUIT. */
  readonly pubsubContext?: boolean;
  /** Arguments (after the command name) -> a typed command, or an error reply. */
  parse(args: readonly Buffer[]): Parsed | ReplyError;
  /**
   * Used instead of `parse` when present: the arguments as the bulk frames they came
   * in. A large argument that arrived in several network chunks is then a ChunkedBulk,
   * which a command that only stores it (SET) can keep in its pieces; reading its
   * `value` joins it. Every other command gets joined Buffers through `parse`.
   */
  parseBulks?(args: readonly BulkFrame[]): Parsed | ReplyError;
  /**
   * What the command needs before it can run synchronously and is not there yet (the
   * Lua engine, loaded on first use): an Observable that completes once it is. The
   * dispatcher runs the command when it does (the connection's later commands waiting
   * behind it, as behind a blocked command), and EXEC waits for its queued commands'
   * needs before running any of them. Undefined when the command can run at once.
   */
  prepare?(): Observable<unknown> | undefined;
  /**
   * Runs the command. Synchronous: the replies, or, for a blocking command that cannot
   * answer yet, an Observable of them (`block()` in blocking.ts) that the session waits
   * on before running the connection's next command.
   */
  apply(command: Parsed, context: ConnectionContext): Replies | Observable<Replies>;
}

/** Keys and channel names are byte strings: latin1 maps each byte to one char and back. */
export const keyOf = (arg: Buffer): string => arg.toString('latin1');

/** A command that takes its arguments as they are. */
// For commands whose arity check says everything (PING, DBSIZE...): nothing to parse,
// and no allocation on the way.
export const rawArguments = (args: readonly Buffer[]): readonly Buffer[] => args;
