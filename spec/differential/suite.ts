// Declares a differential test suite: one test per corpus case, each played against
// a real redis-server (the oracle) and against our server, failing when the bytes
// differ. Both spec files (whole writes, and 1-byte writes) share it.
//
// Where redis-server is not installed the suite cannot say anything, but it must
// not pass silently either: it warns at load time and its tests are registered as
// skipped under a title that gives the reason.
import { findRedisServer, SKIPPED_NO_REDIS, startRealRedis, warnRedisMissing, type RealRedis } from '../support/real-redis';
import type { Case } from './corpus';
import { compareTranscripts, runCase, Target } from './run-case';

/** What startServer() gives back, as far as these tests need it. */
export interface ServerUnderTest {
  readonly port: number;
  close(): Promise<void>;
}

export interface SuiteOptions {
  readonly title: string;
  readonly cases: readonly Case[];
  readonly bytewise: boolean;
  readonly startOurs: () => Promise<ServerUnderTest>;
}

/** Our server answers in-process within microseconds; a second is a failure, not slowness. */
const OURS_TIMEOUT_MS = 1000;
/** Redis should be as fast, but a failed wait there stops the case, so be generous. */
const REDIS_TIMEOUT_MS = 5000;

export function describeDifferential(options: SuiteOptions): void {
  const redisServer = findRedisServer();
  if (redisServer === undefined) {
    warnRedisMissing(options.title);
    describe.skip(`${options.title} ${SKIPPED_NO_REDIS}`, () => {
      test.each(options.cases.map((c) => [c.name]))('%s', () => undefined);
    });
    return;
  }

  describe(options.title, () => {
    let redis: RealRedis | null = null;
    let ours: ServerUnderTest | undefined;
    let redisTarget: Target | undefined;
    let oursTarget: Target | undefined;

    beforeAll(async () => {
      redis = await startRealRedis(redisServer);
      if (redis === null) throw new Error('redis-server disappeared from PATH');
      redisTarget = new Target('redis-server', redis.endpoint, REDIS_TIMEOUT_MS);
      ours = await options.startOurs();
      oursTarget = new Target('our server', { port: ours.port, host: '127.0.0.1' }, OURS_TIMEOUT_MS);
    });

    afterAll(async () => {
      redisTarget?.close();
      oursTarget?.close();
      await Promise.all([ours?.close(), redis?.stop()]);
    });

    test.each(options.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const expected = await runCase(redisTarget!, c, { bytewise: options.bytewise, strict: true, timeoutMs: REDIS_TIMEOUT_MS });
      const actual = await runCase(oursTarget!, c, { bytewise: options.bytewise, strict: false, timeoutMs: OURS_TIMEOUT_MS });
      const difference = compareTranscripts(c, expected, actual);
      // The report shows both transcripts, every byte escaped; '' means identical.
      if (difference !== '') throw new Error(difference);
      expect(actual.length).toBe(expected.length);
    });
  });
}
