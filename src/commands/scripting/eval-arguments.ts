// EVAL's arguments, shared by EVAL, EVALSHA, EVAL_RO, EVALSHA_RO (and FCALL's, which
// have the same shape): `script numkeys [key ...] [arg ...]`, checked as Redis checks
// them in evalGenericCommand, and the key specification COMMAND INFO shows for them.

import type { EvalRequest } from '../../scripting/eval-scripts';
import { type KeySpec, NOT_AN_INTEGER, ReplyError } from '../command';
import { parseLongLongExact } from '../../protocol/integer';

const TOO_MANY_KEYS = new ReplyError("ERR Number of keys can't be greater than number of args");
const NOSCRIPT = new ReplyError('NOSCRIPT No matching script. Please use EVAL.');
const NEGATIVE_KEYS = new ReplyError("ERR Number of keys can't be negative");

/** numkeys, then the keys and the arguments. */
export function parseKeysAndArgs(args: readonly Buffer[]): { keys: readonly Buffer[]; args: readonly Buffer[] } | ReplyError {
  const numkeys = parseLongLongExact(args[1], 0, args[1].length);
  if (numkeys === null) return NOT_AN_INTEGER;
  if (numkeys > BigInt(args.length - 2)) return TOO_MANY_KEYS;
  if (numkeys < 0n) return NEGATIVE_KEYS;
  const n = Number(numkeys);
  return { keys: args.slice(2, 2 + n), args: args.slice(2 + n) };
}

/** The parse step of an EVAL-family command. */
export function parseEval(bySha: boolean, readOnly: boolean): (args: readonly Buffer[]) => EvalRequest | ReplyError {
  return (args) => {
    // EVALSHA checks the sha's length before anything else (evalShaCommand).
    if (bySha && args[0].length !== 40) return NOSCRIPT;
    const rest = parseKeysAndArgs(args);
    if (rest instanceof ReplyError) return rest;
    return { script: args[0], bySha, readOnly, ...rest };
  };
}

/** The key specification of EVAL and its kin: numkeys at argument 2, the keys after it. */
export const scriptKeySpecs = (readOnly: boolean, notes: boolean): readonly KeySpec[] => [
  {
    ...(notes
      ? { notes: `We cannot tell how the keys will be used so we assume the worst, ${readOnly ? 'RO and ACCESS' : 'RW and UPDATE'} flags` }
      : {}),
    flags: readOnly ? ['RO', 'access'] : ['RW', 'access', 'update'],
    begin: { index: 2 },
    find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 },
  },
];
