// BRPOPLPUSH source destination timeout: BLMOVE source destination RIGHT LEFT timeout,
// its older name (deprecated since 6.2). The shared work is in blocking-move.ts.

import { CommandSpec, keyOf } from '../command';
import { blockingMove } from './blocking-move';

interface Brpoplpush {
  readonly source: string;
  readonly destination: string;
  readonly timeout: Buffer;
}

export const brpoplpush: CommandSpec<Brpoplpush> = {
  name: 'brpoplpush',
  arity: 4,
  flags: ['write', 'denyoom', 'noscript', 'blocking'],
  categories: ['@write', '@list', '@slow', '@blocking'],
  keys: { first: 1, last: 2, step: 1 },
  summary: 'Pop an element from a list, push it to another list and return it; or block until one is available',
  since: '2.2.0',
  group: 'list',
  syntax: 'source destination timeout',
  keySpecs: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } },
    { flags: ['RW', 'insert'], begin: { index: 2 }, find: { lastKey: 0 } },
  ],
  parse: (args) => ({ source: keyOf(args[0]), destination: keyOf(args[1]), timeout: args[2] }),
  apply: ({ source, destination, timeout }, context) =>
    blockingMove({ source, destination, from: 'right', to: 'left' }, timeout, context),
};
