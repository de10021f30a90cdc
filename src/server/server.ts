// The whole server as one Observable:
//
//   listen()  --socket--socket--socket-->      accepted connections
//     takeUntil(shutdown$)                     stop accepting on shutdown
//     mergeMap(serveConnection, max)           at most `max` served at once
//
// mergeMap's `concurrent` argument is mini-redis's semaphore: beyond the limit, accepted
// sockets wait (paused, unread) in mergeMap's buffer until a connection completes.
// The Observable completes when the listener is closed and every connection has
// finished: completion *is* the end of a graceful shutdown.

import type { AddressInfo } from 'node:net';
import { NEVER, Observable, mergeMap, shareReplay, take, takeUntil } from 'rxjs';
import { Db } from '../db/db';
import { ServerState } from '../commands/server-state';
import { listen } from './listen';
import { serveConnection } from './connection';

export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 6379. */
  readonly port?: number;
  /** Address to bind. Default 127.0.0.1. */
  readonly host?: string;
  /** Connections served at once; more wait for a slot. Default 250. */
  readonly maxConnections?: number;
  /** The keyspace and channels. Default: a new Db. */
  readonly db?: Db;
  /** Server-wide state (clients, stats, config). Default: a new one. */
  readonly state?: ServerState;
  /** Emits once to begin a graceful shutdown. Default: never. */
  readonly shutdown$?: Observable<unknown>;
  /** Called once listening, with the bound address. */
  readonly onListening?: (address: AddressInfo) => void;
}

export const DEFAULT_PORT = 6379;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_CONNECTIONS = 250;

export function server(options: ServerOptions = {}): Observable<never> {
  const db = options.db ?? new Db();
  const state = options.state ?? new ServerState();
  // What CONFIG GET reports for the parameters fixed at start-up.
  state.config.set('bind', options.host ?? DEFAULT_HOST);
  state.config.set('maxclients', String(options.maxConnections ?? DEFAULT_MAX_CONNECTIONS));
  // Replayed: a connection still waiting for a slot when shutdown comes must see it too.
  const shutdown$ = (options.shutdown$ ?? NEVER).pipe(take(1), shareReplay(1));
  return listen({
    port: options.port ?? DEFAULT_PORT,
    host: options.host ?? DEFAULT_HOST,
    onListening: (address) => {
      state.port = address.port;
      options.onListening?.(address);
    },
  }).pipe(
    takeUntil(shutdown$),
    mergeMap((socket) => serveConnection(socket, db, shutdown$, state), options.maxConnections ?? DEFAULT_MAX_CONNECTIONS),
  );
}
