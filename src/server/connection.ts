// serveConnection(): one client, from accept to close. It wires the edges to the pure
// middle: socket bytes -> frames() -> session() -> writeTo(socket). The returned
// Observable completes when the connection is closed, and never errors: one client's
// broken socket must not take the server down.
//
// The middle, connectionReplies(), is a function of streams only (bytes in, reply
// buffers out, stopped by shutdown$), so it runs under TestScheduler as well as over TCP.
//
// The per-connection limits are set up here, once per connection:
// - the request decoder gets the connection's login state (Redis's smaller limits
//   before AUTH) and the query buffer limit;
// - the writer gets the output high-water mark and the output buffer limits of the
//   client's class (a subscriber is in the pubsub class).

import type { Socket } from 'node:net';
import { EMPTY, Observable, catchError, defer, finalize, takeUntil } from 'rxjs';
import type { Db } from '../db/db';
import type { ServerState } from '../commands/server-state';
import { ConnectionAuth } from '../commands/connection/authentication';
import { frames } from '../protocol/frames';
import { RequestDecoder, decodeRequest, requestDecoder } from '../protocol/request';
import { log } from '../log';
import { fromSocket } from './socket';
import { SessionOptions, session } from './session';
import { writeTo } from './writer';
import { settingsOf } from './settings';
import { connectionsOf } from './connections';
import { OutputBufferLimit } from './output-limit';

export interface ConnectionRepliesOptions extends SessionOptions {
  /** The request decoder. Default: decodeRequest (no per-connection limits). */
  readonly decoder?: RequestDecoder;
}

/**
 * The socket-free middle of a connection: chunks of request bytes in, lists of reply
 * buffers out. Shutdown stops the reading; what was read is still answered, then the
 * output completes.
 */
export function connectionReplies(
  chunk$: Observable<Buffer>,
  db: Db,
  shutdown$: Observable<unknown>,
  options: ConnectionRepliesOptions = {},
): Observable<readonly Buffer[]> {
  const decoder = options.decoder ?? decodeRequest;
  const batches$ = chunk$.pipe(takeUntil(shutdown$), frames(decoder));
  return session(db, batches$, { ...options, uncheckedBeforeAuth: options.uncheckedBeforeAuth ?? decoder.uncheckedBeforeAuth });
}

export function serveConnection(socket: Socket, db: Db, shutdown$: Observable<unknown>, server: ServerState): Observable<never> {
  return defer(() => {
    const settings = settingsOf(server);
    const connections = connectionsOf(server);
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    const client = server.connect(peer, `${socket.localAddress}:${socket.localPort}`, () => socket.destroy());
    connections.served.set(client, { socket, flushed: 0 });
    log.debug(`accepted connection from ${peer}`);
    // A permanent error listener: without one, a late ECONNRESET would crash the process.
    socket.on('error', (err) => log.debug(`connection ${peer}: ${err.message}`));
    socket.once('close', () => log.debug(`connection ${peer} closed`));

    const auth = new ConnectionAuth(server);
    const decoder = requestDecoder({
      get authRequired() {
        return auth.required;
      },
      get queryBufferLimit() {
        return settings.queryBufferLimit;
      },
    });

    const outputLimit = new OutputBufferLimit(Date.now);
    const overLimit = (unwritten: number): boolean => {
      if (!outputLimit.mayExceed(unwritten)) return false;
      const limits = settings.outputLimits;
      const limit = client.subscriptions + client.patternSubscriptions > 0 ? limits.pubsub : limits.normal;
      if (!outputLimit.exceeded(unwritten, limit)) return false;
      log.warn(
        `Client id=${client.id} addr=${client.address} closed for overcoming of output buffer limits (${unwritten} bytes unwritten).`,
      );
      return true;
    };

    return connectionReplies(fromSocket(socket), db, shutdown$, { server, client, auth, decoder }).pipe(
      writeTo(socket, { highWaterMark: settings.outputHighWaterMark, overLimit }),
      finalize(() => connections.served.delete(client)),
    );
  }).pipe(
    catchError((err: Error) => {
      log.debug(`connection error: ${err.message}`);
      socket.destroy();
      return EMPTY;
    }),
  );
}
