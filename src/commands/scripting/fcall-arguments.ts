// FCALL's and FCALL_RO's arguments: `function numkeys [key ...] [arg ...]`, checked as
// Redis's fcallCommandGeneric checks them. The function is looked up first, so an
// unknown function answers "Function not found" whatever numkeys says; a numkeys that
// is not a number has FCALL's own text ("Bad number of keys provided"), not EVAL's.

import { type KeySpec, ReplyError } from '../command';
import { parseLongLongExact } from '../../protocol/integer';

export interface FcallRequest {
  readonly name: string;
  /** numkeys as given; checked in apply, after the function is found. */
  readonly numkeys: Buffer;
  readonly rest: readonly Buffer[];
  readonly readOnly: boolean;
}

export const parseFcall =
  (readOnly: boolean) =>
  (args: readonly Buffer[]): FcallRequest => ({ name: args[0].toString('latin1'), numkeys: args[1], rest: args.slice(2), readOnly });

/** numkeys read: the keys and the arguments, or the error. */
export function splitKeys(request: FcallRequest): { keys: readonly Buffer[]; args: readonly Buffer[] } | ReplyError {
  const numkeys = parseLongLongExact(request.numkeys, 0, request.numkeys.length);
  if (numkeys === null) return new ReplyError('ERR Bad number of keys provided');
  if (numkeys > BigInt(request.rest.length)) return new ReplyError("ERR Number of keys can't be greater than number of args");
  if (numkeys < 0n) return new ReplyError("ERR Number of keys can't be negative");
  const n = Number(numkeys);
  return { keys: request.rest.slice(0, n), args: request.rest.slice(n) };
}

/** FCALL's key specification: as EVAL's (numkeys at argument 2), noted as Redis notes it. */
export const fcallKeySpecs = (readOnly: boolean): readonly KeySpec[] => [
  {
    notes: `We cannot tell how the keys will be used so we assume the worst, ${readOnly ? 'RO and ACCESS' : 'RW and UPDATE'} flags`,
    flags: readOnly ? ['RO', 'access'] : ['RW', 'access', 'update'],
    begin: { index: 2 },
    find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 },
  },
];
