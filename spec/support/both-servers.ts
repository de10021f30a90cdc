// Runs one describe block twice: against our server and against a real redis-server,
// with the same test bodies. The same assertions passing on Redis is what shows they
// test Redis's contract and not an accident of our implementation.
//
// Where redis-server is not installed the block runs on our server only, and a notice
// says so (warnRedisMissing): a suite must never look as if it had compared anything.
//
// Pattern: a fixture registered with Jest's hooks. `describeOnBothServers` gives the
// body a TestServer whose connection exists only once beforeAll has run; its `call`
// and `pipeline` read the connection when they are called, so the body can take them
// at registration time (`const { call } = server`) and use them in its tests.
import { startServer } from '../../src/index';
import { RawConnection, type Endpoint } from './raw-connection';
import { findRedisServer, startRealRedis, warnRedisMissing, type RealRedis } from './real-redis';
import { call, pipeline } from './resp2-call';
import type { Resp2Reply } from './resp2-reader';

export type TargetName = 'our server' | 'redis-server';

/** One live server and a connection to it, valid inside the tests of the block. */
export interface TestServer {
  /** The connection (throws before beforeAll has connected it). */
  readonly conn: RawConnection;
  readonly endpoint: Endpoint;
  call(...args: string[]): Promise<Resp2Reply>;
  pipeline(commands: readonly (readonly string[])[]): Promise<Resp2Reply[]>;
}

/** The path of redis-server, looked up once when a spec file loads. */
export const redisBinary = findRedisServer();

/**
 * Starts `target` in beforeAll (a fresh server per block, so its keyspace belongs to
 * the file), connects, and stops both in afterAll.
 */
export function useServer(target: TargetName): TestServer {
  let stop: (() => Promise<void>) | undefined;
  let endpoint: Endpoint | undefined;
  let conn: RawConnection | undefined;

  beforeAll(async () => {
    if (target === 'redis-server') {
      const redis: RealRedis | null = await startRealRedis(redisBinary);
      if (redis === null) throw new Error('redis-server disappeared from PATH');
      endpoint = redis.endpoint;
      stop = () => redis.stop();
    } else {
      const ours = await startServer({ port: 0, host: '127.0.0.1' });
      endpoint = { port: ours.port, host: '127.0.0.1' };
      stop = () => ours.close();
    }
    conn = await RawConnection.connect(endpoint);
  });

  afterAll(async () => {
    conn?.destroy();
    await stop?.();
  });

  const connected = (): RawConnection => {
    if (conn === undefined) throw new Error(`not connected to ${target} yet (use the server inside a test or hook)`);
    return conn;
  };
  return {
    get conn() {
      return connected();
    },
    get endpoint() {
      if (endpoint === undefined) throw new Error(`${target} is not started yet`);
      return endpoint;
    },
    call: (...args) => call(connected(), ...args),
    pipeline: (commands) => pipeline(connected(), commands),
  };
}

/**
 * `describe.each` over our server and (when installed) redis-server. `title` has a
 * `%s` for the target's name; `what` names the tests in the notice printed when
 * redis-server is missing.
 */
export function describeOnBothServers(title: string, what: string, body: (server: TestServer, target: TargetName) => void): void {
  if (redisBinary === undefined) warnRedisMissing(`${what} against redis-server (ours still run)`);
  const targets: TargetName[] = redisBinary === undefined ? ['our server'] : ['our server', 'redis-server'];
  describe.each(targets)(title, (target) => body(useServer(target), target));
}
