// DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]: in Redis, save the dataset to the RDB file,
// empty memory and load the file back: a check that everything survives persistence.
// This server has no RDB yet, so the round trip is done in memory, keeping what a reload
// keeps and redoing what it redoes:
// - every key, value and time to live is the same afterwards;
// - every aggregate is rebuilt, element by element, from a fresh empty value, as Redis's
//   loader rebuilds it, so its encoding is chosen again under the current thresholds: a
//   hashtable set of a few integers is an intset again, a big hash that shrank is a
//   listpack again. Redis's type tests check exactly that ("Set encoding after DEBUG
//   RELOAD"), and that the data is intact.
// The options are checked with Redis's text; NOSAVE (load an existing file) and MERGE /
// NOFLUSH (load over the current data) come down to the same round trip here, since the
// only "file" is the data itself.

import { isAggregate } from '../../../db/db';
import type { Aggregate, EncodingLimits } from '../../../db/types/aggregate';
import { RedisHash } from '../../../db/types/hash';
import { RedisSet } from '../../../db/types/set';
import { RedisSortedSet } from '../../../db/types/sorted-set';
import { OK } from '../../../protocol/frame';
import { ReplyError } from '../../command';
import type { DebugSubcommand } from './subcommand';

const BAD_OPTION = new ReplyError('ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.');

/** The aggregate as a loader would rebuild it: a fresh value, filled in its order. Lists stay as they are (always quicklist). */
function rebuilt(value: Aggregate, limits: EncodingLimits): Aggregate {
  if (value instanceof RedisSet) {
    const fresh = new RedisSet(limits);
    value.forEach((member) => fresh.add(member));
    return fresh;
  }
  if (value instanceof RedisHash) {
    const fresh = new RedisHash(limits);
    const pairs = value.pairs();
    for (let i = 0; i < pairs.length; i += 2) fresh.set(pairs[i], pairs[i + 1]);
    return fresh;
  }
  if (value instanceof RedisSortedSet) {
    const fresh = new RedisSortedSet(limits);
    for (const [member, score] of value.entries()) fresh.add(member, score);
    return fresh;
  }
  return value;
}

export const debugReload: DebugSubcommand = {
  name: 'reload',
  accepts: () => true,
  run(args, { db }) {
    for (const arg of args) {
      const option = arg.toString('latin1').toLowerCase();
      if (option !== 'merge' && option !== 'noflush' && option !== 'nosave') return BAD_OPTION.frame;
    }
    for (const key of [...db.keys()]) {
      const value = db.value(key);
      if (value === undefined || !isAggregate(value)) continue;
      const fresh = rebuilt(value, db.limits);
      if (fresh === value) continue;
      const at = db.expiresAt(key);
      db.replace(key, fresh);
      if (at !== undefined) db.setExpiry(key, at);
    }
    return OK;
  },
};
