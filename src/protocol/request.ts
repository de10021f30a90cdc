// The server's request grammar. A Redis server does not read general RESP: a request is
// either a multibulk (`*<n>\r\n` then n bulk strings `$<len>\r\n<bytes>\r\n`) or, when
// the first byte is anything but `*`, an inline command line. This decoder follows
// Redis 7's processMultibulkBuffer and processInlineBuffer (networking.c) step by step,
// so malformed input gets the very same `Protocol error: ...` text, at the same point.
//
// It is resumable: when a multibulk is cut by the network, the arguments decoded so far
// travel in `partial` and only the rest is read next time. A 1 GB MSET of small values
// is read once, not once per chunk.

import { Frame } from './frame';
import { MAX_BULK_LENGTH, MAX_INLINE_SIZE, MAX_MULTIBULK_LENGTH, ProtocolError } from './errors';
import { parseLongLong } from './integer';
import { splitInlineArgs } from './inline';
import type { DecodeStep } from './decode';

const CR = 0x0d;
const LF = 0x0a;
const STAR = 0x2a;
const DOLLAR = 0x24;

/** A multibulk request cut short by the end of the bytes received so far. */
export interface PartialRequest {
  /** The arguments decoded so far (an array owned by this decode, grown in place). */
  readonly items: Frame[];
  /** Arguments still to come. */
  readonly remaining: number;
  /** The length of the bulk string being read, or -1 before its `$` line is read. */
  readonly bulkLength: number;
}

/**
 * Decodes the request starting at `offset`: a command (an array of bulk strings), `null`
 * for input Redis ignores (an empty line, `*0`, `*-1`), incomplete, or a ProtocolError.
 */
export function decodeRequest(buf: Buffer, offset: number, partial?: PartialRequest): DecodeStep<PartialRequest> {
  if (partial) return readArguments(buf, offset, partial.items, partial.remaining, partial.bulkLength);
  if (offset >= buf.length) return { kind: 'incomplete', need: offset + 1, end: offset };
  return buf[offset] === STAR ? readMultibulk(buf, offset) : readInline(buf, offset);
}

// Redis finds line ends with C's strchr(), which stops at a NUL byte: a NUL before the
// line end hides it. Doing the same keeps even that corner byte-identical.
function find(buf: Buffer, from: number, byte: number): number {
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (c === byte) return i;
    if (c === 0) return -1;
  }
  return -1;
}

function readInline(buf: Buffer, offset: number): DecodeStep<PartialRequest> {
  const newline = find(buf, offset, LF);
  if (newline === -1) {
    if (buf.length - offset > MAX_INLINE_SIZE) return new ProtocolError('Protocol error: too big inline request');
    return { kind: 'incomplete', need: buf.length + 1, end: offset };
  }
  const lineEnd = newline > offset && buf[newline - 1] === CR ? newline - 1 : newline;
  const args = splitInlineArgs(buf.subarray(offset, lineEnd));
  if (args === null) return new ProtocolError('Protocol error: unbalanced quotes in request');
  const frame: Frame | null = args.length === 0 ? null : { type: 'array', value: args.map((value) => ({ type: 'bulk', value })) };
  return { kind: 'frame', frame, end: newline + 1 };
}

function readMultibulk(buf: Buffer, offset: number): DecodeStep<PartialRequest> {
  const cr = find(buf, offset, CR);
  if (cr === -1) {
    if (buf.length - offset > MAX_INLINE_SIZE) return new ProtocolError('Protocol error: too big mbulk count string');
    return { kind: 'incomplete', need: buf.length + 1, end: offset };
  }
  // Redis wants one more byte after the \r and skips it without looking at it.
  if (cr + 1 >= buf.length) return { kind: 'incomplete', need: cr + 2, end: offset };
  const count = parseLongLong(buf, offset + 1, cr);
  if (count === null || count > MAX_MULTIBULK_LENGTH) return new ProtocolError('Protocol error: invalid multibulk length');
  // `*0` and negative counts are accepted and mean nothing at all.
  if (count <= 0) return { kind: 'frame', frame: null, end: cr + 2 };
  // `count` may be two billion: it is a loop bound, never an allocation size.
  return readArguments(buf, cr + 2, [], count, -1);
}

function readArguments(
  buf: Buffer,
  pos: number,
  items: Frame[],
  remaining: number,
  bulkLength: number,
): DecodeStep<PartialRequest> {
  while (remaining > 0) {
    if (bulkLength === -1) {
      const cr = find(buf, pos, CR);
      if (cr === -1) {
        if (buf.length - pos > MAX_INLINE_SIZE) return new ProtocolError('Protocol error: too big bulk count string');
        return { kind: 'incomplete', need: buf.length + 1, end: pos, partial: { items, remaining, bulkLength } };
      }
      if (cr + 1 >= buf.length) {
        return { kind: 'incomplete', need: cr + 2, end: pos, partial: { items, remaining, bulkLength } };
      }
      if (buf[pos] !== DOLLAR) {
        // Redis formats the byte with %c, then turns \r and \n into spaces.
        const c = buf[pos];
        const shown = c === CR || c === LF ? ' ' : String.fromCharCode(c);
        return new ProtocolError(`Protocol error: expected '$', got '${shown}'`);
      }
      const length = parseLongLong(buf, pos + 1, cr);
      // Checked before anything is allocated: a declared length reserves nothing.
      if (length === null || length < 0 || length > MAX_BULK_LENGTH) {
        return new ProtocolError('Protocol error: invalid bulk length');
      }
      pos = cr + 2;
      bulkLength = length;
    }
    if (buf.length - pos < bulkLength + 2) {
      // The classic large-value case: tell frames() exactly how many bytes to wait for.
      return { kind: 'incomplete', need: pos + bulkLength + 2, end: pos, partial: { items, remaining, bulkLength } };
    }
    // A view, not a copy: commands copy only what they keep (see Db.set).
    items.push({ type: 'bulk', value: buf.subarray(pos, pos + bulkLength) });
    pos += bulkLength + 2; // Redis skips the two bytes after the value without checking them
    bulkLength = -1;
    remaining--;
  }
  return { kind: 'frame', frame: { type: 'array', value: items }, end: pos };
}
