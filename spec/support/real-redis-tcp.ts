// Starts a real `redis-server` on a TCP port of 127.0.0.1: the control target of the
// real-client compatibility suite (spec/compat).
//
// The differential oracle (real-redis.ts) listens only on a unix socket, which is all a
// byte-level harness needs; but real clients are tested as their users use them, and
// what users type is a host and a port (redis-cli prints them in its prompt,
// redis-benchmark only speaks TCP by default). So this one listens on TCP.
//
// A free port is found the usual way: listen on port 0, read the port the kernel chose,
// close. Between our close and Redis's bind another process could take that port; it
// is unlikely, and when it happens Redis exits at once saying so, and we try again with
// a new port. Readiness is an event (the "Ready to accept connections" log line), never
// a delay. Nothing is kept on disk (`--save '' --appendonly no`, a temporary --dir).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findRedisServer } from './real-redis';

export interface RealRedisTcp {
  readonly host: string;
  readonly port: number;
  /** Kills the server (SIGTERM, SIGKILL if it lingers) and removes its directory. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const READY_LINE = /ready to accept connections/i;
const IN_USE = /address already in use/i;
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const ATTEMPTS = 3;

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts redis-server on a free TCP port; null when redis-server is not installed. */
export async function startRealRedisTcp(binary = findRedisServer()): Promise<RealRedisTcp | null> {
  if (binary === undefined) return null;
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      return await startOn(binary, await freePort());
    } catch (err) {
      lastError = err as Error;
      if (!IN_USE.test(lastError.message)) throw lastError;
    }
  }
  throw lastError;
}

async function startOn(binary: string, port: number): Promise<RealRedisTcp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-redis-rx-compat-'));
  const child = spawn(
    binary,
    [
      '--port', String(port),
      '--bind', HOST,
      '--save', '',
      '--appendonly', 'no',
      '--dir', dir,
      '--daemonize', 'no',
      '--logfile', '',
      '--loglevel', 'notice',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // A crashed or killed test worker must not leave an orphan server behind.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const removeDir = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await waitUntilReady(child);
  } catch (err) {
    process.off('exit', killOnExit);
    await terminate(child);
    removeDir();
    throw err;
  }
  // Keep draining its log so that a chatty server never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  let stopping: Promise<void> | undefined;
  return {
    host: HOST,
    port,
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
