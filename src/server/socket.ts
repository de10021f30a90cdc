// A socket's incoming bytes as an Observable<Buffer>: 'data' becomes next, 'end' and
// 'close' become complete, 'error' becomes error. Unsubscribing stops reading (pause
// and remove the listeners) but does not close the socket: after a shutdown stops the
// input, the replies to what was already read must still be written. Closing is the
// writer's job (writer.ts), once everything is flushed.

import type { Socket } from 'node:net';
import { Observable } from 'rxjs';

export function fromSocket(socket: Socket): Observable<Buffer> {
  return new Observable<Buffer>((subscriber) => {
    const onData = (chunk: Buffer) => subscriber.next(chunk);
    const onEnd = () => subscriber.complete();
    const onError = (err: Error) => subscriber.error(err);
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    socket.on('error', onError);
    socket.resume(); // accepted paused (pauseOnConnect): start reading now
    return () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.off('error', onError);
      if (!socket.destroyed) socket.pause();
    };
  });
}
