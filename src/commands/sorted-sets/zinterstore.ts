// ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX]
//
// The members found in every input, scores weighted and aggregated, stored at the
// destination (replaced; deleted by an empty result). The smallest input is walked and
// each member looked up in the others, so a missing key (an empty input) ends it at
// once. Shared machinery: set-operation.ts.

import { CommandSpec } from '../command';
import { type SetOperation, type Variant, applySetOperation, parseSetOperation } from './set-operation';

const variant: Variant = { name: 'zinterstore', operation: 'inter', store: true, cardinality: false };

export const zinterstore: CommandSpec<SetOperation> = {
  name: 'zinterstore',
  arity: -4,
  flags: ['write', 'denyoom', 'movablekeys'],
  categories: ['@write', '@sortedset', '@slow'],
  // Only the destination is at a fixed place; the inputs follow numkeys (movablekeys).
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Intersect multiple sorted sets and store the resulting sorted set in a new key',
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
