// The sorted-set commands (ZADD, ZRANGE, ZUNIONSTORE, BZPOPMIN...), one file each,
// registered as one group by src/commands/index.ts (see src/commands/strings/index.ts
// for how groups work).
//
// Besides the command files, the folder holds what several of them share, one concern
// per module: score.ts (reading a score as Redis's strtod checks do), score-range.ts and
// lex-range.ts (the `min max` of the by-score and by-lex commands), range-query.ts (the
// one query behind ZRANGE and its six older forms). The data structure itself is
// src/db/types/sorted-set.ts (its packed small form zset-listpack.ts, its index
// skiplist.ts).

import type { AnyCommand } from '../registry';
import { zadd } from './zadd';
import { zcard } from './zcard';
import { zcount } from './zcount';
import { zincrby } from './zincrby';
import { zlexcount } from './zlexcount';
import { zmscore } from './zmscore';
import { zrange } from './zrange';
import { zrangebylex } from './zrangebylex';
import { zrangebyscore } from './zrangebyscore';
import { zrank } from './zrank';
import { zrem } from './zrem';
import { zremrangebylex } from './zremrangebylex';
import { zremrangebyrank } from './zremrangebyrank';
import { zremrangebyscore } from './zremrangebyscore';
import { zrevrange } from './zrevrange';
import { zrevrangebylex } from './zrevrangebylex';
import { zrevrangebyscore } from './zrevrangebyscore';
import { zrevrank } from './zrevrank';
import { zscore } from './zscore';
import { zunionstore } from './zunionstore';
import { zinterstore } from './zinterstore';
import { zdiffstore } from './zdiffstore';
import { zunion } from './zunion';
import { zinter } from './zinter';
import { zdiff } from './zdiff';
import { zintercard } from './zintercard';
import { zrangestore } from './zrangestore';
import { zrandmember } from './zrandmember';
import { zpopmin } from './zpopmin';
import { zpopmax } from './zpopmax';
import { zmpop } from './zmpop';
import { bzpopmin } from './bzpopmin';
import { bzpopmax } from './bzpopmax';
import { bzmpop } from './bzmpop';
import { zscan } from './zscan';

export const sortedSetCommands: readonly AnyCommand[] = [
  zadd,
  zincrby,
  zrem,
  zcard,
  zscore,
  zmscore,
  zcount,
  zlexcount,
  zrank,
  zrevrank,
  zrange,
  zrevrange,
  zrangebyscore,
  zrevrangebyscore,
  zrangebylex,
  zrevrangebylex,
  zremrangebyrank,
  zremrangebyscore,
  zremrangebylex,
  zunionstore,
  zinterstore,
  zdiffstore,
  zunion,
  zinter,
  zdiff,
  zintercard,
  zrangestore,
  zrandmember,
  zpopmin,
  zpopmax,
  zmpop,
  bzpopmin,
  bzpopmax,
  bzmpop,
  zscan,
];
