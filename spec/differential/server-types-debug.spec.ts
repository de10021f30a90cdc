// DEBUG with the command enabled, byte for byte against a real Redis started with
// --enable-debug-command yes (see corpus-server-types-debug.ts), in RESP2 and RESP3.
// describeDifferential starts Redis with its defaults (DEBUG refused), so this file
// starts its own, with the same harness pieces: runCase and compareTranscripts.
import { ServerState } from '../../src/commands/server-state';
import { startServer } from '../../src/index';
import { SKIPPED_NO_REDIS, findRedisServer, launchRedisServer, warnRedisMissing, type LaunchedRedis } from '../support/real-redis';
import type { Case } from './corpus';
import { serverTypesDebugCorpus, serverTypesDebugResp3Corpus } from './corpus-server-types-debug';
import { Target, compareTranscripts, runCase } from './run-case';

const redisServer = findRedisServer();

function describeDebug(title: string, cases: readonly Case[]): void {
  if (redisServer === undefined) {
    warnRedisMissing(title);
    describe.skip(`${title} ${SKIPPED_NO_REDIS}`, () => {
      test.each(cases.map((c) => [c.name]))('%s', () => undefined);
    });
    return;
  }
  describe(title, () => {
    let redis: LaunchedRedis | undefined;
    let ours: { port: number; close(): Promise<void> } | undefined;
    let redisTarget: Target;
    let oursTarget: Target;

    beforeAll(async () => {
      redis = await launchRedisServer(redisServer, 'mini-redis-rx-debug-', (dir) => [
        '--port', '0',
        '--unixsocket', `${dir}/redis.sock`,
        '--enable-debug-command', 'yes',
      ]);
      redisTarget = new Target('redis-server', { path: `${redis.dir}/redis.sock` }, 5000);
      const state = new ServerState(new Map([['enable-debug-command', 'yes']]));
      ours = await startServer({ port: 0, host: '127.0.0.1', state });
      oursTarget = new Target('our server', { port: ours.port, host: '127.0.0.1' }, 1000);
    });

    afterAll(async () => {
      redisTarget?.close();
      oursTarget?.close();
      await Promise.all([ours?.close(), redis?.stop()]);
    });

    test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const expected = await runCase(redisTarget, c, { bytewise: false, strict: true, timeoutMs: 5000 });
      const actual = await runCase(oursTarget, c, { bytewise: false, strict: false, timeoutMs: 1000 });
      const difference = compareTranscripts(c, expected, actual);
      if (difference !== '') throw new Error(difference);
      expect(actual.length).toBe(expected.length);
    });
  });
}

describeDebug('differential: DEBUG enabled (RESP2)', serverTypesDebugCorpus);
describeDebug('differential: DEBUG enabled after HELLO 3 (RESP3)', serverTypesDebugResp3Corpus);
