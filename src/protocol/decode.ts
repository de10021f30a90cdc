// The pure decoder: bytes -> Frame | incomplete | ProtocolError. No I/O, no state kept
// between calls, so it is trivial to test (and to property-test) on its own. The
// `frames()` operator (frames.ts) drives it over a stream of chunks.
//
// This is the general RESP2 grammar, the one a client reads replies with. A server
// reads requests with a stricter, Redis-specific grammar: see request.ts.

import { Frame } from './frame';
import { ProtocolError } from './errors';
import { parseLongLong } from './integer';

/** One step of decoding, shared by every decoder that `frames()` can drive. */
export type DecodeStep<P = never> =
  /** A complete frame (or `null`: input that decodes to nothing, e.g. an empty line) ending at `end`. */
  | { readonly kind: 'frame'; readonly frame: Frame | null; readonly end: number }
  /**
   * Not enough bytes yet. Bytes before `end` have been taken into `partial` (they can be
   * dropped); nothing can be decoded before the buffer holds at least `need` bytes, so
   * the caller need not even look again until then: this is what keeps a large bulk
   * string linear, collected chunk by chunk and joined once.
   */
  | { readonly kind: 'incomplete'; readonly need: number; readonly end: number; readonly partial?: P }
  | ProtocolError;

/** A decoder as `frames()` drives it: resumable through its `partial` state. */
export type Decoder<P = never> = (buf: Buffer, offset: number, partial: P | undefined) => DecodeStep<P>;

const CR = 0x0d;
const LF = 0x0a;
/** Arrays nested deeper than this are refused rather than risking the call stack. */
const MAX_DEPTH = 128;

/** Decodes the one RESP2 value that starts at `offset`. */
export function decode(buf: Buffer, offset = 0): DecodeStep {
  const result = decodeAt(buf, offset, 0);
  if (result instanceof ProtocolError) return result;
  if (typeof result === 'number') return { kind: 'incomplete', need: result, end: offset };
  return { kind: 'frame', frame: result[0], end: result[1] };
}

// Internally: [frame, end] when complete, a number (the bytes needed) when incomplete.
type Inner = [Frame, number] | number | ProtocolError;

function decodeAt(buf: Buffer, offset: number, depth: number): Inner {
  if (offset >= buf.length) return offset + 1;
  const lineEnd = buf.indexOf(CR, offset + 1);
  if (lineEnd === -1 || lineEnd + 1 >= buf.length) return buf.length + 1;
  if (buf[lineEnd + 1] !== LF) return new ProtocolError('Protocol error: expected CRLF');
  const next = lineEnd + 2;
  switch (buf[offset]) {
    case 0x2b /* + */:
      return [{ type: 'simple', value: buf.toString('latin1', offset + 1, lineEnd) }, next];
    case 0x2d /* - */:
      return [{ type: 'error', value: buf.toString('latin1', offset + 1, lineEnd) }, next];
    case 0x3a /* : */: {
      const n = parseLongLong(buf, offset + 1, lineEnd);
      if (n === null) return new ProtocolError('Protocol error: invalid integer');
      return [{ type: 'integer', value: n }, next];
    }
    case 0x24 /* $ */: {
      const len = parseLongLong(buf, offset + 1, lineEnd);
      if (len === -1) return [{ type: 'null' }, next];
      if (len === null || len < 0 || len > 512 * 1024 * 1024) {
        return new ProtocolError('Protocol error: invalid bulk length');
      }
      const end = next + len + 2;
      if (buf.length < end) return end;
      if (buf[end - 2] !== CR || buf[end - 1] !== LF) return new ProtocolError('Protocol error: expected CRLF');
      // A copy, not a view: a reply value must not pin the whole network chunk in memory.
      return [{ type: 'bulk', value: Buffer.from(buf.subarray(next, next + len)) }, end];
    }
    case 0x2a /* * */: {
      const count = parseLongLong(buf, offset + 1, lineEnd);
      if (count === -1) return [{ type: 'nullArray' }, next];
      if (count === null || count < 0 || count > 2 ** 31 - 1) {
        return new ProtocolError('Protocol error: invalid multibulk length');
      }
      if (depth >= MAX_DEPTH) return new ProtocolError('Protocol error: arrays nested too deeply');
      // Never allocate from the declared count: elements are pushed as they decode.
      const items: Frame[] = [];
      let pos = next;
      for (let i = 0; i < count; i++) {
        const item = decodeAt(buf, pos, depth + 1);
        if (typeof item === 'number' || item instanceof ProtocolError) return item;
        items.push(item[0]);
        pos = item[1];
      }
      return [{ type: 'array', value: items }, pos];
    }
    default:
      return new ProtocolError(`Protocol error: unexpected byte 0x${buf[offset].toString(16).padStart(2, '0')}`);
  }
}
