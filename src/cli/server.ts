#!/usr/bin/env node
// mini-redis-server: the server's command line (commander), the counterpart of
// mini-redis's src/bin/server.rs. It turns flags into ServerOptions, wires process
// signals into the shutdown Observable, and exits 0 once the server Observable
// completes, i.e. once every connection has been answered, flushed and closed.
//
// The limit flags carry Redis's names and are checked by the same validators as
// CONFIG SET, so `--timeout abc` is refused with Redis's own reason. The password may
// come from the environment (MINI_REDIS_PASSWORD) so that it does not show in `ps`.
//
// Exit status: 0 after a graceful shutdown; 1 when the server could not run, when a
// second signal cut the shutdown short, or when the shutdown ran out of time
// (--shutdown-timeout) and connections were cut.

import { Command, InvalidArgumentError } from 'commander';
import { skip, take } from 'rxjs';
import {
  DEFAULT_HOST,
  DEFAULT_MAX_CLIENTS,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_PORT,
  DEFAULT_SHUTDOWN_TIMEOUT,
  server,
  serverDb,
} from '../server/server';
import { ShutdownTimeoutError, signals } from '../server/shutdown';
import { DEFAULT_OUTPUT_BUFFER_LIMITS, parameterNamed } from '../commands/server/config/parameters';
import { ServerState } from '../commands/server-state';
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

/** A flag's value, checked as CONFIG SET checks the parameter of that name, in Redis's canonical form. */
function canonical(name: string, value: string, prefix = ''): string {
  const checked = parameterNamed(name)!.validate!(prefix + value, DEFAULT_OUTPUT_BUFFER_LIMITS);
  if ('error' in checked) throw new InvalidArgumentError(checked.error);
  return checked.value;
}

/** A commander parser that checks the value and keeps it as written (so --help shows defaults as written). */
const asParameter =
  (name: string, prefix = '') =>
  (value: string): string => {
    canonical(name, value, prefix);
    return value;
  };

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a non-negative number of seconds');
  return n;
}

/** enable-debug-command's values, as Redis's protected_action_enum spells them (any case). */
function protectedAction(value: string): string {
  const v = value.toLowerCase();
  if (v !== 'no' && v !== 'yes' && v !== 'local') throw new InvalidArgumentError('one of no, yes, local');
  return v;
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
  .option(
    '--maxclients <n>',
    'open connections allowed, served or waiting; more are refused',
    asParameter('maxclients'),
    String(DEFAULT_MAX_CLIENTS),
  )
  .option('--requirepass <password>', 'password clients must give with AUTH (or MINI_REDIS_PASSWORD)')
  .option(
    '--protected-mode <yes|no>',
    'without a password, refuse clients not on the loopback interface',
    asParameter('protected-mode'),
    'yes',
  )
  .option('--timeout <seconds>', 'close clients idle this long (0 = never; subscribers and blocked clients exempt)', asParameter('timeout'), '0')
  .option(
    '--client-output-buffer-limit-pubsub <"hard soft seconds">',
    'close a subscriber whose unsent output passes hard, or stays over soft that long',
    asParameter('client-output-buffer-limit', 'pubsub '),
    '32mb 8mb 60',
  )
  .option(
    '--client-query-buffer-limit <bytes>',
    'close a client whose unparsed input passes this (at least 1mb)',
    asParameter('client-query-buffer-limit'),
    '1gb',
  )
  .option(
    '--shutdown-timeout <seconds>',
    'on SIGTERM/SIGINT, cut the connections still open after this long (0 = wait)',
    seconds,
    DEFAULT_SHUTDOWN_TIMEOUT,
  )
  .option(
    '--enable-debug-command <no|yes|local>',
    'allow DEBUG: never, for every client, or for loopback clients only',
    protectedAction,
    'no',
  )
  .option('--log-level <level>', 'trace, debug, info, warn, error or silent (or LOG_LEVEL)', logLevel)
  .parse();

const options = program.opts<{
  port: number;
  bind: string;
  maxConnections: number;
  maxclients: string;
  requirepass?: string;
  protectedMode: string;
  timeout: string;
  clientOutputBufferLimitPubsub: string;
  clientQueryBufferLimit: string;
  shutdownTimeout: number;
  enableDebugCommand: string;
  logLevel?: string;
}>();
if (options.logLevel !== undefined && isLogLevel(options.logLevel)) log.setLevel(options.logLevel, false);
else setDefaultLogLevel('info');

const signal$ = signals();
// A second signal while shutting down: stop waiting, exit at once.
signal$.pipe(skip(1), take(1)).subscribe((name) => {
  log.warn(`${name} received again: exiting now`);
  process.exit(1);
});

const db = serverDb();
// enable-debug-command is immutable (as in Redis): it is fixed here, before the first
// client, in the configuration CONFIG GET shows and DEBUG reads.
const state = new ServerState(new Map([['enable-debug-command', options.enableDebugCommand]]));
const requirePass = options.requirepass ?? process.env.MINI_REDIS_PASSWORD;
server({
  port: options.port,
  host: options.bind,
  maxConnections: Math.max(1, options.maxConnections),
  maxClients: Number(canonical('maxclients', options.maxclients)),
  requirePass: requirePass !== undefined && requirePass !== '' ? requirePass : undefined,
  protectedMode: canonical('protected-mode', options.protectedMode) === 'yes',
  timeout: Number(canonical('timeout', options.timeout)),
  clientOutputBufferLimit: `pubsub ${options.clientOutputBufferLimitPubsub}`,
  clientQueryBufferLimit: Number(canonical('client-query-buffer-limit', options.clientQueryBufferLimit)),
  shutdownTimeout: options.shutdownTimeout,
  db,
  state,
  shutdown$: signal$,
  onListening: (address) => log.info(`mini-redis-rx listening on ${address.address}:${address.port}`),
}).subscribe({
  error: (err: Error) => {
    if (err instanceof ShutdownTimeoutError) log.error(err.message);
    else log.error(`server error: ${err.message}`);
    process.exit(1);
  },
  complete: () => {
    db.close();
    log.info('shutdown complete');
    process.exit(0);
  },
});

signal$.pipe(take(1)).subscribe((name) => log.info(`${name} received: shutting down`));
