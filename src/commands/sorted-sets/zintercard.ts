// ZINTERCARD numkeys key [key ...] [LIMIT limit]
//
// How many members ZINTER would answer, without building the result: the walk over the
// smallest input only counts, and stops once LIMIT is reached (0, the default, is no
// limit), which is the point of the command for a client that only asks "at least n?".
// A bad LIMIT, negative or not a number, is "LIMIT can't be negative" either way, as
// Redis words both. Shared machinery: set-operation.ts.

import { CommandSpec } from '../command';
import { type SetOperation, type Variant, applySetOperation, parseSetOperation } from './set-operation';

const variant: Variant = { name: 'zintercard', operation: 'inter', store: false, cardinality: true };

export const zintercard: CommandSpec<SetOperation> = {
  name: 'zintercard',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  categories: ['@read', '@sortedset', '@slow'],
  summary: 'Intersect multiple sorted sets and return the cardinality of the result',
  since: '7.0.0',
  group: 'sorted-set',
  syntax: 'numkeys key [key ...] [LIMIT limit]',
  keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } }],
  parse: (args) => parseSetOperation(args, variant),
  apply: (command, context) => applySetOperation(command, variant, context),
};
