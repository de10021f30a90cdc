// Starts a real `redis-server` for one test file: the oracle of the differential tests.
//
// It listens only on a unix socket in a fresh temporary directory (`--port 0` turns
// TCP off), so it needs no free TCP port and cannot clash with another test file or
// a Redis already running on the machine; it keeps nothing on disk (`--save ''
// --appendonly no`). Readiness is an event, not a delay: we wait for its "Ready to
// accept connections" log line, then check with one PING over the socket.
//
// The launch itself (temporary --dir, readiness from the log, SIGTERM-then-SIGKILL stop,
// no orphan if the test process dies) is launchRedisServer(), shared with the TCP
// variant in real-redis-tcp.ts: the two differ only in where the server listens.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RawConnection } from './raw-connection';
import { findTool } from './tool-process';

export interface RealRedis {
  readonly socketPath: string;
  readonly endpoint: { readonly path: string };
  /** Kills the server and removes its temporary directory. */
  stop(): Promise<void>;
}

// 7.0 logs "Ready to accept connections" for TCP, but with TCP off only
// "The server is now ready to accept connections at <socket>"; later versions
// say "Ready to accept connections unix". Matched without case, it covers all.
const READY_LINE = /ready to accept connections/i;
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/** The path of `redis-server` found on PATH, or undefined; synchronous so a spec can decide at load time. */
export function findRedisServer(): string | undefined {
  return findTool('redis-server');
}

/** The title suffix of a suite skipped for want of redis-server. */
export const SKIPPED_NO_REDIS = '(skipped: redis-server not installed)';

/**
 * Says loudly that `what` is skipped because redis-server is missing. console.warn
 * is the visible notice when one file runs (or with --verbose); Jest's default
 * reporter drops the console output of a file whose tests were all skipped in a
 * multi-file run, so the same notice also goes straight to stderr.
 */
export function warnRedisMissing(what: string): void {
  const notice =
    `${what}: SKIPPED: redis-server is not installed (not found on PATH). ` +
    'These tests compare replies byte for byte with real Redis; install redis-server to run them.';
  console.warn(notice);
  process.stderr.write(`${notice}\n`);
}

/**
 * Starts redis-server and resolves once it accepts connections; resolves null when
 * redis-server is not installed, so callers can skip with a visible reason.
 */
export async function startRealRedis(binary = findRedisServer()): Promise<RealRedis | null> {
  if (binary === undefined) return null;
  const socketIn = (dir: string): string => path.join(dir, 'redis.sock');
  const server = await launchRedisServer(binary, 'mini-redis-rx-oracle-', (dir) => [
    '--port', '0',
    '--unixsocket', socketIn(dir),
    '--unixsocketperm', '700',
  ]);
  const socketPath = socketIn(server.dir);
  try {
    const probe = await RawConnection.connect({ path: socketPath });
    try {
      await probe.send('PING\r\n');
      const pong = await probe.readReplies(1);
      if (pong.toString('latin1') !== '+PONG\r\n') throw new Error(`unexpected PING reply ${JSON.stringify(pong.toString('latin1'))}`);
    } finally {
      probe.destroy();
    }
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { socketPath, endpoint: { path: socketPath }, stop: server.stop };
}

/** A redis-server that has said it is ready. */
export interface LaunchedRedis {
  /** Its temporary working directory (removed by stop()). */
  readonly dir: string;
  /** Kills the server (SIGTERM, SIGKILL if it lingers) and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Spawns `binary` in a fresh temporary directory named after `dirPrefix`, listening
 * where `listenArgs(dir)` says, with nothing kept on disk, and resolves once its log
 * says it accepts connections. Rejects (leaving nothing behind) if it exits first or
 * is not ready in time; the error carries its log, so a caller can tell why (e.g.
 * "Address already in use").
 */
export async function launchRedisServer(
  binary: string,
  dirPrefix: string,
  listenArgs: (dir: string) => readonly string[],
): Promise<LaunchedRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), dirPrefix));
  const child = spawn(
    binary,
    [
      ...listenArgs(dir),
      '--save', '',
      '--appendonly', 'no',
      '--dir', dir,
      '--daemonize', 'no',
      '--logfile', '',
      '--loglevel', 'notice',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // If the test process exits without stop() (a crash, a killed worker), take the
  // server down with it rather than leaving an orphan.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= terminate(child).then(() => {
      process.off('exit', killOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return stopping;
  };
  try {
    await waitUntilReady(child);
  } catch (err) {
    await stop();
    throw err;
  }
  // Keep draining its log so a chatty server can never block on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return { dir, stop };
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const done = (err?: Error): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onOutput);
      child.stderr?.off('data', onOutput);
      child.off('exit', onExit);
      child.off('error', onError);
      if (err) reject(err);
      else resolve();
    };
    const onOutput = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      if (READY_LINE.test(log)) done();
    };
    const onExit = (code: number | null, signal: string | null): void =>
      done(new Error(`redis-server exited before it was ready (code ${code}, signal ${signal}); its log:\n${log}`));
    const onError = (err: Error): void => done(new Error(`cannot run redis-server: ${err.message}`));
    const timer = setTimeout(
      () => done(new Error(`redis-server not ready after ${START_TIMEOUT_MS} ms; its log:\n${log}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

// SIGTERM lets Redis remove its socket file and exit cleanly (it has nothing to
// save); SIGKILL only if it does not exit in time.
function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
