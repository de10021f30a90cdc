// BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout: LMOVE, or wait for the
// source to get an element. The reliable queue's blocking worker: the job moves to its
// "processing" list the moment it arrives. LEFT|RIGHT are checked before the timeout,
// the timeout before any key. The shared work is in blocking-move.ts.

import { CommandSpec, ReplyError } from '../command';
import { type Lmove, parseMove } from './lmove';
import { blockingMove } from './blocking-move';

interface Blmove extends Lmove {
  readonly timeout: Buffer;
}

export const blmove: CommandSpec<Blmove> = {
  name: 'blmove',
  arity: 6,
  flags: ['write', 'denyoom', 'noscript', 'blocking'],
  categories: ['@write', '@list', '@slow', '@blocking'],
  keys: { first: 1, last: 2, step: 1 },
  summary: 'Pop an element from a list, push it to another list and return it; or block until one is available',
  since: '6.2.0',
  group: 'list',
  syntax: 'source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout',
  keySpecs: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } },
    { flags: ['RW', 'insert'], begin: { index: 2 }, find: { lastKey: 0 } },
  ],
  parse(args) {
    const parsed = parseMove(args);
    if (parsed instanceof ReplyError) return parsed;
    return { ...parsed, timeout: args[4] };
  },
  apply: (command, context) => blockingMove(command, command.timeout, context),
};
