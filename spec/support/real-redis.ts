// Starts a real `redis-server` for one test file: the oracle of the differential tests.
//
// It listens only on a unix socket in a fresh temporary directory (`--port 0` turns
// TCP off), so it needs no free TCP port and cannot clash with another test file or
// a Redis already running on the machine; it keeps nothing on disk (`--save ''
// --appendonly no`). Readiness is an event, not a delay: we wait for its "Ready to
// accept connections" log line, then check with one PING over the socket.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RawConnection } from './raw-connection';

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
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'redis-server');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-redis-rx-oracle-'));
  const socketPath = path.join(dir, 'redis.sock');
  const child = spawn(
    binary,
    [
      '--port', '0',
      '--unixsocket', socketPath,
      '--unixsocketperm', '700',
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

  const removeDir = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await waitUntilReady(child);
    // Keep draining its log so a chatty server can never block on a full pipe.
    child.stdout?.resume();
    child.stderr?.resume();
    const probe = await RawConnection.connect({ path: socketPath });
    try {
      await probe.send('PING\r\n');
      const pong = await probe.readReplies(1);
      if (pong.toString('latin1') !== '+PONG\r\n') throw new Error(`unexpected PING reply ${JSON.stringify(pong.toString('latin1'))}`);
    } finally {
      probe.destroy();
    }
  } catch (err) {
    process.off('exit', killOnExit);
    await terminate(child);
    removeDir();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    socketPath,
    endpoint: { path: socketPath },
    stop: () => {
      stopping ??= terminate(child).then(() => {
        process.off('exit', killOnExit);
        removeDir();
      });
      return stopping;
    },
  };
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
