// The server's request grammar. A Redis server does not read general RESP: a request is
// either a multibulk (`*<n>\r\n` then n bulk strings `$<len>\r\n<bytes>\r\n`) or, when
// the first byte is anything but `*`, an inline command line. This decoder follows
// Redis 7's processMultibulkBuffer and processInlineBuffer (networking.c) step by step,
// so malformed input gets the very same `Protocol error: ...` text, at the same point.
//
// It is resumable: when a multibulk is cut by the network, the arguments decoded so far
// travel in `partial` and only the rest is read next time. A 1 GB MSET of small values
// is read once, not once per chunk.
//
// Two limits depend on the connection, so they come from a `RequestLimits` object that
// the server layer gives `requestDecoder()` (the plain `decodeRequest` has none):
// - before a client has authenticated (a password is set), Redis allows at most 10
//   arguments and 16384 bytes per argument, so that a stranger cannot make the server
//   reserve memory before logging in;
// - `client-query-buffer-limit`: a client whose unparsed input grows past it is closed.
// Both are read from the object on the rare path only (a count over 10, a bulk over
// 16 KB, a request still incomplete), so an authenticated client pays nothing for them.

import { Frame } from './frame';
import { MAX_BULK_LENGTH, MAX_INLINE_SIZE, MAX_MULTIBULK_LENGTH, ProtocolError } from './errors';
import { parseLongLong } from './integer';
import { splitInlineArgs } from './inline';
import type { DecodeStep, Decoder } from './decode';

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

/** Redis's limits for a client that must authenticate and has not yet (networking.c). */
export const UNAUTHENTICATED_MAX_MULTIBULK = 10;
export const UNAUTHENTICATED_MAX_BULK = 16384;
/** `client-query-buffer-limit`: 1 GB by default, at least 1 MB (Redis's bounds). */
export const DEFAULT_QUERY_BUFFER_LIMIT = 1024 * 1024 * 1024;
export const MIN_QUERY_BUFFER_LIMIT = 1024 * 1024;

/** What a connection's decoder asks of the connection. Read once per chunk at most. */
export interface RequestLimits {
  /** Redis's authRequired(c): a password is set and this client has not given it yet. */
  readonly authRequired: boolean;
  /** `client-query-buffer-limit`: the most unparsed input a client may have pending. */
  readonly queryBufferLimit: number;
}

/**
 * A client whose unparsed input passed `client-query-buffer-limit`. Redis closes such a
 * client without a reply (and logs it), so the session does the same with this error.
 */
export class QueryBufferLimitError extends ProtocolError {
  constructor(readonly pending: number) {
    super('Protocol error: query buffer limit reached');
  }
}

/** The server's decoder, with what it knows about requests it let through early. */
export interface RequestDecoder extends Decoder<PartialRequest> {
  /** Decodes the request at `offset` (resuming `partial`, if given). */
  (buf: Buffer, offset: number, partial?: PartialRequest, value?: Frame): DecodeStep<PartialRequest>;
  /**
   * For a request decoded past the unauthenticated limits because an AUTH or HELLO
   * before it, in the same chunk, had not run yet: the protocol error Redis would have
   * given if that login failed. The session asks when the request is about to run and
   * the client is still not authenticated. Undefined for every other request.
   */
  uncheckedBeforeAuth(request: Frame): ProtocolError | undefined;
}

/** Per-connection decoding state: the limits, and what this chunk has seen so far. */
interface Context {
  readonly limits: RequestLimits;
  /** limits.authRequired, read once at the start of each chunk (it cannot change mid-chunk: commands run after). */
  strict: boolean;
  /** An AUTH or HELLO was decoded earlier in this chunk: it may log the client in before the next request runs. */
  authPending: boolean;
  /** Requests decoded under `authPending` that broke the unauthenticated limits. */
  readonly deferred: WeakSet<Frame>;
}

const NO_LIMITS: RequestLimits = { authRequired: false, queryBufferLimit: DEFAULT_QUERY_BUFFER_LIMIT };

/**
 * A request decoder for one connection, enforcing its `limits`. Because `frames()` hands
 * a decoder every request of a chunk before any of them runs, while Redis runs each
 * request before parsing the next, a pipelined `AUTH password` followed by a large
 * request needs care: the large request is decoded with the normal limits (it may be
 * legitimate once AUTH has run), and the session checks it again before running it.
 * If it is still incomplete, the decoder asks to see the next chunk at once, so that the
 * strict check happens then, after AUTH has run, and before the rest is buffered.
 */
export function requestDecoder(limits: RequestLimits): RequestDecoder {
  const context: Context = { limits, strict: false, authPending: false, deferred: new WeakSet() };
  const decoder = (buf: Buffer, offset: number, partial?: PartialRequest, value?: Frame): DecodeStep<PartialRequest> => {
    if (offset === 0) {
      // frames() starts every chunk at offset 0: a new chunk, after the previous one ran.
      context.strict = limits.authRequired;
      context.authPending = false;
    }
    const step = decodeNext(buf, offset, partial, context, value);
    if (context.strict && !(step instanceof ProtocolError) && step.kind === 'frame' && isLogin(step.frame)) {
      context.authPending = true;
    }
    return step;
  };
  return Object.assign(decoder, {
    uncheckedBeforeAuth: (request: Frame): ProtocolError | undefined =>
      context.deferred.has(request) ? unauthenticatedViolation(request) : undefined,
  });
}

/**
 * Decodes the request starting at `offset`: a command (an array of bulk strings), `null`
 * for input Redis ignores (an empty line, `*0`, `*-1`), incomplete, or a ProtocolError.
 * This is the decoder without connection limits (an authenticated client, 1 GB query buffer).
 */
export const decodeRequest: RequestDecoder = requestDecoder(NO_LIMITS);

function decodeNext(
  buf: Buffer,
  offset: number,
  partial: PartialRequest | undefined,
  context: Context,
  value?: Frame,
): DecodeStep<PartialRequest> {
  if (partial) {
    if (offset === 0 && context.strict) {
      // Resumed in a later chunk: whatever was let through before AUTH ran is checked now.
      const violation = partialViolation(partial);
      if (violation !== undefined) return violation;
    }
    if (value !== undefined) {
      // The bulk string we were waiting for, cut out of its chunks by frames(): take it
      // as the argument and skip its CRLF (unchecked, as Redis skips it).
      partial.items.push(value);
      return readArguments(buf, offset + 2, partial.items, partial.remaining - 1, -1, context, false);
    }
    return readArguments(buf, offset, partial.items, partial.remaining, partial.bulkLength, context, false);
  }
  if (offset >= buf.length) return { kind: 'incomplete', need: offset + 1, end: offset };
  return buf[offset] === STAR ? readMultibulk(buf, offset, context) : readInline(buf, offset);
}

const UNAUTHENTICATED_MULTIBULK = 'Protocol error: unauthenticated multibulk length';
const UNAUTHENTICATED_BULK = 'Protocol error: unauthenticated bulk length';

/** Does this request log in (AUTH, or HELLO, which may carry AUTH)? Only asked of unauthenticated clients. */
function isLogin(frame: Frame | null): boolean {
  if (frame === null || frame.type !== 'array' || frame.value.length === 0) return false;
  const name = frame.value[0];
  if (name.type !== 'bulk' || name.value.length > 5) return false;
  const lower = name.value.toString('latin1').toLowerCase();
  return lower === 'auth' || lower === 'hello';
}

/** The error Redis gives an unauthenticated client for this request, if any: count first, then each argument. */
function unauthenticatedViolation(request: Frame): ProtocolError | undefined {
  if (request.type !== 'array') return undefined;
  if (request.value.length > UNAUTHENTICATED_MAX_MULTIBULK) return new ProtocolError(UNAUTHENTICATED_MULTIBULK);
  for (const item of request.value) {
    if (item.type === 'bulk' && item.value.length > UNAUTHENTICATED_MAX_BULK) return new ProtocolError(UNAUTHENTICATED_BULK);
  }
  return undefined;
}

function partialViolation(partial: PartialRequest): ProtocolError | undefined {
  if (partial.items.length + partial.remaining > UNAUTHENTICATED_MAX_MULTIBULK) return new ProtocolError(UNAUTHENTICATED_MULTIBULK);
  const over = unauthenticatedViolation({ type: 'array', value: partial.items });
  if (over !== undefined) return over;
  return partial.bulkLength > UNAUTHENTICATED_MAX_BULK ? new ProtocolError(UNAUTHENTICATED_BULK) : undefined;
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

function readMultibulk(buf: Buffer, offset: number, context: Context): DecodeStep<PartialRequest> {
  const cr = find(buf, offset, CR);
  if (cr === -1) {
    if (buf.length - offset > MAX_INLINE_SIZE) return new ProtocolError('Protocol error: too big mbulk count string');
    return { kind: 'incomplete', need: buf.length + 1, end: offset };
  }
  // Redis wants one more byte after the \r and skips it without looking at it.
  if (cr + 1 >= buf.length) return { kind: 'incomplete', need: cr + 2, end: offset };
  const count = parseLongLong(buf, offset + 1, cr);
  if (count === null || count > MAX_MULTIBULK_LENGTH) return new ProtocolError('Protocol error: invalid multibulk length');
  let deferred = false;
  if (count > UNAUTHENTICATED_MAX_MULTIBULK && context.strict) {
    if (!context.authPending) return new ProtocolError(UNAUTHENTICATED_MULTIBULK);
    deferred = true;
  }
  // `*0` and negative counts are accepted and mean nothing at all.
  if (count <= 0) return { kind: 'frame', frame: null, end: cr + 2 };
  // `count` may be two billion: it is a loop bound, never an allocation size.
  return readArguments(buf, cr + 2, [], count, -1, context, deferred);
}

function readArguments(
  buf: Buffer,
  pos: number,
  items: Frame[],
  remaining: number,
  bulkLength: number,
  context: Context,
  /** Let through past the unauthenticated limits, pending an AUTH earlier in this chunk. */
  deferred: boolean,
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
      if (length > UNAUTHENTICATED_MAX_BULK && context.strict) {
        if (!context.authPending) return new ProtocolError(UNAUTHENTICATED_BULK);
        deferred = true;
      }
      pos = cr + 2;
      bulkLength = length;
    }
    if (buf.length - pos < bulkLength + 2) {
      // The classic large-value case: tell frames() exactly how many bytes to wait for.
      let need = pos + bulkLength + 2;
      // A value as large as the query buffer limit: Redis closes the client once more
      // than the limit has arrived, so look again at that point. (The limit is at least
      // 1 MB, so smaller values, the usual case, never read it.)
      if (bulkLength >= MIN_QUERY_BUFFER_LIMIT) {
        const limit = context.limits.queryBufferLimit;
        if (buf.length - pos > limit) return new QueryBufferLimitError(buf.length - pos);
        need = Math.min(need, pos + limit + 1);
      }
      // Let through pending an AUTH: come back with the next chunk, once AUTH has run.
      if (deferred) need = Math.min(need, buf.length + 1);
      // `bulk`: the body starts at `end`, so frames() may collect it without a join.
      return { kind: 'incomplete', need, end: pos, partial: { items, remaining, bulkLength }, bulk: bulkLength };
    }
    // A view, not a copy: commands copy only what they keep (see Db.set).
    items.push({ type: 'bulk', value: buf.subarray(pos, pos + bulkLength) });
    pos += bulkLength + 2; // Redis skips the two bytes after the value without checking them
    bulkLength = -1;
    remaining--;
  }
  const frame: Frame = { type: 'array', value: items };
  if (deferred) context.deferred.add(frame);
  return { kind: 'frame', frame, end: pos };
}
