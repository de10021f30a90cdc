// frames(): the framing operator. It turns a stream of byte chunks, cut wherever the
// network cut them, into a stream of frame batches: for each chunk, the complete frames
// it finished, as one array. It is `scan` at heart: the state is the undecoded
// remainder, each chunk is folded into it, and what decodes is emitted.
//
//   chunks:  --[*1\r\n$4\r\nPI]--[NG\r\n*1\r\n$4\r\nPING\r\n]--|
//   batches: ---------------------[PING, PING]------------------|
//
// Linear in the input: chunks are only joined when the decoder's `need` says a frame
// can be complete, so a 50 MB bulk string arriving in 64 KB chunks is joined once.

import { OperatorFunction, filter, map, scan } from 'rxjs';
import { Frame } from './frame';
import { ProtocolError } from './errors';
import { Decoder, PartialFrame, decode } from './decode';

/** A batch: the frames of one chunk. A ProtocolError, if any, is last. */
export type FrameBatch = ReadonlyArray<Frame | ProtocolError>;

interface FramingState<P> {
  /** Undecoded bytes, kept as the chunks they came in (joined only when needed). */
  readonly pending: Buffer[];
  readonly pendingLength: number;
  /** No frame can complete before `pendingLength` reaches this. */
  readonly need: number;
  /** A frame decoded in part, resumed on the next chunk (see request.ts). */
  readonly partial: P | undefined;
  /** After a protocol error the stream is unusable: everything else is ignored. */
  readonly failed: boolean;
  /** What this chunk decoded: the value `scan` hands downstream. */
  readonly batch: FrameBatch;
}

const EMPTY: FrameBatch = [];

/**
 * The scan-based framing operator. `decoder` defaults to the general RESP decoder (what
 * a client reads); the server passes `decodeRequest`.
 */
export function frames<P = PartialFrame>(decoder: Decoder<P> = decode as unknown as Decoder<P>): OperatorFunction<Buffer, FrameBatch> {
  const initial: FramingState<P> = { pending: [], pendingLength: 0, need: 1, partial: undefined, failed: false, batch: EMPTY };
  return (chunk$) =>
    chunk$.pipe(
      scan((state: FramingState<P>, chunk: Buffer) => step(state, chunk, decoder), initial),
      map((state) => state.batch),
      filter((batch) => batch.length > 0),
    );
}

/** One scan step: fold a chunk into the state, decode what completes. Pure. */
function step<P>(state: FramingState<P>, chunk: Buffer, decoder: Decoder<P>): FramingState<P> {
  if (state.failed || chunk.length === 0) return { ...state, batch: EMPTY };
  const pending = [...state.pending, chunk];
  const pendingLength = state.pendingLength + chunk.length;
  if (pendingLength < state.need) {
    // Not enough for anything: just remember the chunk. No copy, no decode.
    return { ...state, pending, pendingLength, batch: EMPTY };
  }
  const buf = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength);
  const batch: Array<Frame | ProtocolError> = [];
  let offset = 0;
  let partial = state.partial;
  while (offset < buf.length) {
    const result = decoder(buf, offset, partial);
    if (result instanceof ProtocolError) {
      batch.push(result);
      return { pending: [], pendingLength: 0, need: Infinity, partial: undefined, failed: true, batch };
    }
    if (result.kind === 'incomplete') {
      const rest = buf.subarray(result.end);
      return {
        pending: rest.length > 0 ? [rest] : [],
        pendingLength: rest.length,
        need: result.need - result.end,
        partial: result.partial,
        failed: false,
        batch,
      };
    }
    if (result.frame !== null) batch.push(result.frame);
    offset = result.end;
    partial = undefined;
  }
  return { pending: [], pendingLength: 0, need: 1, partial: undefined, failed: false, batch };
}
