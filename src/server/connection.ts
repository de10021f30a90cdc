// serveConnection(): one client, from accept to close. It wires the edges to the pure
// middle: socket bytes -> frames() -> session() -> writeTo(socket). The returned
// Observable completes when the connection is closed, and never errors: one client's
// broken socket must not take the server down.

import type { Socket } from 'node:net';
import { EMPTY, Observable, catchError, defer, takeUntil } from 'rxjs';
import type { Db } from '../db/db';
import type { ServerState } from '../commands/server-state';
import { frames } from '../protocol/frames';
import { decodeRequest } from '../protocol/request';
import { log } from '../log';
import { fromSocket } from './socket';
import { session } from './session';
import { writeTo } from './writer';

export function serveConnection(socket: Socket, db: Db, shutdown$: Observable<unknown>, server: ServerState): Observable<never> {
  return defer(() => {
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    const client = server.connect(peer, `${socket.localAddress}:${socket.localPort}`, () => socket.destroy());
    log.debug(`accepted connection from ${peer}`);
    // A permanent error listener: without one, a late ECONNRESET would crash the process.
    socket.on('error', (err) => log.debug(`connection ${peer}: ${err.message}`));
    socket.once('close', () => log.debug(`connection ${peer} closed`));

    // Shutdown stops the reading; what was read is still answered, then the writer
    // flushes and closes.
    const batches$ = fromSocket(socket).pipe(takeUntil(shutdown$), frames(decodeRequest));
    return session(db, batches$, { server, client }).pipe(writeTo(socket));
  }).pipe(
    catchError((err: Error) => {
      log.debug(`connection error: ${err.message}`);
      socket.destroy();
      return EMPTY;
    }),
  );
}
