// EXPIREAT key unix-time-seconds [NX | XX | GT | LT]: EXPIRE with an absolute Unix
// time in seconds instead of a time to live; a time in the past deletes the key.
// The shared steps are EXPIRE's (expire.ts).

import { CommandSpec } from '../command';
import { EXPIRE_CATEGORIES, EXPIRE_FLAGS, Expire, applyExpire, parseExpire } from './expire';

export const expireat: CommandSpec<Expire> = {
  name: 'expireat',
  arity: -3,
  flags: EXPIRE_FLAGS,
  categories: EXPIRE_CATEGORIES,
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Set the expiration for a key as a UNIX timestamp',
  since: '1.2.0',
  group: 'generic',
  syntax: 'key unix-time-seconds [NX | XX | GT | LT]',
  parse: parseExpire,
  apply: (command, { db }) => applyExpire(command, { name: 'expireat', seconds: true, relative: false }, db),
};
