// The configuration parameters this server has, by Redis's names: what CONFIG GET
// shows and what CONFIG SET may change. One table, so the two commands cannot drift.
//
// Each parameter is one of three kinds:
//   - immutable: fixed when the server started (port, bind...). CONFIG SET gets Redis's
//     own "can't set immutable config".
//   - settable: CONFIG SET validates the value as Redis does (same error texts) and
//     stores it in ServerState.config.
//   - fixed: what this server honours is one value only (no persistence, so `save` is
//     "" and `appendonly` is no). The value is validated as Redis would, then anything
//     but that one value is refused with the reason. Accepting it silently would tell a
//     client that asked for durability or a password that it has one. Setting the value
//     the server already has succeeds, so test setups that say `CONFIG SET save ""`
//     keep working.
//
// Parameters Redis has and this table lacks are unknown here: CONFIG GET returns
// nothing for them and CONFIG SET answers "Unknown option".

import { parseLongLongExact } from '../../../protocol/integer';
import type { ServerState } from '../../server-state';

/** A validated value, or the reason it is refused (what follows " - " in the error). */
export type Validation = { readonly value: string } | { readonly error: string };

export interface Parameter {
  readonly name: string;
  /** The value until CONFIG SET changes it. */
  readonly initial: (server: ServerState) => string;
  /** Checks a new value; absent for an immutable parameter. */
  readonly validate?: (value: string) => Validation;
}

const INT_MAX = 2147483647n;
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

export const PARAMETERS: readonly Parameter[] = [
  // Set from the command line; the server layer may record them in ServerState.config.
  { name: 'bind', initial: constant('127.0.0.1') },
  { name: 'port', initial: (server) => String(server.port) },
  // One database, db 0: SELECT answers any other index "DB index is out of range".
  { name: 'databases', initial: constant('1') },
  // Connections served at once (the mergeMap limit): more wait for a slot.
  { name: 'maxclients', initial: constant('250') },
  // The largest bulk string a request may carry: checked by the decoder, fixed.
  {
    name: 'proto-max-bulk-len',
    initial: constant('536870912'),
    validate: fixed(memoryBetween(1048576n, LLONG_MAX), '536870912', "this server's protocol limits are fixed"),
  },
  { name: 'timeout', initial: constant('0'), validate: fixed(integerBetween(0n, INT_MAX), '0', 'this server never closes idle clients') },
  { name: 'save', initial: constant(''), validate: fixed(saveParameters, '', 'this server keeps no data on disk') },
  { name: 'appendonly', initial: constant('no'), validate: fixed(yesNo, 'no', 'this server keeps no data on disk') },
  { name: 'requirepass', initial: constant(''), validate: fixed((value) => ({ value }), '', 'this server has no authentication') },
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
  {
    name: 'notify-keyspace-events',
    initial: constant(''),
    validate: fixed(keyspaceEvents, '', 'this server sends no keyspace notifications'),
  },
];

const byName = new Map(PARAMETERS.map((parameter) => [parameter.name, parameter]));

/** The parameter called `name` (any case), if this server has it. */
export const parameterNamed = (name: string): Parameter | undefined => byName.get(name.toLowerCase());

/** The current value: what CONFIG SET stored, or the initial value. */
export const configValue = (server: ServerState, parameter: Parameter): string =>
  server.config.get(parameter.name) ?? parameter.initial(server);
