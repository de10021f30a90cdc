// The configuration parameters this server has, by Redis's names: what CONFIG GET
// shows and what CONFIG SET may change. One table, so the two commands cannot drift.
//
// Each parameter is one of three kinds:
//   - immutable: fixed when the server started (port, bind...). CONFIG SET gets Redis's
//     own "can't set immutable config".
//   - settable: CONFIG SET validates the value as Redis does (same error texts) and
//     stores it in ServerState.config. The server layer reads the limits it enforces
//     (requirepass, timeout, maxclients, protected-mode, client-query-buffer-limit,
//     client-output-buffer-limit) from there, so a change takes effect at once.
//   - fixed: what this server honours is one value only (no persistence, so `save` is
//     "" and `appendonly` is no). The value is validated as Redis would, then anything
//     but that one value is refused with the reason. Accepting it silently would tell a
//     client that asked for durability or a password that it has one. Setting the value
//     the server already has succeeds, so test setups that say `CONFIG SET save ""`
//     keep working.
//
// Parameters Redis has and this table lacks are unknown here: CONFIG GET returns
// nothing for them and CONFIG SET answers "Unknown option".
//
// The encoding thresholds (hash-max-listpack-entries...) are a fourth kind: their value
// lives in the Db's shared limits object (db.limits), which every aggregate reads when
// it grows, so CONFIG SET writes there and the next conversion follows the new limit.
// The table only names the field (`limit`); CONFIG GET reads it back from the Db. The
// text as set is kept beside it in ServerState.config, because a limit may be as large
// as LONG_MAX and a JS number would print 9223372036854775807 rounded.
//
// Aliases (hash-max-ziplist-entries for hash-max-listpack-entries) are entries of their
// own, as in Redis 7.0, whose config table holds an alias as a second config sharing
// the first one's storage: CONFIG GET * lists both names, an error names the one that
// was given, and setting a name and its alias in one CONFIG SET is not a "duplicate".

import type { Db } from '../../../db/db';
import type { EncodingLimits } from '../../../db/types/aggregate';
import { parseLongLongExact } from '../../../protocol/integer';
import type { ServerState } from '../../server-state';

/** A validated value, or the reason it is refused (what follows " - " in the error). */
export type Validation = { readonly value: string } | { readonly error: string };

export interface Parameter {
  readonly name: string;
  /** The value until CONFIG SET changes it. */
  readonly initial: (server: ServerState) => string;
  /** Checks a new value; absent for an immutable parameter. `current` is the value it replaces. */
  readonly validate?: (value: string, current: string) => Validation;
  /** An encoding threshold: the field of the Db's limits object that holds the value. */
  readonly limit?: keyof EncodingLimits;
  /** Where the value is kept in ServerState.config when not under `name`: an alias shares its parameter's. */
  readonly storedAs?: string;
}

/** What reading or writing a parameter needs: the server's config, and the Db (for the encoding thresholds). */
export interface ConfigScope {
  readonly server: ServerState;
  readonly db: Db;
}

const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
const LONG_MAX = 9223372036854775807n;
const LLONG_MAX = 9223372036854775807n;
const ULLONG_MAX = 2n ** 64n - 1n;

const yesNo = (value: string): Validation => {
  const v = value.toLowerCase();
  return v === 'yes' || v === 'no' ? { value: v } : { error: "argument must be 'yes' or 'no'" };
};

const integerBetween =
  (min: bigint, max: bigint) =>
  (value: string): Validation => {
    const bytes = Buffer.from(value, 'latin1');
    const n = parseLongLongExact(bytes, 0, bytes.length);
    if (n === null) return { error: "argument couldn't be parsed into an integer" };
    if (n < min || n > max) return { error: `argument must be between ${min} and ${max} inclusive` };
    return { value: String(n) };
  };

/** Redis's memtoull: digits, then an optional unit (b, k, kb, m, mb, g, gb), any case. */
const memory = (value: string): Validation => {
  const match = /^([0-9]*)(b|k|kb|m|mb|g|gb)?$/i.exec(value);
  if (match === null) return { error: 'argument must be a memory value' };
  const units: Record<string, bigint> = {
    ...{ b: 1n, k: 1000n, kb: 1024n },
    ...{ m: 1000n ** 2n, mb: 1024n ** 2n, g: 1000n ** 3n, gb: 1024n ** 3n },
  };
  const bytes = BigInt(match[1] === '' ? '0' : match[1]) * units[(match[2] ?? 'b').toLowerCase()];
  // strtoull saturates instead of failing.
  return { value: String(bytes > ULLONG_MAX ? ULLONG_MAX : bytes) };
};

const memoryBetween =
  (min: bigint, max: bigint) =>
  (value: string): Validation => {
    const checked = memory(value);
    if ('error' in checked) return checked;
    const bytes = BigInt(checked.value);
    return bytes < min || bytes > max ? { error: `argument must be between ${min} and ${max} inclusive` } : checked;
  };

const oneOf =
  (...choices: string[]) =>
  (value: string): Validation => {
    const v = value.toLowerCase();
    return choices.includes(v) ? { value: v } : { error: `argument(s) must be one of the following: ${choices.join(', ')}` };
  };

/**
 * `save`: "" for none, or "seconds changes" pairs, seconds >= 1 and changes >= 0. As in
 * Redis, the words are split at every single space and read with strtoll, so an empty
 * word counts as 0 and a stray space makes the value invalid.
 */
const saveParameters = (value: string): Validation => {
  if (value === '') return { value };
  const words = value.split(' ');
  const number = (word: string): number | undefined => (word === '' ? 0 : /^\s*[+-]?[0-9]+$/.test(word) ? Number(word) : undefined);
  const valid = words.length % 2 === 0 && words.every((word, i) => (number(word) ?? -1) >= (i % 2 === 0 ? 1 : 0));
  return valid ? { value: words.map((word) => String(number(word))).join(' ') } : { error: 'Invalid save parameters' };
};

const keyspaceEvents = (value: string): Validation =>
  /^[Ag$lshzxeKEtmdn]*$/.test(value) ? { value } : { error: "Invalid event class character. Use 'Ag$lshzxeKEtmdn'." };

/** Validates as Redis would, then accepts only `only`, the one value this server honours. */
const fixed =
  (check: (value: string) => Validation, only: string, reason: string) =>
  (value: string): Validation => {
    const checked = check(value);
    if ('error' in checked || checked.value === only) return checked;
    return { error: `${reason}, so only '${only}' is supported` };
  };

const constant = (value: string) => (): string => value;

/** One client class's output buffer limits: hard and soft limits in bytes (0: none). */
export interface BufferLimit {
  readonly hard: bigint;
  readonly soft: bigint;
  /** How long the soft limit may be exceeded before the client is closed. */
  readonly softSeconds: number;
}

/** The classes of client-output-buffer-limit, by Redis's canonical names. */
export type ClientClass = 'normal' | 'slave' | 'pubsub';
export type OutputBufferLimits = Readonly<Record<ClientClass, BufferLimit>>;

export const DEFAULT_OUTPUT_BUFFER_LIMITS = 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60';

const CLASS_NAMES: Readonly<Record<string, ClientClass>> = { normal: 'normal', slave: 'slave', replica: 'slave', pubsub: 'pubsub' };

/**
 * Reads client-output-buffer-limit's syntax, `<class> <hard> <soft> <soft seconds>`
 * repeated, over the `current` limits (classes not named keep theirs). As in Redis the
 * words are split at every single space, sizes are memory values (`32mb`), seconds are
 * read with strtoll and kept in a C int, and the first bad word decides the error.
 */
export function parseOutputBufferLimits(value: string, current: OutputBufferLimits): OutputBufferLimits | { readonly error: string } {
  if (value === '') return current;
  const words = value.split(' ');
  if (words.length % 4 !== 0) return { error: 'Wrong number of arguments in buffer limit configuration.' };
  const badValue = { error: 'Error in hard, soft or soft_seconds setting in buffer limit configuration.' };
  const limits: Record<ClientClass, BufferLimit> = { ...current };
  for (let i = 0; i < words.length; i += 4) {
    const name = CLASS_NAMES[words[i].toLowerCase()];
    if (name === undefined) return { error: 'Invalid client class specified in buffer limit configuration.' };
    const hard = memory(words[i + 1]);
    if ('error' in hard) return badValue;
    const soft = memory(words[i + 2]);
    if ('error' in soft) return badValue;
    const secondsText = words[i + 3];
    if (secondsText !== '' && !/^\s*[+-]?[0-9]+$/.test(secondsText)) return badValue;
    const seconds = secondsText === '' ? 0n : BigInt(secondsText.trim());
    if (seconds < 0n || seconds > LLONG_MAX) return badValue;
    limits[name] = { hard: BigInt(hard.value), soft: BigInt(soft.value), softSeconds: Number(BigInt.asIntN(32, seconds)) };
  }
  return limits;
}

/** The value as CONFIG GET shows it: every class, in bytes and seconds. */
export const formatOutputBufferLimits = (limits: OutputBufferLimits): string =>
  (['normal', 'slave', 'pubsub'] as const)
    .map((name) => `${name} ${limits[name].hard} ${limits[name].soft} ${limits[name].softSeconds}`)
    .join(' ');

const DEFAULT_LIMITS = parseOutputBufferLimits(DEFAULT_OUTPUT_BUFFER_LIMITS, {
  normal: { hard: 0n, soft: 0n, softSeconds: 0 },
  slave: { hard: 0n, soft: 0n, softSeconds: 0 },
  pubsub: { hard: 0n, soft: 0n, softSeconds: 0 },
}) as OutputBufferLimits;

const outputBufferLimits = (value: string, current: string): Validation => {
  const before = parseOutputBufferLimits(current, DEFAULT_LIMITS);
  const after = parseOutputBufferLimits(value, 'error' in before ? DEFAULT_LIMITS : before);
  return 'error' in after ? after : { value: formatOutputBufferLimits(after) };
};

/** An encoding threshold, and its alias if it has one: two entries sharing one field of db.limits. */
const limit = (
  name: string,
  alias: string | undefined,
  field: keyof EncodingLimits,
  validate: (value: string) => Validation,
): Parameter[] => {
  const entry = (shownAs: string): Parameter => ({ name: shownAs, initial: constant(''), validate, limit: field });
  return alias === undefined ? [entry(name)] : [entry(name), entry(alias)];
};

export const PARAMETERS: readonly Parameter[] = [
  // Set from the command line; the server layer may record them in ServerState.config.
  { name: 'bind', initial: constant('127.0.0.1') },
  { name: 'port', initial: (server) => String(server.port) },
  // One database, db 0: SELECT answers any other index "DB index is out of range".
  { name: 'databases', initial: constant('1') },
  // Open connections, served or waiting for a slot: beyond it, "max number of clients reached".
  { name: 'maxclients', initial: constant('10000'), validate: integerBetween(1n, 4294967295n) },
  // The largest bulk string a request may carry: checked by the decoder, fixed.
  {
    name: 'proto-max-bulk-len',
    initial: constant('536870912'),
    validate: fixed(memoryBetween(1048576n, LLONG_MAX), '536870912', "this server's protocol limits are fixed"),
  },
  // Seconds a client may stay idle (0: forever); subscribers are exempt.
  { name: 'timeout', initial: constant('0'), validate: integerBetween(0n, INT_MAX) },
  { name: 'save', initial: constant(''), validate: fixed(saveParameters, '', 'this server keeps no data on disk') },
  { name: 'appendonly', initial: constant('no'), validate: fixed(yesNo, 'no', 'this server keeps no data on disk') },
  // The default user's password ('' for none: the user is nopass).
  { name: 'requirepass', initial: constant(''), validate: (value) => ({ value }) },
  // Without a password, clients that are not on the loopback interface are refused.
  { name: 'protected-mode', initial: constant('yes'), validate: yesNo },
  // Unparsed input beyond this closes the client.
  { name: 'client-query-buffer-limit', initial: constant('1073741824'), validate: memoryBetween(1048576n, LLONG_MAX) },
  // Per client class: unwritten output beyond the hard limit, or beyond the soft limit
  // for longer than the seconds, closes the client. This server applies normal and pubsub.
  { name: 'client-output-buffer-limit', initial: constant(DEFAULT_OUTPUT_BUFFER_LIMITS), validate: outputBufferLimits },
  { name: 'maxmemory', initial: constant('0'), validate: fixed(memory, '0', 'this server has no memory limit') },
  // Harmless to store: like Redis with maxmemory 0, the policy never comes into play.
  {
    name: 'maxmemory-policy',
    initial: constant('noeviction'),
    validate: oneOf(
      ...['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl'],
      ...['allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'],
    ),
  },
  // Fixed at start-up (--enable-debug-command): whether DEBUG runs, for anyone or only
  // for local connections. Immutable in Redis too.
  { name: 'enable-debug-command', initial: constant('no') },
  // The encoding thresholds (see the opening comment), with Redis 7.0's types: entry
  // counts are size_t configs read as integers, byte sizes are memory values (`1kb`).
  ...limit('hash-max-listpack-entries', 'hash-max-ziplist-entries', 'hashMaxListpackEntries', integerBetween(0n, LONG_MAX)),
  ...limit('hash-max-listpack-value', 'hash-max-ziplist-value', 'hashMaxListpackValue', memoryBetween(0n, LONG_MAX)),
  ...limit('set-max-intset-entries', undefined, 'setMaxIntsetEntries', integerBetween(0n, LONG_MAX)),
  ...limit('zset-max-listpack-entries', 'zset-max-ziplist-entries', 'zsetMaxListpackEntries', integerBetween(0n, LONG_MAX)),
  ...limit('zset-max-listpack-value', 'zset-max-ziplist-value', 'zsetMaxListpackValue', memoryBetween(0n, LONG_MAX)),
  ...limit('list-max-listpack-size', 'list-max-ziplist-size', 'listMaxListpackSize', integerBetween(INT_MIN, INT_MAX)),
  ...limit('list-compress-depth', undefined, 'listCompressDepth', integerBetween(0n, INT_MAX)),
  // How long a script may run (ms) before it is stopped (see src/scripting/lua-state.ts);
  // lua-time-limit is its older name, sharing the value.
  { name: 'busy-reply-threshold', initial: constant('5000'), validate: integerBetween(0n, LONG_MAX) },
  { name: 'lua-time-limit', initial: constant('5000'), validate: integerBetween(0n, LONG_MAX), storedAs: 'busy-reply-threshold' },
  {
    name: 'notify-keyspace-events',
    initial: constant(''),
    validate: fixed(keyspaceEvents, '', 'this server sends no keyspace notifications'),
  },
];

const byName = new Map(PARAMETERS.map((parameter) => [parameter.name, parameter]));

/** The parameter called `name` (any case), if this server has it. */
export const parameterNamed = (name: string): Parameter | undefined => byName.get(name.toLowerCase());

/** Where the text of an encoding threshold is kept, beside its number in db.limits (shared by a name and its alias). */
const limitText = (field: keyof EncodingLimits): string => `limit:${field}`;

/** The current value: what CONFIG SET stored, or the initial value; an encoding threshold as the Db has it. */
export function configValue({ server, db }: ConfigScope, parameter: Parameter): string {
  if (parameter.limit === undefined) return server.config.get(parameter.storedAs ?? parameter.name) ?? parameter.initial(server);
  const value = db.limits[parameter.limit];
  // The text as set, if it still says the number the Db holds (exact beyond 2^53).
  const text = server.config.get(limitText(parameter.limit));
  return text !== undefined && Number(text) === value ? text : String(value);
}

/** Stores a validated value: in the config, or, for an encoding threshold, in db.limits. */
export function storeValue({ server, db }: ConfigScope, parameter: Parameter, value: string): void {
  if (parameter.limit === undefined) {
    server.config.set(parameter.storedAs ?? parameter.name, value);
    return;
  }
  db.limits[parameter.limit] = Number(value);
  server.config.set(limitText(parameter.limit), value);
}
