// ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]
//
// ZUNIONSTORE's result as the reply instead of a new key: the members in sorted-set
// order, WITHSCORES as a flat list in RESP2 and as [member, score] pairs in RESP3.
// No key is at a fixed position (numkeys says where they are), so COMMAND INFO's first
// key is 0 and the command is movablekeys. Shared machinery: set-operation.ts.

import { CommandSpec } from '../command';
import { type SetOperation, type Variant, applySetOperation, parseSetOperation } from './set-operation';

const variant: Variant = { name: 'zunion', operation: 'union', store: false, cardinality: false };

export const zunion: CommandSpec<SetOperation> = {
  name: 'zunion',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  categories: ['@read', '@sortedset', '@slow'],
  summary: 'Add multiple sorted sets',
  since: '6.2.0',
  group: 'sorted-set',
  syntax: 'numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]',
  keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } }],
  parse: (args) => parseSetOperation(args, variant),
  apply: (command, context) => applySetOperation(command, variant, context),
};
