// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]: pops up to `count` elements
// (default 1) from the first of the keys that holds a non-empty list, and answers
// [key, [elements...]]; a null array when every key is missing. Its arguments, shared
// with BLMPOP (which has a timeout in front), are parsed by `parseMpop`, the pop by
// pop.ts.
//
// The numkeys and count errors carry the command's own texts, for a non-number too
// (Redis passes its message to the integer parser). A numkeys larger than the keys that
// follow is a syntax error: LEFT|RIGHT would be past the end.

import { NULL_ARRAY } from '../../protocol/frame';
import { CommandSpec, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { type End, parseEnd, parsePositive } from './list-arguments';
import { firstList, popManyWithKey } from './pop';

export interface Mpop {
  readonly keys: readonly string[];
  readonly end: End;
  readonly count: number;
}

const NUMKEYS = new ReplyError('ERR numkeys should be greater than 0');
const COUNT = new ReplyError('ERR count should be greater than 0');

/** numkeys key [key ...] LEFT|RIGHT [COUNT count], from `args[0]` on. */
export function parseMpop(args: readonly Buffer[]): Mpop | ReplyError {
  const numkeys = parsePositive(args[0], NUMKEYS);
  if (numkeys instanceof ReplyError) return numkeys;
  const at = numkeys + 1;
  if (at >= args.length) return SYNTAX_ERROR;
  const end = parseEnd(args[at]);
  if (end instanceof ReplyError) return end;
  let count: number | undefined;
  for (let i = at + 1; i < args.length; i++) {
    if (count === undefined && args[i].toString('latin1').toLowerCase() === 'count' && i + 1 < args.length) {
      const value = parsePositive(args[++i], COUNT);
      if (value instanceof ReplyError) return value;
      count = value;
    } else return SYNTAX_ERROR;
  }
  return { keys: args.slice(1, at).map(keyOf), end, count: count ?? 1 };
}

export const lmpop: CommandSpec<Mpop> = {
  name: 'lmpop',
  arity: -4,
  flags: ['write', 'movablekeys'],
  categories: ['@write', '@list', '@slow'],
  // The keys' position depends on numkeys ("movablekeys"): COMMAND INFO reports 0 0 0.
  summary: 'Pop elements from a list',
  since: '7.0.0',
  group: 'list',
  syntax: 'numkeys key [key ...] <LEFT | RIGHT> [COUNT count]',
  keySpecs: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } },
  ],
  parse: parseMpop,
  apply({ keys, end, count }, { db }) {
    const found = firstList(db, keys);
    if (found instanceof ReplyError) return found.frame;
    if (found === undefined) return NULL_ARRAY;
    return popManyWithKey(db, found.key, found.list, end, count);
  },
};
