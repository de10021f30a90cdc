// SELECT index: choose the database a connection works on. This server has one
// database, db 0, so it behaves exactly like a Redis started with `databases 1` (which
// is also what CONFIG GET databases reports): SELECT 0 is fine, any other index is
// "out of range". Pretending to switch would silently mix data a client meant to keep
// apart, which is worse than an error.
//
// The index is parsed as Redis's getIntFromObjectOrReply parses it: a strict 64-bit
// integer first, then a check that it fits an int, each with its own error text.

import { OK } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import { CommandSpec, NOT_AN_INTEGER, ReplyError } from '../command';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const NOT_AN_INT = new ReplyError(`ERR value is out of range, value must between ${INT_MIN} and ${INT_MAX}`);
const OUT_OF_RANGE = new ReplyError('ERR DB index is out of range');

export const select: CommandSpec<number> = {
  name: 'select',
  arity: 2,
  flags: ['loading', 'stale', 'fast'],
  categories: ['@fast', '@connection'],
  summary: 'Change the selected database for the current connection',
  since: '1.0.0',
  group: 'connection',
  syntax: 'index',
  parse(args) {
    const index = parseLongLong(args[0], 0, args[0].length);
    if (index === null) return NOT_AN_INTEGER;
    if (index < INT_MIN || index > INT_MAX) return NOT_AN_INT;
    return index;
  },
  apply: (index) => (index === 0 ? OK : OUT_OF_RANGE.frame),
};
