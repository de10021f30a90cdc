// The list commands (LPUSH, LPOP, LRANGE, BLPOP...), one file each, registered as one
// group by src/commands/index.ts (see src/commands/strings/index.ts for how groups work).
//
// Besides the command files, the folder holds what several of them share, each module
// one concern: push.ts and pop-command.ts (the LPUSH/RPUSH/LPUSHX/RPUSHX and LPOP/RPOP
// families), pop.ts (popping and moving, for the plain and the blocking commands
// alike), blocking-pop-command.ts and blocking-move.ts (the waiting variants),
// list-arguments.ts (integer and LEFT|RIGHT arguments with Redis's texts), range.ts
// (start/stop indexes) and element.ts (elements as replies). The data structure itself
// is src/db/types/list.ts.

import type { AnyCommand } from '../registry';
import { blmove } from './blmove';
import { blmpop } from './blmpop';
import { blpop } from './blpop';
import { brpop } from './brpop';
import { brpoplpush } from './brpoplpush';
import { lindex } from './lindex';
import { linsert } from './linsert';
import { llen } from './llen';
import { lmove } from './lmove';
import { lmpop } from './lmpop';
import { lpop } from './lpop';
import { lpos } from './lpos';
import { lpush } from './lpush';
import { lpushx } from './lpushx';
import { lrange } from './lrange';
import { lrem } from './lrem';
import { lset } from './lset';
import { ltrim } from './ltrim';
import { rpop } from './rpop';
import { rpoplpush } from './rpoplpush';
import { rpush } from './rpush';
import { rpushx } from './rpushx';

export const listCommands: readonly AnyCommand[] = [
  lpush,
  rpush,
  lpushx,
  rpushx,
  lpop,
  rpop,
  llen,
  lrange,
  lindex,
  lset,
  lrem,
  ltrim,
  linsert,
  lpos,
  lmove,
  rpoplpush,
  lmpop,
  blpop,
  brpop,
  blmove,
  brpoplpush,
  blmpop,
];
