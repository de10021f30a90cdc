// PEXPIRE key milliseconds [NX | XX | GT | LT]: EXPIRE with the time to live in
// milliseconds. The parsing, option rules and overflow checks are EXPIRE's (expire.ts).

import { CommandSpec } from '../command';
import { EXPIRE_CATEGORIES, EXPIRE_FLAGS, Expire, applyExpire, parseExpire } from './expire';

export const pexpire: CommandSpec<Expire> = {
  name: 'pexpire',
  arity: -3,
  flags: EXPIRE_FLAGS,
  categories: EXPIRE_CATEGORIES,
  keys: { first: 1, last: 1, step: 1 },
  summary: "Set a key's time to live in milliseconds",
  since: '2.6.0',
  group: 'generic',
  syntax: 'key milliseconds [NX | XX | GT | LT]',
  parse: parseExpire,
  apply: (command, { db }) => applyExpire(command, { name: 'pexpire', seconds: false, relative: true }, db),
};
