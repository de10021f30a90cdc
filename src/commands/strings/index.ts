// The string commands (GET, SET, INCR, APPEND...), one file each.
//
// How groups work: each group folder exports ONE list of CommandSpecs, and
// src/commands/index.ts registers every group's list at start-up. A command is added by
// adding its file and one entry here, nothing else: no central switch to edit, so
// contributors working on different groups never touch the same lines, and the
// registry stays a plain Map filled once (lookups on the hot path are one Map.get).
// The order of the list is the order COMMAND and COMMAND DOCS list the commands in.

import type { AnyCommand } from '../registry';
import { append } from './append';
import { decr } from './decr';
import { decrby } from './decrby';
import { get } from './get';
import { getdel } from './getdel';
import { getex } from './getex';
import { getrange } from './getrange';
import { getset } from './getset';
import { incr } from './incr';
import { incrby } from './incrby';
import { incrbyfloat } from './incrbyfloat';
import { mget } from './mget';
import { mset } from './mset';
import { msetnx } from './msetnx';
import { psetex } from './psetex';
import { set } from './set';
import { setex } from './setex';
import { setnx } from './setnx';
import { setrange } from './setrange';
import { strlen } from './strlen';

export const stringCommands: readonly AnyCommand[] = [
  get,
  set,
  setnx,
  setex,
  psetex,
  getset,
  getdel,
  getex,
  mget,
  mset,
  msetnx,
  incr,
  decr,
  incrby,
  decrby,
  incrbyfloat,
  append,
  strlen,
  getrange,
  setrange,
];
