// The writing edge: an operator that writes each emitted list of buffers to the socket
// and returns an Observable that completes once everything is flushed and the socket is
// closed. Completion therefore means "this connection is done", which is what lets the
// server know when a graceful shutdown has finished.
//
// Two details carry the performance and the safety of the server:
// - Output is queued and written once per event-loop turn, when the turn's I/O
//   callbacks are done (setImmediate runs right after them), the way Redis writes its
//   clients' buffers once per event-loop iteration. For pub/sub this is decisive: the
//   messages of ten publishers reach each subscriber in one write, not ten, and a
//   queued message costs an array push instead of a trip through the stream machinery.
// - Backpressure: when socket.write() says the buffer is full, stop reading from this
//   client until 'drain'. A client that pipelines without reading its replies then
//   stalls itself instead of growing the server's memory.

import type { Socket } from 'node:net';
import { Observable, OperatorFunction } from 'rxjs';

/** Below this, queued buffers are joined into one before writing (one copy, one write). */
const JOIN_BELOW = 64 * 1024;

export function writeTo(socket: Socket): OperatorFunction<readonly Buffer[], never> {
  return (output$) =>
    new Observable<never>((subscriber) => {
      let queue: Buffer[] = [];
      let queued = 0;
      let flushScheduled = false;
      let waitingForDrain = false;
      let finished = false;

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
        if (!roomLeft && !waitingForDrain) {
          waitingForDrain = true;
          socket.pause();
          socket.once('drain', onDrain);
        }
      };
      const onDrain = () => {
        waitingForDrain = false;
        if (!socket.destroyed) socket.resume();
      };
      const onClose = () => {
        finished = true;
        subscriber.complete();
      };

      const subscription = output$.subscribe({
        next(buffers) {
          for (const buffer of buffers) {
            queue.push(buffer);
            queued += buffer.length;
          }
          if (!flushScheduled) {
            flushScheduled = true;
            setImmediate(flush);
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
