#!/usr/bin/env node
// mini-redis-server: the server's command line (commander), the counterpart of
// mini-redis's src/bin/server.rs. It turns flags into ServerOptions, wires process
// signals into the shutdown Observable, and exits 0 once the server Observable
// completes, i.e. once every connection has been answered, flushed and closed.

import { Command, InvalidArgumentError } from 'commander';
import { skip, take } from 'rxjs';
import { DEFAULT_HOST, DEFAULT_MAX_CONNECTIONS, DEFAULT_PORT, server } from '../server/server';
import { signals } from '../server/shutdown';
import { Db } from '../db/db';
import { isLogLevel, log, setDefaultLogLevel } from '../log';
import { version } from './version';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a non-negative integer');
  return n;
}

function port(value: string): number {
  const n = positiveInteger(value);
  if (n > 65535) throw new InvalidArgumentError('must be at most 65535');
  return n;
}

function logLevel(value: string): string {
  const level = value.toLowerCase();
  if (!isLogLevel(level)) throw new InvalidArgumentError('one of trace, debug, info, warn, error, silent');
  return level;
}

const program = new Command()
  .name('mini-redis-server')
  .description('A Redis-compatible server built from RxJS streams')
  .version(version)
  .option('-p, --port <port>', 'TCP port to listen on', port, DEFAULT_PORT)
  .option('-b, --bind <address>', 'address to bind', DEFAULT_HOST)
  .option('--max-connections <n>', 'connections served at once (more wait for a slot)', positiveInteger, DEFAULT_MAX_CONNECTIONS)
  .option('--log-level <level>', 'trace, debug, info, warn, error or silent (or LOG_LEVEL)', logLevel)
  .parse();

const options = program.opts<{ port: number; bind: string; maxConnections: number; logLevel?: string }>();
if (options.logLevel !== undefined && isLogLevel(options.logLevel)) log.setLevel(options.logLevel, false);
else setDefaultLogLevel('info');

const signal$ = signals();
// A second signal while shutting down: stop waiting, exit at once.
signal$.pipe(skip(1), take(1)).subscribe((name) => {
  log.warn(`${name} received again: exiting now`);
  process.exit(1);
});

const db = new Db();
server({
  port: options.port,
  host: options.bind,
  maxConnections: Math.max(1, options.maxConnections),
  db,
  shutdown$: signal$,
  onListening: (address) => log.info(`mini-redis-rx listening on ${address.address}:${address.port}`),
}).subscribe({
  error: (err: Error) => {
    log.error(`server error: ${err.message}`);
    process.exit(1);
  },
  complete: () => {
    db.close();
    log.info('shutdown complete');
    process.exit(0);
  },
});

signal$.pipe(take(1)).subscribe((name) => log.info(`${name} received: shutting down`));
