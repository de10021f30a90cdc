// SETRANGE key offset value: overwrite part of a string, starting `offset` bytes in,
// and answer the new length. Writing past the end pads the gap with zero bytes, so
// SETRANGE on a missing key builds a string from nothing. An empty value changes
// nothing (and creates nothing); a result beyond proto-max-bulk-len (512 MB) is refused
// before anything is allocated. The key keeps its time to live.
//
// The new string is a copy, not the old one modified in place: a GET reply may still
// hold a view of the old bytes until the socket has written them.

import { integer } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, keyOf } from '../command';
import { checkStringLength, stringEntry } from './string-value';

interface SetRange {
  readonly key: string;
  readonly offset: number;
  readonly value: Buffer;
}

const OFFSET_OUT_OF_RANGE = new ReplyError('ERR offset is out of range');

export const setrange: CommandSpec<SetRange> = {
  name: 'setrange',
  arity: 4,
  flags: ['write', 'denyoom'],
  categories: ['@write', '@string', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Overwrite part of a string at key starting at the specified offset',
  since: '2.2.0',
  group: 'string',
  syntax: 'key offset value',
  parse(args) {
    const offset = parseLongLong(args[1], 0, args[1].length);
    if (offset === null) return NOT_AN_INTEGER;
    if (offset < 0) return OFFSET_OUT_OF_RANGE;
    return { key: keyOf(args[0]), offset, value: args[2] };
  },
  apply({ key, offset, value }, { db, server }) {
    const entry = stringEntry(db, key);
    if (entry instanceof ReplyError) return entry.frame;
    const old = entry?.value;
    if (value.length === 0) return integer(old === undefined ? 0 : old.length);
    const tooLong = checkStringLength(server, offset + value.length);
    if (tooLong !== undefined) return tooLong.frame;
    const length = Math.max(old?.length ?? 0, offset + value.length);
    const updated = Buffer.alloc(length); // zero-filled: the padding
    old?.copy(updated, 0);
    value.copy(updated, offset);
    if (entry === undefined) db.set(key, updated);
    else entry.value = updated; // in place: the expiry stays as it is
    return integer(length);
  },
};
