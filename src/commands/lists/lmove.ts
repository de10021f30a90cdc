// LMOVE source destination LEFT|RIGHT LEFT|RIGHT: pops an element from one end of
// `source`, pushes it on one end of `destination` and answers it; null when `source` is
// missing. Atomic, like every command here, which is the point: a reliable queue moves
// a job to a "processing" list with no moment where it is on neither. The work, shared
// with RPOPLPUSH and the blocking BLMOVE, is `move` in pop.ts.

import { NULL } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { type End, parseEnd } from './list-arguments';
import { move } from './pop';

export interface Lmove {
  readonly source: string;
  readonly destination: string;
  readonly from: End;
  readonly to: End;
}

/** LEFT|RIGHT twice: the syntax errors come before any key is looked at. */
export function parseMove(args: readonly Buffer[]): Lmove | ReplyError {
  const from = parseEnd(args[2]);
  if (from instanceof ReplyError) return from;
  const to = parseEnd(args[3]);
  if (to instanceof ReplyError) return to;
  return { source: keyOf(args[0]), destination: keyOf(args[1]), from, to };
}

export const lmove: CommandSpec<Lmove> = {
  name: 'lmove',
  arity: 5,
  flags: ['write', 'denyoom'],
  categories: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 2, step: 1 },
  summary: 'Pop an element from a list, push it to another list and return it',
  since: '6.2.0',
  group: 'list',
  syntax: 'source destination <LEFT | RIGHT> <LEFT | RIGHT>',
  keySpecs: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } },
    { flags: ['RW', 'insert'], begin: { index: 2 }, find: { lastKey: 0 } },
  ],
  parse: parseMove,
  apply({ source, destination, from, to }, { db }) {
    const list = writeAs(db, source, RedisList, false);
    if (list instanceof ReplyError) return list.frame;
    if (list === undefined) return NULL;
    return move(db, source, list, destination, from, to);
  },
};
