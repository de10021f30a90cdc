// SETEX key seconds value: SET with a time to live, in one command (older than SET's
// EX option, and kept for compatibility). PSETEX is the same in milliseconds, so both
// are built by `setWithExpiry` below; only the unit and the name in the error differ.
//
// The time is checked when the command runs, not when it is parsed, because a relative
// time needs the Db's clock: `now` comes from the Db's scheduler, never Date.now(), so
// expiry runs on virtual time under TestScheduler.

import { OK } from '../../protocol/frame';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { TimeUnit, expireAt } from './expire-time';

export interface SetWithExpiry {
  readonly key: string;
  readonly time: Buffer;
  readonly value: Buffer;
}

type Description = Pick<CommandSpec, 'summary' | 'since'>;

/** A SETEX-like command: `name key time value`, the time in `unit`. */
export function setWithExpiry(name: string, unit: TimeUnit, description: Description): CommandSpec<SetWithExpiry> {
  return {
    name,
    arity: 4,
    flags: ['write', 'denyoom'],
    categories: ['@write', '@string', '@slow'],
    keys: { first: 1, last: 1, step: 1 },
    ...description,
    group: 'string',
    syntax: `key ${unit} value`,
    parse: (args) => ({ key: keyOf(args[0]), time: args[1], value: args[2] }),
    apply({ key, time, value }, { db }) {
      const at = expireAt(time, unit, true, db.now(), name);
      if (at instanceof ReplyError) return at.frame;
      // An absolute time: the Db tracks it in its expiry heap and its purge removes the
      // key then, even if nobody reads it again.
      db.set(key, value, { at });
      return OK;
    },
  };
}

export const setex = setWithExpiry('setex', 'seconds', {
  summary: 'Set the value and expiration of a key',
  since: '2.0.0',
});
