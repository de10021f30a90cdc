// What the string commands share: reaching a key's string (or Redis's WRONGTYPE error
// when the key holds another type), and the largest size a string may grow to.
//
// The type check reads `entry.type`, so when lists, hashes and sets arrive every
// command here refuses them without a change. Only the commands that read or modify a
// string check it; the ones that overwrite a key (SET, MSET, SETEX...) replace any
// type, as in Redis.

import type { Db, Entry } from '../../db/db';
import { MAX_BULK_LENGTH } from '../../protocol/errors';
import { ReplyError } from '../command';
import type { ServerState } from '../server-state';

export { WRONGTYPE } from '../typed-value';
import { WRONGTYPE } from '../typed-value';

/** The live entry at `key` if it holds a string, undefined if there is none, else WRONGTYPE. */
export function stringEntry(db: Db, key: string): Entry | undefined | ReplyError {
  const entry = db.entry(key);
  if (entry !== undefined && entry.type !== 'string') return WRONGTYPE;
  return entry;
}

const STRING_TOO_LONG = new ReplyError('ERR string exceeds maximum allowed size (proto-max-bulk-len)');

/**
 * Redis's checkStringLength: a string built by APPEND or SETRANGE may not exceed
 * `proto-max-bulk-len` (512 MB unless configured), the size a client could send.
 */
export function checkStringLength(server: ServerState, length: number): ReplyError | undefined {
  const configured = server.config.get('proto-max-bulk-len');
  const limit = configured !== undefined && /^[0-9]+$/.test(configured) ? Number(configured) : MAX_BULK_LENGTH;
  return length > limit ? STRING_TOO_LONG : undefined;
}
