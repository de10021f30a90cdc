// PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]: EXPIREAT in milliseconds,
// the form every other expiry command reduces to (Redis stores expiry times as
// absolute Unix milliseconds, and so does the Db). The shared steps are in expire.ts.

import { CommandSpec } from '../command';
import { EXPIRE_CATEGORIES, EXPIRE_FLAGS, Expire, applyExpire, parseExpire } from './expire';

export const pexpireat: CommandSpec<Expire> = {
  name: 'pexpireat',
  arity: -3,
  flags: EXPIRE_FLAGS,
  categories: EXPIRE_CATEGORIES,
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Set the expiration for a key as a UNIX timestamp specified in milliseconds',
  since: '2.6.0',
  group: 'generic',
  syntax: 'key unix-time-milliseconds [NX | XX | GT | LT]',
  parse: parseExpire,
  apply: (command, { db }) => applyExpire(command, { name: 'pexpireat', seconds: false, relative: false }, db),
};
