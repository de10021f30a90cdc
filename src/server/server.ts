// The whole server as one Observable:
//
//   listen()  --socket--socket--socket-->      accepted connections
//     takeUntil(shutdown$)                     stop accepting on shutdown
//     admit()                                  maxclients, protected mode: refuse or let in
//     mergeMap(serveConnection, max)           at most `max` served at once
//   merged with the idle sweep (timeout), raced against the shutdown deadline
//
// mergeMap's `concurrent` argument is mini-redis's semaphore: beyond the limit, accepted
// sockets wait (paused, unread) in mergeMap's buffer until a connection completes.
// `maxclients` bounds how many may wait, as Redis bounds its clients.
//
// The Observable completes when the listener is closed and every connection has
// finished: completion *is* the end of a graceful shutdown. If that takes longer than
// `shutdownTimeout` after the shutdown began (a client that never reads its last
// replies), the deadline wins the race: the connections left are cut and the
// Observable errors with ShutdownTimeoutError.

import type { AddressInfo } from 'node:net';
import { NEVER, Observable, delay, map, merge, mergeMap, race, shareReplay, take, takeUntil } from 'rxjs';
import { Db } from '../db/db';
import { everyTurn } from './turn-flush';
import { ServerState } from '../commands/server-state';
import {
  DEFAULT_OUTPUT_BUFFER_LIMITS,
  OutputBufferLimits,
  formatOutputBufferLimits,
  parseOutputBufferLimits,
} from '../commands/server/config/parameters';
import { MIN_QUERY_BUFFER_LIMIT } from '../protocol/request';
import { listen } from './listen';
import { serveConnection } from './connection';
import { admit } from './admission';
import { connectionsOf } from './connections';
import { idleSweep } from './idle';
import { settingsOf } from './settings';
import { ShutdownTimeoutError } from './shutdown';

/** How {@link server} (and {@link startServer}) run: address, limits, shared state, shutdown. */
export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 6379. */
  readonly port?: number;
  /** Address to bind. Default 127.0.0.1. */
  readonly host?: string;
  /** Connections served at once; more wait for a slot. Default 250. */
  readonly maxConnections?: number;
  /** Open connections allowed, served or waiting (Redis's maxclients); more are refused. Default 10000. */
  readonly maxClients?: number;
  /** The default user's password (Redis's requirepass); clients must AUTH. Default: none. */
  readonly requirePass?: string;
  /** Seconds a client may stay idle before it is closed; 0 = never (Redis's timeout). Default 0. */
  readonly timeout?: number;
  /** Refuse non-loopback clients while there is no password (Redis's protected-mode). Default true. */
  readonly protectedMode?: boolean;
  /**
   * Output buffer limits in Redis's syntax, e.g. `pubsub 32mb 8mb 60` (classes not given
   * keep Redis's defaults: pubsub 32mb 8mb 60, normal unlimited).
   */
  readonly clientOutputBufferLimit?: string;
  /** Unparsed input, in bytes, beyond which a client is closed; at least 1 MB. Default 1 GB. */
  readonly clientQueryBufferLimit?: number;
  /** Unwritten output, in bytes, beyond which a connection is not read until it drains. Default 1 MB. */
  readonly outputHighWaterMark?: number;
  /** Seconds a graceful shutdown may take before the connections left are cut; 0 = no limit. Default 10. */
  readonly shutdownTimeout?: number;
  /** The keyspace and channels. Default: a new Db. */
  readonly db?: Db;
  /** Server-wide state (clients, stats, config). Default: a new one. */
  readonly state?: ServerState;
  /** Emits once to begin a graceful shutdown. Default: never. */
  readonly shutdown$?: Observable<unknown>;
  /** Called once listening, with the bound address. */
  readonly onListening?: (address: AddressInfo) => void;
}

/** Redis's port. */
export const DEFAULT_PORT = 6379;
/** Loopback only, unless told otherwise: a test server should not be reachable from the network. */
export const DEFAULT_HOST = '127.0.0.1';
/** Connections served at once (mergeMap's `concurrent`); more wait, unread, for a slot. */
export const DEFAULT_MAX_CONNECTIONS = 250;
export const DEFAULT_MAX_CLIENTS = 10000;
export const DEFAULT_SHUTDOWN_TIMEOUT = 10;

const NO_OUTPUT_LIMITS = parseOutputBufferLimits(DEFAULT_OUTPUT_BUFFER_LIMITS, {
  normal: { hard: 0n, soft: 0n, softSeconds: 0 },
  slave: { hard: 0n, soft: 0n, softSeconds: 0 },
  pubsub: { hard: 0n, soft: 0n, softSeconds: 0 },
}) as OutputBufferLimits;

/** Records the options in the configuration, where CONFIG GET shows them and CONFIG SET changes them. */
function configure(state: ServerState, options: ServerOptions): void {
  const { config } = state;
  config.set('bind', options.host ?? DEFAULT_HOST);
  config.set('maxclients', String(options.maxClients ?? DEFAULT_MAX_CLIENTS));
  if (options.requirePass !== undefined) config.set('requirepass', options.requirePass);
  if (options.timeout !== undefined) config.set('timeout', String(options.timeout));
  if (options.protectedMode !== undefined) config.set('protected-mode', options.protectedMode ? 'yes' : 'no');
  if (options.clientQueryBufferLimit !== undefined) {
    if (options.clientQueryBufferLimit < MIN_QUERY_BUFFER_LIMIT) throw new RangeError('clientQueryBufferLimit must be at least 1 MB');
    config.set('client-query-buffer-limit', String(options.clientQueryBufferLimit));
  }
  if (options.clientOutputBufferLimit !== undefined) {
    const limits = parseOutputBufferLimits(options.clientOutputBufferLimit, NO_OUTPUT_LIMITS);
    if ('error' in limits) throw new RangeError(`clientOutputBufferLimit: ${limits.error}`);
    config.set('client-output-buffer-limit', formatOutputBufferLimits(limits));
  }
  if (options.outputHighWaterMark !== undefined) settingsOf(state).outputHighWaterMark = options.outputHighWaterMark;
}

/**
 * A Db as a server wants it: published messages are delivered once per event-loop turn,
 * in one batch per channel, just before the connections' output is written
 * (turn-flush.ts). A Db made with `new Db()` works too; it delivers every message at once.
 */
export function serverDb(): Db {
  return new Db({ deliverLater: (deliver) => everyTurn.atTurnEnd(deliver) });
}

/**
 * The whole server as one cold Observable: subscribing binds the port and serves
 * clients; it emits nothing, and completes once a shutdown (`shutdown$`) has closed the
 * listener and every connection. Unsubscribing stops everything at once.
 *
 * @example
 * ```ts
 * const shutdown$ = fromEvent(process, 'SIGINT');
 * server({ port: 6379, shutdown$ }).subscribe({ complete: () => console.log('all connections closed') });
 * ```
 */
export function server(options: ServerOptions = {}): Observable<never> {
  const db = options.db ?? serverDb();
  const state = options.state ?? new ServerState();
  configure(state, options);
  const settings = settingsOf(state);
  const connections = connectionsOf(state);
  // Replayed: a connection still waiting for a slot when shutdown comes must see it too.
  const shutdown$ = (options.shutdown$ ?? NEVER).pipe(take(1), shareReplay(1));

  const served$ = listen({
    port: options.port ?? DEFAULT_PORT,
    host: options.host ?? DEFAULT_HOST,
    onListening: (address) => {
      state.port = address.port;
      options.onListening?.(address);
    },
  }).pipe(
    takeUntil(shutdown$),
    admit(state, settings, connections),
    mergeMap((socket) => serveConnection(socket, db, shutdown$, state), options.maxConnections ?? DEFAULT_MAX_CONNECTIONS),
  );
  const idle$ = idleSweep(settings, connections).pipe(takeUntil(shutdown$));

  const timeout = options.shutdownTimeout ?? DEFAULT_SHUTDOWN_TIMEOUT;
  const deadline$: Observable<never> =
    timeout > 0
      ? shutdown$.pipe(
          delay(timeout * 1000),
          map(() => {
            throw new ShutdownTimeoutError(timeout, connections.cutAll());
          }),
        )
      : NEVER;

  // Neither side emits a value: race() ends with whichever settles first, and
  // unsubscribes the other. Connections all done: complete, and the deadline's timer is
  // cleared. Deadline first: error, and unsubscribing the rest closes the listener.
  return race(merge(served$, idle$), deadline$);
}
