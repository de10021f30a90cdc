// LTRIM key start stop: keeps only the elements from start to stop (both included,
// negative from the end, clamped as in LRANGE: see range.ts); an empty range empties the
// list, which deletes the key. OK in every case, a missing key included. O(N) in the
// number of elements removed, as in Redis.

import { OK } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { parseLong } from './list-arguments';
import { listRange } from './range';

interface Ltrim {
  readonly key: string;
  readonly start: number;
  readonly stop: number;
}

export const ltrim: CommandSpec<Ltrim> = {
  name: 'ltrim',
  arity: 4,
  flags: ['write'],
  categories: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Trim a list to the specified range',
  since: '1.0.0',
  group: 'list',
  syntax: 'key start stop',
  keySpecs: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse(args) {
    const start = parseLong(args[1]);
    if (start instanceof ReplyError) return start;
    const stop = parseLong(args[2]);
    if (stop instanceof ReplyError) return stop;
    return { key: keyOf(args[0]), start, stop };
  },
  apply({ key, start, stop }, { db }) {
    const list = writeAs(db, key, RedisList, false);
    if (list instanceof ReplyError) return list.frame;
    if (list === undefined) return OK;
    const length = list.size;
    const range = listRange(start, stop, length);
    if (range === undefined) list.dropEnds(length, 0);
    else list.dropEnds(range.start, length - range.stop - 1);
    // Redis signals the key even when nothing was trimmed.
    db.changed(key);
    return OK;
  },
};
