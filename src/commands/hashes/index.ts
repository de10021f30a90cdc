// The hash commands (HSET, HGET, HGETALL, HINCRBY...), one file each, registered as one
// group by src/commands/index.ts (see src/commands/strings/index.ts for how groups work).
//
// Besides the command files, the folder holds what several of them share, each module
// one concern: set-pairs.ts (HSET and HMSET), field-arguments.ts (the `key field...`
// argument shapes) and field-frame.ts (fields and values as replies); HSCAN's cursor and
// options are read by keyspace/scan-arguments.ts, as every SCAN's. The data structure itself is
// src/db/types/hash.ts.

import type { AnyCommand } from '../registry';
import { hdel } from './hdel';
import { hexists } from './hexists';
import { hget } from './hget';
import { hgetall } from './hgetall';
import { hincrby } from './hincrby';
import { hincrbyfloat } from './hincrbyfloat';
import { hkeys } from './hkeys';
import { hlen } from './hlen';
import { hmget } from './hmget';
import { hmset } from './hmset';
import { hrandfield } from './hrandfield';
import { hscan } from './hscan';
import { hset } from './hset';
import { hsetnx } from './hsetnx';
import { hstrlen } from './hstrlen';
import { hvals } from './hvals';

export const hashCommands: readonly AnyCommand[] = [
  hset,
  hsetnx,
  hget,
  hmget,
  hmset,
  hgetall,
  hdel,
  hexists,
  hlen,
  hstrlen,
  hkeys,
  hvals,
  hincrby,
  hincrbyfloat,
  hrandfield,
  hscan,
];
