// Starts a real `redis-server` on a TCP port of 127.0.0.1: the control target of the
// real-client compatibility suite (spec/compat).
//
// The differential oracle (real-redis.ts) listens only on a unix socket, which is all a
// byte-level harness needs; but real clients are tested as their users use them, and
// what users type is a host and a port (redis-cli prints them in its prompt,
// redis-benchmark only speaks TCP by default). So this one listens on TCP; everything
// else (temporary --dir, nothing on disk, readiness from the "Ready to accept
// connections" log line rather than a delay, the stop) is real-redis.ts's
// launchRedisServer().
//
// The port comes from freePort() (free-port.ts). Between its close and Redis's bind
// another process could take that port; it is unlikely, and when it happens Redis exits
// at once saying so, and we try again with a new port.
import { freePort } from './free-port';
import { findRedisServer, launchRedisServer } from './real-redis';

export { freePort } from './free-port';

export interface RealRedisTcp {
  readonly host: string;
  readonly port: number;
  /** Kills the server (SIGTERM, SIGKILL if it lingers) and removes its directory. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const IN_USE = /address already in use/i;
const ATTEMPTS = 3;

/** Starts redis-server on a free TCP port; null when redis-server is not installed. */
export async function startRealRedisTcp(binary = findRedisServer()): Promise<RealRedisTcp | null> {
  if (binary === undefined) return null;
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const port = await freePort(HOST);
      const server = await launchRedisServer(binary, 'mini-redis-rx-compat-', () => ['--port', String(port), '--bind', HOST]);
      return { host: HOST, port, stop: server.stop };
    } catch (err) {
      lastError = err as Error;
      if (!IN_USE.test(lastError.message)) throw lastError;
    }
  }
  throw lastError;
}
