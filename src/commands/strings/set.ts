// SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds
// | PXAT unix-time-milliseconds | KEEPTTL]
//
// The option grammar follows Redis 7's parseExtendedStringArgumentsOrReply: options
// may come in any order and repeat, but conflicting ones (NX with XX, two different
// expiry forms) are a syntax error. Expiry times are checked the way
// getExpireMillisecondsOrReply checks them, so a zero, negative or overflowing time
// gets Redis's `invalid expire time in 'set' command`.

import { bulk, BulkFrame, latin1Bulk, NULL, OK } from '../../protocol/frame';
import { ChunkedBulk } from '../../protocol/chunked-bulk';
import { parseLongLong } from '../../protocol/integer';
import { type Expiry, isAggregate } from '../../db/db';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { WRONGTYPE } from './string-value';

type ExpiryOption = 'EX' | 'PX' | 'EXAT' | 'PXAT' | 'KEEPTTL';

interface SetCommand {
  readonly key: string;
  /** As it came: a large value that arrived in pieces is stored in them, unjoined. */
  readonly value: BulkFrame;
  readonly condition?: 'NX' | 'XX';
  /** Reply with the old value instead of OK. */
  readonly get: boolean;
  readonly expiry?: ExpiryOption;
  /** The argument of EX / PX / EXAT / PXAT, unparsed: Redis parses it after the options. */
  readonly time?: Buffer;
}

const LLONG_MAX = 9223372036854775807;
const INVALID_EXPIRE = new ReplyError("ERR invalid expire time in 'set' command");

// parseBulks rather than parse: the value stays the frame it arrived as, so a 100 kB
// value cut by the network into chunks is stored as those chunks (see ChunkedBulk).
function parseBulks(args: readonly BulkFrame[]): SetCommand | ReplyError {
  let condition: 'NX' | 'XX' | undefined;
  let get = false;
  let expiry: ExpiryOption | undefined;
  let time: Buffer | undefined;
  for (let i = 2; i < args.length; i++) {
    const option = args[i].value.toString('latin1').toUpperCase();
    const hasNext = i + 1 < args.length;
    if (option === 'NX' && condition !== 'XX') condition = 'NX';
    else if (option === 'XX' && condition !== 'NX') condition = 'XX';
    else if (option === 'GET') get = true;
    else if (option === 'KEEPTTL' && (expiry === undefined || expiry === 'KEEPTTL')) expiry = 'KEEPTTL';
    else if (isTimeOption(option) && (expiry === undefined || expiry === option) && hasNext) {
      // The same form twice is allowed by Redis; the last one wins.
      expiry = option;
      time = args[++i].value;
    } else return SYNTAX_ERROR;
  }
  return { key: keyOf(args[0].value), value: args[1], condition, get, expiry, time };
}

const isTimeOption = (option: string): option is 'EX' | 'PX' | 'EXAT' | 'PXAT' =>
  option === 'EX' || option === 'PX' || option === 'EXAT' || option === 'PXAT';

/** The absolute expiry in ms for the time argument, or Redis's error. */
function expireAt(option: ExpiryOption, time: Buffer, now: number): number | ReplyError {
  let ms = parseLongLong(time, 0, time.length);
  if (ms === null) return NOT_AN_INTEGER;
  const seconds = option === 'EX' || option === 'EXAT';
  if (ms <= 0 || (seconds && ms > LLONG_MAX / 1000)) return INVALID_EXPIRE;
  if (seconds) ms *= 1000;
  if (option === 'EX' || option === 'PX') ms += now;
  // In C the addition overflows to a negative number; here it just grows past LLONG_MAX.
  if (ms > LLONG_MAX) return INVALID_EXPIRE;
  return ms;
}

export const set: CommandSpec<SetCommand> = {
  name: 'set',
  arity: -3,
  flags: ['write', 'denyoom'],
  categories: ['@write', '@string', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Set the string value of a key',
  since: '1.0.0',
  group: 'string',
  syntax: 'key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]',
  parse: (args) => parseBulks(args.map((value) => ({ type: 'bulk', value }))),
  parseBulks,
  apply(command, { db }) {
    let expiry: Expiry;
    if (command.expiry === 'KEEPTTL') expiry = 'keep';
    else if (command.expiry !== undefined && command.time !== undefined) {
      const at = expireAt(command.expiry, command.time, db.now());
      if (at instanceof ReplyError) return at.frame;
      expiry = { at };
    }
    // SET ... GET reads the old value (in its stored form, without conversion); a plain
    // SET, the hot path, only asks whether the key exists: reading a value kept in
    // pieces would join it only to throw it away.
    const old = command.get ? db.getStored(command.key) : undefined;
    const found = command.get ? old !== undefined : db.has(command.key);
    // SET ... GET reads the old value first, so it refuses a key of another type.
    if (old !== undefined && isAggregate(old)) return WRONGTYPE.frame;
    const reply = !command.get ? OK : old !== undefined ? typeof old === 'string' ? latin1Bulk(old) : bulk(old) : NULL;
    if ((command.condition === 'NX' && found) || (command.condition === 'XX' && !found)) {
      return command.get ? reply : NULL;
    }
    if (expiry !== undefined && expiry !== 'keep' && expiry.at <= db.now()) {
      // Already in the past (EXAT/PXAT): Redis deletes the key rather than storing it.
      db.delete(command.key);
    } else {
      db.set(command.key, command.value instanceof ChunkedBulk ? command.value : command.value.value, expiry);
    }
    return reply;
  },
};
