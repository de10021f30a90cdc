// The writing edge: an operator that writes each emitted list of buffers to the socket
// and returns an Observable that completes once everything is flushed and the socket is
// closed. Completion therefore means "this connection is done", which is what lets the
// server know when a graceful shutdown has finished.
//
// Two details carry the performance and the safety of the server:
// - Writes made in the same event-loop turn are corked and leave as one vectored write
//   when the turn's I/O callbacks are done (setImmediate runs right after them), as
//   Redis writes its clients' buffers once per event-loop iteration. For pub/sub this
//   is decisive: ten publishers' messages reach each subscriber in one write, not ten.
// - Backpressure: when socket.write() says the buffer is full, stop reading from this
//   client until 'drain'. A client that pipelines without reading its replies then
//   stalls itself instead of growing the server's memory.

import type { Socket } from 'node:net';
import { Observable, OperatorFunction } from 'rxjs';

export function writeTo(socket: Socket): OperatorFunction<readonly Buffer[], never> {
  return (output$) =>
    new Observable<never>((subscriber) => {
      let corked = false;
      let waitingForDrain = false;
      let finished = false;
      const uncork = () => {
        corked = false;
        socket.uncork();
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
          if (socket.destroyed || socket.writableEnded) return;
          if (!corked) {
            corked = true;
            socket.cork();
            setImmediate(uncork);
          }
          let roomLeft = true;
          for (const buffer of buffers) roomLeft = socket.write(buffer);
          if (!roomLeft && !waitingForDrain) {
            waitingForDrain = true;
            socket.pause();
            socket.once('drain', onDrain);
          }
        },
        error(err) {
          socket.destroy();
          subscriber.error(err);
        },
        complete() {
          // Flush what is buffered, then close the socket entirely (Redis closes the
          // file descriptor; a half-closed socket would wait on the client forever).
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
