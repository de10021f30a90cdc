// AUTH, NOAUTH, WRONGPASS, HELLO ... AUTH and the unauthenticated protocol limits,
// byte for byte against real Redis: a redis-server started with --requirepass and our
// server started with requirePass, the same corpus played against both (corpus-auth.ts),
// whole writes and one byte per write. Then the limit parameters' CONFIG GET / SET
// against a redis-server without a password.
//
// The shared harness (run-case.ts) is reused as it is. Its barrier connection sends a
// PING, which a server with a password answers NOAUTH, so the targets here log their
// barrier connection in first.
//
// Where redis-server is not installed, the suites are skipped with a printed notice.

import * as path from 'node:path';
import { startServer, RunningServer } from '../../src/server/run';
import { RawConnection, showBytes, type Endpoint } from '../support/raw-connection';
import {
  findRedisServer,
  launchRedisServer,
  startRealRedis,
  warnRedisMissing,
  SKIPPED_NO_REDIS,
  type LaunchedRedis,
  type RealRedis,
} from '../support/real-redis';
import type { Case } from '../differential/corpus';
import { Target, compareTranscripts, runCase } from '../differential/run-case';
import { AUTH_CASES, CONFIG_CASES, PASSWORD } from './corpus-auth';

const OURS_TIMEOUT_MS = 1000;
const REDIS_TIMEOUT_MS = 5000;

/** A target whose barrier connection has logged in, so its PING is answered PONG. */
class LoggedInTarget extends Target {
  private loggedIn: RawConnection | undefined;

  constructor(label: string, endpoint: Endpoint, timeoutMs: number, private readonly password: string) {
    super(label, endpoint, timeoutMs);
  }

  override async barrier(): Promise<void> {
    if (this.loggedIn === undefined) {
      this.loggedIn = await this.connect();
      await this.loggedIn.send(`AUTH ${this.password}\r\n`, this.timeoutMs);
      const ok = await this.loggedIn.readReplies(1, this.timeoutMs);
      if (ok.toString('latin1') !== '+OK\r\n') throw new Error(`${this.label}: barrier AUTH answered ${showBytes(ok)}`);
    }
    await this.loggedIn.send('PING\r\n', this.timeoutMs);
    const pong = await this.loggedIn.readReplies(1, this.timeoutMs);
    if (pong.toString('latin1') !== '+PONG\r\n') throw new Error(`${this.label}: barrier PING answered ${showBytes(pong)}`);
  }

  override close(): void {
    this.loggedIn?.destroy();
    this.loggedIn = undefined;
    super.close();
  }
}

async function compare(redis: Target, ours: Target, c: Case, bytewise: boolean): Promise<void> {
  const expected = await runCase(redis, c, { bytewise, strict: true, timeoutMs: REDIS_TIMEOUT_MS });
  const actual = await runCase(ours, c, { bytewise, strict: false, timeoutMs: OURS_TIMEOUT_MS });
  const difference = compareTranscripts(c, expected, actual);
  if (difference !== '') throw new Error(difference);
  expect(actual.length).toBe(expected.length);
}

const redisServer = findRedisServer();

if (redisServer === undefined) {
  warnRedisMissing('AUTH and limits differential tests');
  describe.skip(`AUTH and limits against Redis ${SKIPPED_NO_REDIS}`, () => {
    it.each(AUTH_CASES.map((c) => [c.name]))('%s', () => undefined);
  });
} else {
  describe('with a password (redis-server --requirepass), against Redis', () => {
    let redis: LaunchedRedis | undefined;
    let ours: RunningServer | undefined;
    let redisTarget: LoggedInTarget;
    let oursTarget: LoggedInTarget;

    beforeAll(async () => {
      const socketIn = (dir: string): string => path.join(dir, 'redis.sock');
      redis = await launchRedisServer(redisServer, 'mini-redis-rx-auth-', (dir) => [
        ...['--port', '0', '--unixsocket', socketIn(dir), '--unixsocketperm', '700'],
        ...['--requirepass', PASSWORD],
      ]);
      ours = await startServer({ port: 0, requirePass: PASSWORD });
      redisTarget = new LoggedInTarget('redis-server', { path: socketIn(redis.dir) }, REDIS_TIMEOUT_MS, PASSWORD);
      oursTarget = new LoggedInTarget('our server', { port: ours.port, host: '127.0.0.1' }, OURS_TIMEOUT_MS, PASSWORD);
    });

    afterAll(async () => {
      redisTarget?.close();
      oursTarget?.close();
      await Promise.all([ours?.close(), redis?.stop()]);
    });

    describe('whole writes', () => {
      it.each(AUTH_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => compare(redisTarget, oursTarget, c, false));
    });

    describe('one byte per write', () => {
      const cases = AUTH_CASES.filter((c) => c.bytewise !== false);
      it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => compare(redisTarget, oursTarget, c, true));
    });
  });

  describe('limit parameters (CONFIG GET / SET), against Redis', () => {
    let redis: RealRedis | null = null;
    let ours: RunningServer | undefined;
    let redisTarget: Target;
    let oursTarget: Target;

    beforeAll(async () => {
      redis = await startRealRedis(redisServer);
      if (redis === null) throw new Error('redis-server disappeared from PATH');
      ours = await startServer({ port: 0 });
      redisTarget = new Target('redis-server', redis.endpoint, REDIS_TIMEOUT_MS);
      oursTarget = new Target('our server', { port: ours.port, host: '127.0.0.1' }, OURS_TIMEOUT_MS);
    });

    afterAll(async () => {
      redisTarget?.close();
      oursTarget?.close();
      await Promise.all([ours?.close(), redis?.stop()]);
    });

    it.each(CONFIG_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => compare(redisTarget, oursTarget, c, false));
  });
}
