// The argument shapes the hash commands share: `key field` (HGET, HEXISTS, HSTRLEN),
// `key field [field ...]` (HMGET, HDEL) and `key` alone (HLEN, HGETALL...). Fields are
// byte strings, read as latin1 like keys, so any bytes round-trip.

import { keyOf } from '../command';

export interface KeyField {
  readonly key: string;
  readonly field: string;
}

export interface KeyFields {
  readonly key: string;
  readonly fields: readonly string[];
}

export const parseKeyField = (args: readonly Buffer[]): KeyField => ({ key: keyOf(args[0]), field: keyOf(args[1]) });

export const parseKeyFields = (args: readonly Buffer[]): KeyFields => ({
  key: keyOf(args[0]),
  fields: args.slice(1).map(keyOf),
});

export const parseKey = (args: readonly Buffer[]): string => keyOf(args[0]);
