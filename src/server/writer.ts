// The writing edge: an operator that writes each emitted list of buffers to the socket
// and returns an Observable that completes once everything is flushed and the socket is
// closed. Completion therefore means "this connection is done", which is what lets the
// server know when a graceful shutdown has finished.
//
// Three details carry the performance and the safety of the server:
// - Output is queued and written once per event-loop turn, when the turn's I/O
//   callbacks are done (turn-flush.ts: one setImmediate for the whole server), the way
//   Redis writes its clients' buffers once per event-loop iteration. For pub/sub this is
//   decisive: the messages of ten publishers reach each subscriber in one write, not
//   ten, and a queued message costs an array push instead of a trip through the stream
//   machinery.
// - Backpressure: when the unwritten output (queued here, or waiting in the socket's
//   own buffer) passes the high-water mark, stop reading from this client until the
//   socket drains. It is checked as each batch of replies is queued, not only when the
//   turn's output is written: Node may deliver several chunks of requests in one turn,
//   and a client that pipelines GETs of large values without reading its replies must
//   stall itself after one chunk, not grow the server's memory by a turn's worth of
//   replies. Redis has no such mark (its normal clients' buffers are unlimited): this
//   is where a client that never reads cannot exhaust the server.
// - Output buffer limits (client-output-buffer-limit): `overLimit` is asked about the
//   unwritten size as output is queued, and a client over its limit is closed at once.
//   This is what protects the server from a subscriber too slow for its channels: a
//   subscriber cannot be paused, since its output comes from other clients' PUBLISH.

import type { Socket } from 'node:net';
import { Observable, OperatorFunction } from 'rxjs';
import { everyTurn } from './turn-flush';

/** Below this, queued buffers are joined into one before writing (one copy, one write). */
const JOIN_BELOW = 64 * 1024;

/** Default high-water mark of unwritten output, per connection. */
export const DEFAULT_OUTPUT_HIGH_WATER_MARK = 1024 * 1024;

export interface WriteOptions {
  /** Stop reading while more than this many bytes are unwritten. Default 1 MB. */
  readonly highWaterMark?: number;
  /**
   * Called with the number of unwritten bytes each time output is queued; returning
   * true closes the connection at once (an output buffer limit was passed).
   */
  readonly overLimit?: (unwritten: number) => boolean;
}

export function writeTo(socket: Socket, options: WriteOptions = {}): OperatorFunction<readonly Buffer[], never> {
  const highWaterMark = options.highWaterMark ?? DEFAULT_OUTPUT_HIGH_WATER_MARK;
  const overLimit = options.overLimit;
  return (output$) =>
    new Observable<never>((subscriber) => {
      let queue: Buffer[] = [];
      let queued = 0;
      let flushScheduled = false;
      let readingPaused = false;
      let waitingForDrain = false;
      let cut = false;
      let finished = false;

      const pauseReading = () => {
        readingPaused = true;
        socket.pause();
      };
      const resumeReading = () => {
        readingPaused = false;
        if (!socket.destroyed) socket.resume();
      };

      const flush = () => {
        flushScheduled = false;
        if (queue.length === 0 || socket.destroyed || socket.writableEnded) {
          queue = [];
          queued = 0;
          return;
        }
        const buffers = queue;
        const bytes = queued;
        queue = [];
        queued = 0;
        let roomLeft: boolean;
        if (buffers.length === 1) roomLeft = socket.write(buffers[0]);
        else if (bytes < JOIN_BELOW) roomLeft = socket.write(Buffer.concat(buffers, bytes));
        else {
          socket.cork();
          roomLeft = true;
          for (const buffer of buffers) roomLeft = socket.write(buffer);
          socket.uncork();
        }
        if (!roomLeft && socket.writableLength > highWaterMark && !readingPaused) pauseReading();
        if (!readingPaused) return;
        // The output went out at once (the kernel took it): read on. Otherwise wait for
        // the socket to drain, which only a client reading its replies can make happen.
        if (roomLeft) resumeReading();
        else if (!waitingForDrain) {
          waitingForDrain = true;
          socket.once('drain', onDrain);
        }
      };
      const onDrain = () => {
        waitingForDrain = false;
        if (readingPaused) resumeReading();
      };
      const onClose = () => {
        finished = true;
        subscriber.complete();
      };

      const subscription = output$.subscribe({
        next(buffers) {
          if (cut) return;
          for (const buffer of buffers) {
            queue.push(buffer);
            queued += buffer.length;
          }
          // Checked once per batch of replies (or per pub/sub message): a few additions.
          const unwritten = queued + socket.writableLength;
          if (overLimit !== undefined && overLimit(unwritten)) {
            cut = true;
            queue = [];
            queued = 0;
            socket.destroy(); // 'close' ends the input, and with it this connection
            return;
          }
          if (unwritten > highWaterMark && !readingPaused) pauseReading();
          if (!flushScheduled) {
            flushScheduled = true;
            everyTurn.flushThisTurn(flush);
          }
        },
        error(err) {
          socket.destroy();
          subscriber.error(err);
        },
        complete() {
          // Flush what is queued, then close the socket entirely (Redis closes the
          // file descriptor; a half-closed socket would wait on the client forever).
          flush();
          if (socket.closed) return onClose();
          socket.once('close', onClose);
          socket.end(() => socket.destroy());
        },
      });

      return () => {
        subscription.unsubscribe();
        socket.off('drain', onDrain);
        socket.off('close', onClose);
        if (!finished) socket.destroy();
      };
    });
}
