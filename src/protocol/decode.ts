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
  | {
      readonly kind: 'incomplete';
      readonly need: number;
      readonly end: number;
      readonly partial?: P;
      /**
       * Set when what is awaited is the body of a bulk string of this length, starting
       * at `end`: the caller may then cut the body out of its chunks itself and resume
       * the decoder with it (the `value` argument), instead of joining the chunks.
       */
      readonly bulk?: number;
    }
  | ProtocolError;

/**
 * A decoder as `frames()` drives it: resumable through its `partial` state. `value`,
 * when given, is the bulk string the last step was waiting for (see `bulk` above), and
 * `buf` continues right after its body, at its closing CRLF.
 */
export type Decoder<P = never> = (buf: Buffer, offset: number, partial: P | undefined, value?: Frame) => DecodeStep<P>;

const CR = 0x0d;
const LF = 0x0a;
/** Aggregates nested deeper than this are refused rather than grown without bound. */
const MAX_DEPTH = 128;
const MAX_BULK = 512 * 1024 * 1024;

/** An aggregate (array, map, set, push) whose elements are still arriving. */
interface Open {
  readonly type: 'array' | 'map' | 'set' | 'push';
  readonly items: Frame[];
  remaining: number;
}

/**
 * What `decode` keeps of a value cut short: the aggregates still open, outermost first,
 * with the elements already decoded (copied out of the buffer). Resuming from it means
 * a long array reply arriving in many chunks is read once, not once per chunk.
 */
export type PartialFrame = Open[];

/**
 * Decodes the one RESP value (RESP2, and RESP3's types) that starts at `offset`,
 * resuming from `partial` when a previous call ran out of bytes.
 */
export function decode(buf: Buffer, offset = 0, partial?: PartialFrame): DecodeStep<PartialFrame> {
  // An explicit stack instead of recursion: nested replies (an array of arrays, as
  // COMMAND answers) are decoded iteratively, so a hostile depth cannot overflow the
  // JS call stack (MAX_DEPTH bounds it), and the stack itself is the state to resume
  // from when the bytes run out in the middle of an aggregate.
  const stack: Open[] = partial ?? [];
  let pos = offset;
  for (;;) {
    const item = decodeScalarOrHeader(buf, pos);
    if (item instanceof ProtocolError) return item;
    // Out of bytes: hand the open aggregates back as `partial`. The elements already
    // decoded are not decoded again when the next chunk arrives.
    if (typeof item === 'number') return { kind: 'incomplete', need: item, end: pos, partial: stack.length > 0 ? stack : undefined };
    const [value, next] = item;
    pos = next;
    let frame: Frame;
    if ('open' in value) {
      if (value.count > 0) {
        if (stack.length >= MAX_DEPTH) return new ProtocolError('Protocol error: aggregates nested too deeply');
        stack.push({ type: value.open, items: [], remaining: value.count });
        continue;
      }
      frame = close(value.open, []);
    } else {
      frame = value;
    }
    // A complete value: it completes its parents as far up as it can.
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) return { kind: 'frame', frame, end: pos };
      top.items.push(frame);
      if (--top.remaining > 0) break;
      stack.pop();
      frame = close(top.type, top.items);
    }
  }
}

// A map arrives as 2n flat items on the wire; only once complete is it paired up.
function close(type: Open['type'], items: Frame[]): Frame {
  if (type !== 'map') return { type, value: items };
  const entries: [Frame, Frame][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) entries.push([items[i], items[i + 1]]);
  return { type: 'map', value: entries };
}

type Header = { readonly open: Open['type']; readonly count: number };

/**
 * One scalar value, or the header of an aggregate, at `offset`: [value, end], or the
 * number of bytes needed when incomplete.
 */
function decodeScalarOrHeader(buf: Buffer, offset: number): [Frame | Header, number] | number | ProtocolError {
  // Every RESP value starts with a type byte and a line. Until the line's CRLF has
  // arrived nothing can be decided, so the answer is "at least one more byte".
  if (offset >= buf.length) return offset + 1;
  const lineEnd = buf.indexOf(CR, offset + 1);
  if (lineEnd === -1 || lineEnd + 1 >= buf.length) return buf.length + 1;
  if (buf[lineEnd + 1] !== LF) return new ProtocolError('Protocol error: expected CRLF');
  const next = lineEnd + 2;
  const text = () => buf.toString('latin1', offset + 1, lineEnd);
  const number = () => parseLongLong(buf, offset + 1, lineEnd);
  // Dispatch on the type byte. The RESP3 types are decoded too, so the same decoder can
  // read a connection after HELLO 3, although our own client stays on RESP2.
  switch (buf[offset]) {
    case 0x2b /* + */:
      return [{ type: 'simple', value: text() }, next];
    case 0x2d /* - */:
      return [{ type: 'error', value: text() }, next];
    case 0x3a /* : */: {
      const n = number();
      if (n === null) return new ProtocolError('Protocol error: invalid integer');
      return [{ type: 'integer', value: n }, next];
    }
    case 0x5f /* _ RESP3 null */:
      return [{ type: 'null' }, next];
    case 0x23 /* # RESP3 boolean */:
      return [{ type: 'boolean', value: buf[offset + 1] === 0x74 /* t */ }, next];
    case 0x2c /* , RESP3 double */: {
      const t = text();
      const value = t === 'inf' ? Infinity : t === '-inf' ? -Infinity : Number(t);
      return [{ type: 'double', value }, next];
    }
    case 0x24 /* $ */:
    case 0x3d /* = RESP3 verbatim */: {
      const len = number();
      if (len === -1 && buf[offset] === 0x24) return [{ type: 'null' }, next];
      if (len === null || len < 0 || len > MAX_BULK) return new ProtocolError('Protocol error: invalid bulk length');
      const end = next + len + 2;
      if (buf.length < end) return end; // the large-value case: frames() waits for exactly this
      if (buf[end - 2] !== CR || buf[end - 1] !== LF) return new ProtocolError('Protocol error: expected CRLF');
      // A copy, not a view: a reply value must not pin the whole network chunk in memory.
      const value = Buffer.from(buf.subarray(next, next + len));
      if (buf[offset] === 0x24) return [{ type: 'bulk', value }, end];
      return [{ type: 'verbatim', format: value.toString('latin1', 0, 3), value: value.subarray(4) }, end];
    }
    case 0x2a /* * */:
    case 0x25 /* % RESP3 map */:
    case 0x7e /* ~ RESP3 set */:
    case 0x3e /* > RESP3 push */: {
      const count = number();
      if (count === -1 && buf[offset] === 0x2a) return [{ type: 'nullArray' }, next];
      if (count === null || count < 0 || count > 2 ** 31 - 1) return new ProtocolError('Protocol error: invalid multibulk length');
      const kind = ({ 0x2a: 'array', 0x25: 'map', 0x7e: 'set', 0x3e: 'push' } as const)[buf[offset] as 0x2a | 0x25 | 0x7e | 0x3e];
      // Never allocate from the declared count: elements are pushed as they decode.
      return [{ open: kind, count: kind === 'map' ? count * 2 : count }, next];
    }
    default:
      return new ProtocolError(`Protocol error: unexpected byte 0x${buf[offset].toString(16).padStart(2, '0')}`);
  }
}
