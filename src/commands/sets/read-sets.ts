// The keys of SINTER, SUNION, SDIFF (and their STORE variants, and SINTERCARD) read as
// sets, as Redis reads them: every key is looked up, in order, before any work, so a
// key of another type is WRONGTYPE wherever it stands, even after a missing key that
// already made an intersection empty. A missing key is an empty set: undefined here.

import { RedisSet } from '../../db/types/set';
import type { Db } from '../../db/db';
import { ReplyError } from '../command';
import { readAs } from '../typed-value';

export function readSets(db: Db, keys: readonly string[]): (RedisSet | undefined)[] | ReplyError {
  const sets: (RedisSet | undefined)[] = new Array<RedisSet | undefined>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const set = readAs(db, keys[i], RedisSet);
    if (set instanceof ReplyError) return set;
    sets[i] = set;
  }
  return sets;
}
