// ZINTER numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]
//
// ZINTERSTORE's result as the reply: members in sorted-set order, WITHSCORES flat in
// RESP2, pairs in RESP3. Shared machinery: set-operation.ts.

import { CommandSpec } from '../command';
import { type SetOperation, type Variant, applySetOperation, parseSetOperation } from './set-operation';

const variant: Variant = { name: 'zinter', operation: 'inter', store: false, cardinality: false };

export const zinter: CommandSpec<SetOperation> = {
  name: 'zinter',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  categories: ['@read', '@sortedset', '@slow'],
  summary: 'Intersect multiple sorted sets',
  since: '6.2.0',
  group: 'sorted-set',
  syntax: 'numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]',
  keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } }],
  parse: (args) => parseSetOperation(args, variant),
  apply: (command, context) => applySetOperation(command, variant, context),
};
