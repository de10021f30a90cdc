// GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds |
// PXAT unix-time-milliseconds | PERSIST]: GET that also sets or removes the key's
// time to live, in one step (a cache read that extends the entry's life).
//
// The grammar is Redis's parseExtendedStringArgumentsOrReply in its GET flavour: one
// expiry form (repeating the same one is allowed, the last time wins), PERSIST on its
// own, anything else a syntax error. Redis compares option names as C strings, so a
// NUL byte ends them: `EX\0junk` is EX. Then the order of the checks is Redis's: a
// missing key answers nil before the time is even looked at, a key of another type
// WRONGTYPE, and only then is the time validated.

import { NULL, bulk } from '../../protocol/frame';
import { CommandSpec, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { expireAt } from './expire-time';
import { stringEntry } from './string-value';

type TimeOption = 'EX' | 'PX' | 'EXAT' | 'PXAT';

interface GetEx {
  readonly key: string;
  readonly option?: TimeOption | 'PERSIST';
  /** The time argument of a TimeOption, validated when the command runs. */
  readonly time?: Buffer;
}

/** An option's name as C's strcasecmp sees it: up to the first NUL, upper-cased. */
function optionName(arg: Buffer): string {
  const nul = arg.indexOf(0);
  return (nul === -1 ? arg : arg.subarray(0, nul)).toString('latin1').toUpperCase();
}

const isTimeOption = (name: string): name is TimeOption => name === 'EX' || name === 'PX' || name === 'EXAT' || name === 'PXAT';

function parse(args: readonly Buffer[]): GetEx | ReplyError {
  let option: GetEx['option'];
  let time: Buffer | undefined;
  for (let i = 1; i < args.length; i++) {
    const name = optionName(args[i]);
    if (name === 'PERSIST' && (option === undefined || option === 'PERSIST')) {
      option = 'PERSIST';
    } else if (isTimeOption(name) && (option === undefined || option === name) && i + 1 < args.length) {
      option = name;
      time = args[++i];
    } else {
      return SYNTAX_ERROR;
    }
  }
  return { key: keyOf(args[0]), option, time };
}

export const getex: CommandSpec<GetEx> = {
  name: 'getex',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the value of a key and optionally set its expiration',
  since: '6.2.0',
  group: 'string',
  syntax: 'key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]',
  parse,
  apply({ key, option, time }, { db }) {
    const entry = stringEntry(db, key);
    if (entry instanceof ReplyError) return entry.frame;
    if (entry === undefined) return NULL;
    if (option === 'PERSIST') {
      db.setExpiry(key, undefined);
    } else if (option !== undefined && time !== undefined) {
      const unit = option === 'EX' || option === 'EXAT' ? 'seconds' : 'milliseconds';
      const at = expireAt(time, unit, option === 'EX' || option === 'PX', db.now(), 'getex');
      if (at instanceof ReplyError) return at.frame;
      // A time already past (EXAT/PXAT) deletes the key; the reply is still its value.
      db.setExpiry(key, at);
    }
    return bulk(entry.value);
  },
};
