// ZDIFF numkeys key [key ...] [WITHSCORES]
//
// ZDIFFSTORE's result as the reply: the first input's members that no other input has,
// with their own scores. Shared machinery: set-operation.ts.

import { CommandSpec } from '../command';
import { type SetOperation, type Variant, applySetOperation, parseSetOperation } from './set-operation';

const variant: Variant = { name: 'zdiff', operation: 'diff', store: false, cardinality: false };

export const zdiff: CommandSpec<SetOperation> = {
  name: 'zdiff',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  categories: ['@read', '@sortedset', '@slow'],
  summary: 'Subtract multiple sorted sets',
  since: '6.2.0',
  group: 'sorted-set',
  syntax: 'numkeys key [key ...] [WITHSCORES]',
  keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } }],
  parse: (args) => parseSetOperation(args, variant),
  apply: (command, context) => applySetOperation(command, variant, context),
};
