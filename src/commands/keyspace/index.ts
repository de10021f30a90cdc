// The keyspace commands (DEL, EXISTS, EXPIRE, TTL, KEYS, SCAN...), one file each.
// They work on keys whatever their type; DBSIZE and FLUSHDB/FLUSHALL (Redis's "server"
// group) are here too because they are about the keyspace as a whole.
//
// How groups work: each group folder exports ONE list of CommandSpecs, and
// src/commands/index.ts registers every group's list at start-up. A command is added by
// adding its file and one entry here, nothing else: no central switch to edit, so
// contributors working on different groups never touch the same lines, and the
// registry stays a plain Map filled once (lookups on the hot path are one Map.get).
// The order of the list is the order COMMAND and COMMAND DOCS list the commands in.

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
import { touch } from './touch';
import { ttl } from './ttl';
import { type } from './type';
import { unlink } from './unlink';
import { object } from './object';
import { copy } from './copy';
import { sort } from './sort';
import { sortRo } from './sort-ro';

export const keyspaceCommands: readonly AnyCommand[] = [
  del,
  unlink,
  exists,
  touch,
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
  object,
  copy,
  sort,
  sortRo,
];
