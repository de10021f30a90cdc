// APPEND key value: add bytes to the end of a string (creating it if missing) and
// answer the new length. The key keeps its time to live.
//
// A string built by many APPENDs must not cost O(n²): copying the whole value on every
// call would turn a 10 MB log assembled from 1 KB pieces into gigabytes of copying.
// Redis's strings (sds) keep spare room after their end, doubling it as they grow
// (and adding at most 1 MB at a time past 1 MB); this does the same. The entry's value
// is a view on the front of a larger buffer, and the next APPEND writes into the room
// behind it.
//
// Writing in place is safe only behind the end of the value: a GET reply may still
// hold a view of the value while the socket drains, and that view never reaches past
// the old end. Nothing else may write into the room either, so each spare buffer is
// remembered with the one entry allowed to grow into it; any other value (fresh from
// SET, renamed into another entry) is first copied into a buffer of its own.

import { integer } from '../../protocol/frame';
import type { Entry } from '../../db/db';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { checkStringLength, stringEntry } from './string-value';

interface Append {
  readonly key: string;
  readonly value: Buffer;
}

/** Below this, a plain copy is cheap and spare room would waste more than it saves. */
const SMALL = 1024;
const MEGABYTE = 1024 * 1024;

/**
 * Backing buffers with spare room, each with the only key that may append into it (the
 * Db hands out a fresh Entry view per lookup, so the key is the identity that lasts).
 */
const owners = new WeakMap<ArrayBufferLike, string>();

function appendTo(entry: Entry, tail: Buffer): void {
  const value = entry.value;
  const length = value.length + tail.length;
  const backing = value.buffer;
  if (owners.get(backing) === entry.key && value.byteOffset === 0 && length <= backing.byteLength) {
    tail.copy(Buffer.from(backing, 0, backing.byteLength), value.length);
    entry.value = Buffer.from(backing, 0, length);
    return;
  }
  if (length < SMALL) {
    entry.value = Buffer.concat([value, tail], length);
    return;
  }
  // sds's growth rule: double while under 1 MB, then 1 MB of room at a time.
  const capacity = length < MEGABYTE ? length * 2 : length + MEGABYTE;
  const grown = Buffer.allocUnsafeSlow(capacity); // its own ArrayBuffer, not the shared pool
  value.copy(grown, 0);
  tail.copy(grown, value.length);
  owners.set(grown.buffer, entry.key);
  entry.value = grown.subarray(0, length);
}

export const append: CommandSpec<Append> = {
  name: 'append',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Append a value to a key',
  since: '2.0.0',
  group: 'string',
  syntax: 'key value',
  parse: (args) => ({ key: keyOf(args[0]), value: args[1] }),
  apply({ key, value }, { db, server }) {
    const entry = stringEntry(db, key);
    if (entry instanceof ReplyError) return entry.frame;
    if (entry === undefined) {
      db.set(key, value);
      return integer(value.length);
    }
    const tooLong = checkStringLength(server, entry.value.length + value.length);
    if (tooLong !== undefined) return tooLong.frame;
    appendTo(entry, value);
    return integer(entry.value.length);
  },
};
