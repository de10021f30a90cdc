// startServer(): the embeddable server, for an app's own tests. It runs the server
// Observable and bridges it to a Promise-based handle, the shape test frameworks expect:
//
//   const server = await startServer({ port: 0 });
//   ... connect any Redis client to server.port ...
//   await server.close();   // graceful: every received command answered, then closed
//
// Every ServerOptions limit applies (maxClients, requirePass, timeout...). close()
// rejects with ShutdownTimeoutError if connections had to be cut after
// `shutdownTimeout` seconds (a client that never read its replies).

import type { AddressInfo } from 'node:net';
import { ReplaySubject } from 'rxjs';
import { Db } from '../db/db';
import { DEFAULT_HOST, ServerOptions, server, serverDb } from './server';

/** The options of {@link startServer}: those of {@link server}, less the two it provides itself. */
export interface StartOptions extends Omit<ServerOptions, 'shutdown$' | 'onListening'> {}

/** A server started by {@link startServer}: where it listens, its Db, and how to stop it. */
export interface RunningServer {
  /** The bound port (useful with `port: 0`). */
  readonly port: number;
  /** The bound address, e.g. `127.0.0.1`. */
  readonly host: string;
  /** The server's Db: seed or inspect data directly in tests. */
  readonly db: Db;
  /** Shuts down gracefully; resolves when every connection is closed (rejects if they had to be cut). */
  close(): Promise<void>;
  /** Resolves when the server has stopped, however it stopped. */
  readonly closed: Promise<void>;
}

/**
 * Starts a server and resolves once it is listening: the embeddable mini-redis, for an
 * app's own tests. Rejects if the port cannot be bound (EADDRINUSE...).
 *
 * @example
 * ```ts
 * const server = await startServer({ port: 0 }); // port 0: a free port
 * const redis = new Redis({ port: server.port }); // any client: ioredis, node-redis...
 * server.db.set('seeded', Buffer.from('value')); // seed or inspect the data directly
 * await server.close(); // graceful: received commands are answered, then everything closes
 * ```
 */
export function startServer(options: StartOptions = {}): Promise<RunningServer> {
  return new Promise<RunningServer>((resolve, reject) => {
    const db = options.db ?? serverDb();
    const shutdown$ = new ReplaySubject<void>(1);
    let started = false;
    let settle!: { resolve: () => void; reject: (err: unknown) => void };
    const closed = new Promise<void>((res, rej) => (settle = { resolve: res, reject: rej }));
    // Nobody may be waiting on `closed`; do not let it surface as an unhandled rejection.
    closed.catch(() => undefined);

    server({
      ...options,
      db,
      host: options.host ?? DEFAULT_HOST,
      shutdown$,
      onListening: (address: AddressInfo) => {
        started = true;
        resolve({
          port: address.port,
          host: address.address,
          db,
          closed,
          close: () => {
            shutdown$.next();
            return closed;
          },
        });
      },
    }).subscribe({
      error: (err: unknown) => {
        db.close();
        if (started) settle.reject(err);
        else reject(err);
      },
      complete: () => {
        db.close();
        settle.resolve();
      },
    });
  });
}
