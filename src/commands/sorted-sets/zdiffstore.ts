// ZDIFFSTORE destination numkeys key [key ...]
//
// The members of the first input that are in none of the others, with their own
// scores, stored at the destination (replaced; deleted by an empty result). No WEIGHTS,
// no AGGREGATE: Redis answers them with a syntax error. Shared machinery: set-operation.ts.

import { CommandSpec } from '../command';
import { type SetOperation, type Variant, applySetOperation, parseSetOperation } from './set-operation';

const variant: Variant = { name: 'zdiffstore', operation: 'diff', store: true, cardinality: false };

export const zdiffstore: CommandSpec<SetOperation> = {
  name: 'zdiffstore',
  arity: -4,
  flags: ['write', 'denyoom', 'movablekeys'],
  categories: ['@write', '@sortedset', '@slow'],
  // Only the destination is at a fixed place; the inputs follow numkeys (movablekeys).
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Subtract multiple sorted sets and store the resulting sorted set in a new key',
  since: '6.2.0',
  group: 'sorted-set',
  syntax: 'destination numkeys key [key ...]',
  keySpecs: [
    { flags: ['OW', 'update'], begin: { index: 1 }, find: { lastKey: 0 } },
    { flags: ['RO', 'access'], begin: { index: 2 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } },
  ],
  parse: (args) => parseSetOperation(args, variant),
  apply: (command, context) => applySetOperation(command, variant, context),
};
