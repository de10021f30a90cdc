// The two servers every real-client compatibility test runs against: ours
// (startServer({ port: 0 }), in this process) and, as the control, a real redis-server
// on a free TCP port. The same test body runs against both, so a test that fails on
// ours and passes on Redis points at our server, and a test that fails on both points
// at the test.
//
// Where redis-server is not installed the control half is registered as skipped under
// a title that says why, and a notice is printed: the suite must not look as if it had
// compared anything.
//
// With `proxy: true`, clients reach the server through a RecordingProxy, and
// `target.traced(fn)` adds the bytes exchanged during `fn` to its failure message: what
// the client sent, and what the server answered.
import { startServer, type RunningServer } from '../../src/server/run';
import { findRedisServer, SKIPPED_NO_REDIS, warnRedisMissing } from './real-redis';
import { startRealRedisTcp, type RealRedisTcp } from './real-redis-tcp';
import { RecordingProxy, type Conversation } from './recording-proxy';

export type TargetName = 'mini-redis-rx' | 'redis-server';

export interface CompatTarget {
  readonly name: TargetName;
  /** Where clients connect (the proxy when there is one). */
  readonly host: string;
  readonly port: number;
  /** Runs `body`; if it throws, the error message gains the wire transcript of its run. */
  traced<T>(body: () => Promise<T>): Promise<T>;
  /** A position in the proxy's recording (targets started with `proxy: true`). */
  mark(): number;
  /** Each connection's commands and replies since `mark`, decoded. */
  conversations(mark: number): Conversation[];
}

export interface TargetOptions {
  /** Put a RecordingProxy between clients and the server (for traced()). */
  readonly proxy?: boolean;
}

interface Started {
  readonly host: string;
  readonly port: number;
  stop(): Promise<void>;
}

async function startOurs(): Promise<Started> {
  const server: RunningServer = await startServer({ port: 0 });
  return { host: '127.0.0.1', port: server.port, stop: () => server.close() };
}

async function startRedis(): Promise<Started> {
  const redis: RealRedisTcp | null = await startRealRedisTcp();
  if (redis === null) throw new Error('redis-server disappeared from PATH');
  return redis;
}

class Target implements CompatTarget {
  private server: Started | undefined;
  private proxy: RecordingProxy | undefined;

  constructor(
    readonly name: TargetName,
    private readonly start: () => Promise<Started>,
    private readonly options: TargetOptions,
  ) {}

  get host(): string {
    return this.started().host;
  }

  get port(): number {
    return this.proxy?.port ?? this.started().port;
  }

  async up(): Promise<void> {
    this.server = await this.start();
    if (this.options.proxy) this.proxy = await RecordingProxy.start(this.server.host, this.server.port);
  }

  async down(): Promise<void> {
    await this.proxy?.close();
    await this.server?.stop();
  }

  async traced<T>(body: () => Promise<T>): Promise<T> {
    const proxy = this.proxy;
    const mark = proxy?.mark() ?? 0;
    try {
      return await body();
    } catch (err) {
      if (proxy !== undefined && err instanceof Error) {
        err.message += `\n\nOn the wire (${this.name}):\n${proxy.transcriptSince(mark)}`;
      }
      throw err;
    }
  }

  mark(): number {
    return this.recorder().mark();
  }

  conversations(mark: number): Conversation[] {
    return this.recorder().conversations(mark);
  }

  private recorder(): RecordingProxy {
    if (this.proxy === undefined) throw new Error(`${this.name} has no recording proxy (describeTargets(..., { proxy: true }))`);
    return this.proxy;
  }

  private started(): Started {
    if (this.server === undefined) throw new Error(`${this.name} is not started (used outside a test?)`);
    return this.server;
  }
}

/**
 * `describe(title)` holding one `describe` per target, each running `body(target)`;
 * the servers start in beforeAll and stop in afterAll.
 */
export function describeTargets(title: string, body: (target: CompatTarget) => void, options: TargetOptions = {}): void {
  const redisInstalled = findRedisServer() !== undefined;
  if (!redisInstalled) warnRedisMissing(`${title} (control runs against real redis-server)`);
  describe(title, () => {
    const targets: Array<[Target, boolean]> = [
      [new Target('mini-redis-rx', startOurs, options), true],
      [new Target('redis-server', startRedis, options), redisInstalled],
    ];
    for (const [target, enabled] of targets) {
      if (!enabled) {
        describe.skip(`${target.name} ${SKIPPED_NO_REDIS}`, () => body(target));
        continue;
      }
      describe(target.name, () => {
        beforeAll(() => target.up());
        afterAll(() => target.down());
        body(target);
      });
    }
  });
}

/** Starts both servers outside any describe (for tests comparing the two directly). */
export async function startBoth(): Promise<{ ours: Started; redis: Started | null; stop(): Promise<void> }> {
  const ours = await startOurs();
  let redis: Started | null = null;
  try {
    redis = findRedisServer() === undefined ? null : await startRedis();
  } catch (err) {
    await ours.stop();
    throw err;
  }
  return { ours, redis, stop: async () => void (await Promise.all([ours.stop(), redis?.stop()])) };
}

/** `promise`, or a rejection naming `what` if it has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Collects values that arrive by events (pub/sub messages, ...) and lets a test wait,
 * with a timeout, until it has received enough of them.
 */
export class Inbox<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<() => void>();

  /** A listener to hand to the client: `inbox.push`. */
  readonly push = (item: T): void => {
    this.items.push(item);
    for (const wake of [...this.waiters]) wake();
  };

  /** Resolves with the items once there are at least `count` of them. */
  waitFor(count: number, what: string, ms = 3000): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.items.length < count) return;
        finish();
        resolve(this.items.slice());
      };
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${ms} ms waiting for ${count} ${what}; got ${JSON.stringify(this.items)}`));
      }, ms);
      this.waiters.add(check);
      check();
    });
  }
}

/**
 * Runs `run`, which must fail with an error reply of the client's own class (ioredis's
 * ReplyError, node-redis's ErrorReply), and resolves with its message: what a user's
 * code would see of Redis's error text.
 */
export async function errorReplyOf(run: () => Promise<unknown>, errorClass: new (...args: never[]) => Error): Promise<string> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(errorClass);
    return (err as Error).message;
  }
  throw new Error('expected an error reply');
}
