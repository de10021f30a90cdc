// What HSET and HMSET share: `key field value [field value ...]`, every pair set in
// order (a field named twice ends with its last value), and the count of fields that
// were new. The two differ only in the reply (HSET: that count; HMSET, its deprecated
// older name: OK), as in Redis, where one function serves both.
//
// The arity (-4) lets through an even number of arguments after the key (`HSET k f v
// f2`), which Redis refuses with its arity error from inside the command: so does parse.

import { RedisHash } from '../../db/types/hash';
import { type ConnectionContext, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';

export interface SetPairs {
  readonly key: string;
  /** field, value, field, value... */
  readonly pairs: readonly string[];
}

/** The parser for a command called `name`. */
export function parseSetPairs(name: string): (args: readonly Buffer[]) => SetPairs | ReplyError {
  const arityError = new ReplyError(`ERR wrong number of arguments for '${name}' command`);
  return (args) => {
    if (args.length % 2 === 0) return arityError;
    return { key: keyOf(args[0]), pairs: args.slice(1).map(keyOf) };
  };
}

/** Sets every pair; the number of new fields, or WRONGTYPE. */
export function setPairs({ key, pairs }: SetPairs, { db }: ConnectionContext): number | ReplyError {
  const hash = writeAs(db, key, RedisHash, true);
  if (hash instanceof ReplyError) return hash;
  let created = 0;
  for (let i = 0; i < pairs.length; i += 2) if (hash.set(pairs[i], pairs[i + 1])) created++;
  db.changed(key);
  return created;
}
