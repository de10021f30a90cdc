// COPY source destination [DB destination-db] [REPLACE]: a deep copy of a key's value,
// with its time to live, under a new name. Answers 1 when copied, 0 when the source is
// missing or the destination exists (without REPLACE).
//
// Every type copies the same way: a string is immutable here (a latin1 string or a
// Buffer the Db owns, never modified in place), so it is shared rather than copied; an
// aggregate is cloned (Aggregate.clone: a copy sharing nothing mutable), so writes to
// one key never show in the other.
//
// This server has one database, db 0 (see SELECT). `DB 0` is accepted and means this
// one; any other index gets Redis's "DB index is out of range", which is what Redis
// answers for an index beyond its own `databases`. The checks run in Redis's order: the
// options (syntax, integer, range), then "source and destination objects are the same",
// then the keys.

import { isAggregate } from '../../db/db';
import { integer } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';

interface Copy {
  readonly from: string;
  readonly to: string;
  readonly replace: boolean;
}

const OUT_OF_RANGE = new ReplyError('ERR DB index is out of range');
const SAME_OBJECT = new ReplyError('ERR source and destination objects are the same');
const INT_MIN = -2147483648;
const INT_RANGE = new ReplyError('ERR value is out of range, value must between -2147483648 and 2147483647');
const INT_MAX = 2147483647;

function parse(args: readonly Buffer[]): Copy | ReplyError {
  let replace = false;
  for (let j = 2; j < args.length; j++) {
    const option = args[j].toString('latin1').toLowerCase();
    if (option === 'replace') replace = true;
    else if (option === 'db' && j + 1 < args.length) {
      // getIntFromObjectOrReply: a C long, then the range of a C int, each with its text.
      const db = parseLongLong(args[j + 1], 0, args[j + 1].length);
      if (db === null) return NOT_AN_INTEGER;
      if (db < INT_MIN || db > INT_MAX) return INT_RANGE;
      if (db !== 0) return OUT_OF_RANGE;
      j++;
    } else return SYNTAX_ERROR;
  }
  const from = keyOf(args[0]);
  const to = keyOf(args[1]);
  if (from === to) return SAME_OBJECT;
  return { from, to, replace };
}

export const copy: CommandSpec<Copy> = {
  name: 'copy',
  arity: -3,
  flags: ['write', 'denyoom'],
  categories: ['@keyspace', '@write', '@slow'],
  keys: { first: 1, last: 2, step: 1 },
  summary: 'Copy a key',
  since: '6.2.0',
  group: 'generic',
  syntax: 'source destination [DB destination-db] [REPLACE]',
  parse,
  apply({ from, to, replace }, { db }) {
    const value = db.value(from);
    if (value === undefined) return integer(0);
    const at = db.expiresAt(from);
    if (db.has(to) && !replace) return integer(0);
    if (isAggregate(value)) {
      db.replace(to, value.clone());
      if (at !== undefined) db.setExpiry(to, at);
    } else {
      db.set(to, value, at === undefined ? undefined : { at });
    }
    return integer(1);
  },
};
