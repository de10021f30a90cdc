// ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX]
//
// Every member of any input, its score the weighted scores aggregated (summed by
// default), stored at the destination, which is replaced whatever it held (an empty
// result deletes it). Plain sets count as sorted sets whose scores are all 1. The
// parsing, the order of checks and the arithmetic are shared with the six other
// set-operation commands: see set-operation.ts.

import { CommandSpec } from '../command';
import { type SetOperation, type Variant, applySetOperation, parseSetOperation } from './set-operation';

const variant: Variant = { name: 'zunionstore', operation: 'union', store: true, cardinality: false };

export const zunionstore: CommandSpec<SetOperation> = {
  name: 'zunionstore',
  arity: -4,
  flags: ['write', 'denyoom', 'movablekeys'],
  categories: ['@write', '@sortedset', '@slow'],
  // Only the destination is at a fixed place; the inputs follow numkeys (movablekeys).
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Add multiple sorted sets and store the resulting sorted set in a new key',
  since: '2.0.0',
  group: 'sorted-set',
  syntax: 'destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX]',
  keySpecs: [
    { flags: ['OW', 'update'], begin: { index: 1 }, find: { lastKey: 0 } },
    { flags: ['RO', 'access'], begin: { index: 2 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } },
  ],
  parse: (args) => parseSetOperation(args, variant),
  apply: (command, context) => applySetOperation(command, variant, context),
};
