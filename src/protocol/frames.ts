// frames(): the framing operator. It turns a stream of byte chunks, cut wherever the
// network cut them, into a stream of frame batches: for each chunk, the complete frames
// it finished, as one array. It is `scan` at heart: the state is the undecoded
// remainder, each chunk is folded into it, and what decodes is emitted.
//
//   chunks:  --[*1\r\n$4\r\nPI]--[NG\r\n*1\r\n$4\r\nPING\r\n]--|
//   batches: ---------------------[PING, PING]------------------|
//
// Linear in the input: chunks are only joined when the decoder's `need` says a frame
// can be complete, so a 50 MB bulk string arriving in 64 KB chunks is joined once; and
// a large bulk string the decoder is waiting for is not joined at all, but handed over
// in its chunks (a ChunkedBulk, see chunked-bulk.ts).

import { OperatorFunction, defer, filter, map, scan } from 'rxjs';
import { Frame } from './frame';
import { ProtocolError } from './errors';
import { Decoder, PartialFrame, decode } from './decode';
import { ChunkedBulk, PIECES_FROM } from './chunked-bulk';

/** A batch: the frames of one chunk. A ProtocolError, if any, is last. */
export type FrameBatch = ReadonlyArray<Frame | ProtocolError>;

// The state threaded through `scan`, one per subscription (see frames()). It is
// mutable on purpose: `scan` hands the same object back to the next step, so updating
// it in place saves an allocation per chunk, and nothing else ever sees it.
interface FramingState<P> {
  /** Undecoded bytes, kept as the chunks they came in (joined only when needed). */
  pending: Buffer[];
  pendingLength: number;
  /** No frame can complete before `pendingLength` reaches this. */
  need: number;
  /** A frame decoded in part, resumed on the next chunk (see request.ts). */
  partial: P | undefined;
  /** The length of the bulk string body `pending` starts with, when that is what is awaited; else -1. */
  bulk: number;
  /** After a protocol error the stream is unusable: everything else is ignored. */
  failed: boolean;
  /** What this chunk decoded: the value `scan` hands downstream. */
  batch: FrameBatch;
}

const EMPTY: FrameBatch = [];
const EMPTY_BUFFER = Buffer.alloc(0);

/**
 * The scan-based framing operator. `decoder` defaults to the general RESP decoder (what
 * a client reads); the server passes `decodeRequest`.
 */
export function frames<P = PartialFrame>(decoder: Decoder<P> = decode as unknown as Decoder<P>): OperatorFunction<Buffer, FrameBatch> {
  return (chunk$) =>
    defer(() => {
      // A fresh state per subscription: it is mutated in place by `step`.
      const initial: FramingState<P> = {
        pending: [],
        pendingLength: 0,
        need: 1,
        partial: undefined,
        bulk: -1,
        failed: false,
        batch: EMPTY,
      };
      // Why `scan` and not a hand-written Observable: scan IS "a state threaded through
      // a stream", and using it keeps the framing a pure function of (state, chunk),
      // testable with a cold marble of chunks. Errors, completion and unsubscription
      // flow through it untouched: when the socket's bytes complete, so do the frames.
      return chunk$.pipe(scan((state: FramingState<P>, chunk: Buffer) => step(state, chunk, decoder), initial));
    }).pipe(
      // scan emits the state after every chunk; downstream wants only what a chunk
      // completed. A chunk that completed nothing (half a request) emits nothing.
      map((state) => state.batch),
      filter((batch) => batch.length > 0),
    );
}

/**
 * One scan step: fold a chunk into the state, decode what completes. The state object
 * is private to this one subscription (frames() makes a fresh seed per subscriber), so
 * it is updated in place: one fewer allocation per chunk on the hottest path.
 */
function step<P>(state: FramingState<P>, chunk: Buffer, decoder: Decoder<P>): FramingState<P> {
  state.batch = EMPTY;
  if (state.failed || chunk.length === 0) return state;
  state.pending.push(chunk);
  state.pendingLength += chunk.length;
  // Not enough for anything: just remember the chunk. No copy, no decode.
  if (state.pendingLength < state.need) return state;
  let pending = state.pending;
  // A large bulk string whose body has now fully arrived, over several chunks: cut it
  // out as a ChunkedBulk (views, no copy) and decode on from the bytes after it.
  let value: ChunkedBulk | undefined;
  if (state.bulk >= PIECES_FROM && pending.length > 1 && state.pendingLength >= state.bulk + 2) {
    value = cutBulk(pending, state.bulk);
    pending = pending.filter((rest) => rest.length > 0);
  }
  // Enough bytes for the decoder to make progress: join the remembered chunks ONCE (the
  // usual case, a chunk holding whole requests, needs no join at all).
  const buf = pending.length === 1 ? pending[0] : Buffer.concat(pending);
  const batch: Array<Frame | ProtocolError> = [];
  let offset = 0;
  let partial = state.partial;
  state.pending = [];
  state.pendingLength = 0;
  state.need = 1;
  state.partial = undefined;
  state.bulk = -1;
  state.batch = batch;
  // Decode request after request until the buffer runs out or a request is cut short.
  // Every request of the chunk ends up in the one batch: the session runs them in one
  // loop and answers them with one write.
  while (offset < buf.length) {
    const result = decoder(buf, offset, partial, value);
    value = undefined;
    // Malformed input: the error ends the batch (the session answers it and closes the
    // connection, as Redis does), and `failed` makes every later chunk a no-op.
    if (result instanceof ProtocolError) {
      batch.push(result);
      state.failed = true;
      state.need = Infinity;
      return state;
    }
    // Cut short: keep only the bytes the decoder has not consumed, and remember how many
    // it needs before it can finish. That `need` is what lets the next chunks of a
    // large value be stored without a copy and without decoding (the linear path).
    if (result.kind === 'incomplete') {
      const rest = buf.subarray(result.end);
      if (rest.length > 0) state.pending.push(rest);
      state.pendingLength = rest.length;
      state.need = result.need - result.end;
      state.partial = result.partial;
      state.bulk = result.bulk ?? -1;
      return state;
    }
    if (result.frame !== null) batch.push(result.frame);
    offset = result.end;
    partial = undefined;
  }
  return state;
}

/**
 * Takes the first `length` bytes off the front of `pending` as a ChunkedBulk: whole
 * chunks move into it, a chunk the body ends in is split (the view past the end stays
 * in `pending`), and emptied slots are left as zero-length buffers for the caller to drop.
 */
function cutBulk(pending: Buffer[], length: number): ChunkedBulk {
  const parts: Buffer[] = [];
  let left = length;
  for (let i = 0; left > 0; i++) {
    const chunk = pending[i];
    if (chunk.length <= left) {
      parts.push(chunk);
      left -= chunk.length;
      pending[i] = EMPTY_BUFFER;
    } else {
      parts.push(chunk.subarray(0, left));
      pending[i] = chunk.subarray(left);
      left = 0;
    }
  }
  return new ChunkedBulk(parts, length);
}
