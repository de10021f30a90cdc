// The set commands (SADD, SMEMBERS, SINTER, SPOP...), one file each, registered as one
// group by src/commands/index.ts (see src/commands/strings/index.ts for how groups work).
//
// Besides the command files, the folder holds what several of them share, each module
// one concern: set-algebra.ts (SINTER, SUNION, SDIFF and their STORE variants),
// read-sets.ts (several keys read as sets, WRONGTYPE wherever one is not) and
// member-frame.ts (members as replies). The data structure itself is
// src/db/types/set.ts (and its intset form, src/db/types/intset.ts).

import type { AnyCommand } from '../registry';
import { sadd } from './sadd';
import { scard } from './scard';
import { sdiff } from './sdiff';
import { sdiffstore } from './sdiffstore';
import { sinter } from './sinter';
import { sintercard } from './sintercard';
import { sinterstore } from './sinterstore';
import { sismember } from './sismember';
import { smembers } from './smembers';
import { smismember } from './smismember';
import { smove } from './smove';
import { spop } from './spop';
import { srandmember } from './srandmember';
import { srem } from './srem';
import { sscan } from './sscan';
import { sunion } from './sunion';
import { sunionstore } from './sunionstore';

export const setCommands: readonly AnyCommand[] = [
  sadd,
  srem,
  smembers,
  sismember,
  smismember,
  scard,
  spop,
  srandmember,
  sinter,
  sunion,
  sdiff,
  sinterstore,
  sunionstore,
  sdiffstore,
  sintercard,
  smove,
  sscan,
];
