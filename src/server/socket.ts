// A socket's incoming bytes as an Observable<Buffer>: 'data' becomes next, 'end' and
// 'close' become complete, 'error' becomes error. Unsubscribing stops reading (pause
// and remove the listeners) but does not close the socket: after a shutdown stops the
// input, the replies to what was already read must still be written. Closing is the
// writer's job (writer.ts), once everything is flushed.

import type { Socket } from 'node:net';
import { Observable } from 'rxjs';

export function fromSocket(socket: Socket): Observable<Buffer> {
  return new Observable<Buffer>((subscriber) => {
    // The whole adapter: three Node events mapped onto the three Observable
    // notifications. From here on, the bytes of a connection are a stream like any
    // other, and everything downstream (frames(), session()) can be tested without one.
    const onData = (chunk: Buffer) => subscriber.next(chunk);
    const onEnd = () => subscriber.complete();
    const onError = (err: Error) => subscriber.error(err);
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    socket.on('error', onError);
    socket.resume(); // accepted paused (pauseOnConnect): start reading now
    // The teardown runs on unsubscribe (a shutdown's takeUntil) and after complete or
    // error. Removing the listeners matters: a socket outlives this subscription (the
    // writer still needs it), and a leftover 'data' listener would keep reading.
    return () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.off('error', onError);
      if (!socket.destroyed) socket.pause();
    };
  });
}
