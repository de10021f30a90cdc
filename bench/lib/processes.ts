// Server processes for the benchmarks: starting this project's server and a real
// redis-server side by side on loopback, timing how long each takes to answer its first
// PING, reading their resident memory (VmRSS) from /proc, and making sure nothing is
// left running when the harness ends, however it ends.
//
// Why measure from outside the process: a benchmark of a server is only honest when the
// server is the real binary, started the way a user starts it, and observed only through
// the wire and the operating system — never through hooks inside it.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { freePort } from '../../spec/support/free-port';

export const ROOT = path.resolve(__dirname, '..', '..');
/**
 * The bundled server `npm run build` writes; BENCH_SERVER_JS names another bundle (e.g. one
 * built from a snapshot of HEAD into /tmp, so that a benchmark need not rebuild dist/
 * while others work in the same checkout).
 */
export const SERVER_JS = process.env.BENCH_SERVER_JS ?? path.join(ROOT, 'dist', 'bin', 'server.js');
/** The same server as tsc's per-module output: what a profile should run, so that its frames name our files (BENCH_SERVER_MODULES_JS: another such build). */
export const SERVER_MODULES_JS = process.env.BENCH_SERVER_MODULES_JS ?? path.join(ROOT, 'dist', 'src', 'cli', 'server.js');
export const HOST = '127.0.0.1';

/** A server under test. `name` appears in tables and progress lines. */
export interface ServerProcess {
  readonly name: string;
  readonly port: number;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Stops the server (SIGINT for ours, SIGTERM for Redis) and waits for it to exit. */
  stop(): Promise<number | null>;
}

// ---- cleanup: every child we spawn is killed when the harness exits ----------------

const children = new Set<ChildProcess>();

/** Registers a child to be killed if the harness exits first. */
export function track(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** Kills every child still running (by its own pid). Safe to call more than once. */
export function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n[bench] ${signal}: stopping the servers\n`);
    killAll();
    process.exit(130);
  });
}

// ---- tools ---------------------------------------------------------------------

/** True if `command --version` runs. */
export function installed(command: string): boolean {
  const result = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/** `redis-server --version` -> `7.0.15`, or undefined. */
export function redisVersion(): string | undefined {
  const result = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (result.error !== undefined) return undefined;
  return /v=([\d.]+)/.exec(result.stdout)?.[1];
}

// A free loopback port comes from the test support's freePort() (bind port 0, read what
// the kernel chose, release it). There is a window in which another process could take
// it; on a benchmark machine that is fine. Re-exported for the other bench scripts.
export { freePort };

// ---- waiting for a server ------------------------------------------------------

/**
 * Resolves once a connection to `port` answers PING with +PONG: tries to connect every
 * millisecond until the listener is up, then sends one inline PING. Rejects after
 * `timeoutMs`, or at once if `child` dies first.
 */
export function waitForPong(port: number, timeoutMs = 10_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    let done = false;
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`server exited before answering PING (code ${code}, signal ${signal})`));
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      child?.off('exit', onExit);
      if (err) reject(err);
      else resolve();
    };
    child?.once('exit', onExit);
    const attempt = () => {
      if (done) return;
      const socket = net.createConnection({ host: HOST, port });
      socket.setNoDelay(true);
      let received = '';
      const retry = () => {
        socket.destroy();
        if (done) return;
        if (Date.now() > deadline) finish(new Error(`no PONG from port ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 1);
      };
      socket.once('error', retry);
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.on('data', (chunk) => {
        received += chunk.toString('latin1');
        if (received.includes('+PONG\r\n')) {
          socket.off('error', retry);
          socket.on('error', () => undefined);
          socket.destroy();
          finish();
        } else if (received.includes('\r\n')) retry(); // e.g. -LOADING: not ready yet
      });
    };
    attempt();
  });
}

// ---- starting servers ------------------------------------------------------------

function stopper(child: ChildProcess, signal: NodeJS.Signals): () => Promise<number | null> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
      child.kill(signal);
    });
}

export interface OursOptions {
  /** A port to listen on; 0 (the default) lets the server pick and report it. */
  readonly port?: number;
  /** Extra node flags, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  /** The script to run: the bundled binary (default), or SERVER_MODULES_JS. */
  readonly script?: string;
}

/**
 * Starts this project's server (`node dist/bin/server.js`, the bundle `npm start` runs). With port 0 it runs at
 * log level info, and the port is read from its `listening on HOST:PORT` line.
 * Resolves once it answers PING.
 */
export async function startOurs(options: OursOptions = {}): Promise<ServerProcess> {
  const requested = options.port ?? 0;
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), options.script ?? SERVER_JS, '--port', String(requested), '--log-level', requested === 0 ? 'info' : 'warn'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  track(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port =
    requested !== 0
      ? requested
      : await new Promise<number>((resolve, reject) => {
          let out = '';
          const onData = (chunk: Buffer) => {
            out += chunk.toString();
            const match = /listening on [\d.:a-f]+:(\d+)/.exec(out);
            if (match) {
              child.stdout!.off('data', onData);
              resolve(Number(match[1]));
            }
          };
          child.stdout!.on('data', onData);
          child.once('exit', (code) => reject(new Error(`server exited (code ${code}) before listening: ${stderr.trim()}`)));
        });
  child.stdout!.resume(); // keep draining its log so it can never block on a full pipe
  await waitForPong(port, 10_000, child);
  return { name: 'mini-redis-rx', port, pid: child.pid!, child, stop: stopper(child, 'SIGINT') };
}

/** Starts `redis-server` with no persistence on a free loopback port. */
export async function startRedis(options: { port?: number } = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort(HOST));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  track(child);
  child.stderr!.resume();
  await waitForPong(port, 10_000, child);
  return { name: 'redis-server', port, pid: child.pid!, child, stop: stopper(child, 'SIGTERM') };
}

// ---- start-up time -----------------------------------------------------------------

/**
 * Milliseconds from spawn to the first PONG, for a server started on a port chosen in
 * advance (so the PING loop can start at once, for both servers alike).
 */
export async function timeStartup(kind: 'ours' | 'redis'): Promise<number> {
  const port = await freePort(HOST);
  const args =
    kind === 'ours'
      ? [SERVER_JS, '--port', String(port), '--log-level', 'warn']
      : ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--loglevel', 'warning'];
  const started = process.hrtime.bigint();
  const child = spawn(kind === 'ours' ? process.execPath : 'redis-server', args, { cwd: ROOT, stdio: 'ignore' });
  track(child);
  try {
    await waitForPong(port, 10_000, child);
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await stopper(child, kind === 'ours' ? 'SIGINT' : 'SIGTERM')();
  }
}

/** Milliseconds for `node -e ''` to run and exit: the floor under any Node server's start-up. */
export function timeBareNode(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    track(child);
    child.once('error', reject);
    child.once('exit', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
  });
}

// ---- memory -------------------------------------------------------------------------

/** The resident set size of `pid`, in bytes, from /proc/<pid>/status (VmRSS). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}
