// The keyspace commands (DEL, EXISTS, EXPIRE, TTL, KEYS, SCAN...), one file each.
// They work on keys whatever their type; DBSIZE and FLUSHDB/FLUSHALL (Redis's "server"
// group) are here too because they are about the keyspace as a whole.

import type { AnyCommand } from '../registry';
import { dbsize } from './dbsize';
import { del } from './del';
import { exists } from './exists';
import { expire } from './expire';
import { expireat } from './expireat';
import { expiretime } from './expiretime';
import { flushall } from './flushall';
import { flushdb } from './flushdb';
import { keys } from './keys';
import { persist } from './persist';
import { pexpire } from './pexpire';
import { pexpireat } from './pexpireat';
import { pexpiretime } from './pexpiretime';
import { pttl } from './pttl';
import { randomkey } from './randomkey';
import { rename } from './rename';
import { renamenx } from './renamenx';
import { scan } from './scan';
import { ttl } from './ttl';
import { type } from './type';
import { unlink } from './unlink';

export const keyspaceCommands: readonly AnyCommand[] = [
  del,
  unlink,
  exists,
  type,
  rename,
  renamenx,
  expire,
  pexpire,
  expireat,
  pexpireat,
  ttl,
  pttl,
  expiretime,
  pexpiretime,
  persist,
  keys,
  scan,
  randomkey,
  dbsize,
  flushdb,
  flushall,
];
