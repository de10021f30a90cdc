// ZSCAN over a large (skiplist) sorted set, against our server and redis-server with the
// same expectations. Redis walks a hash table there, in an order of its own, so these
// are the guarantees a client may rely on, not bytes: every member present for the
// whole walk is returned with its score; the walk ends with cursor "0"; members
// removed before the walk are never returned. (Small sorted sets are byte-for-byte in
// spec/differential/zscan.spec.ts.)

import { startServer } from '../../src/index';
import { RawConnection, type Endpoint } from '../support/raw-connection';
import { findRedisServer, startRealRedis, warnRedisMissing, type RealRedis } from '../support/real-redis';
import { readReply, renderReply, type Resp2Reply } from '../support/resp2-reader';

const request = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

async function call(conn: RawConnection, ...args: string[]): Promise<Resp2Reply> {
  await conn.send(request(...args));
  const bytes = await conn.readReplies(1, 10_000);
  return readReply(bytes, 0)!.reply;
}

function step(reply: Resp2Reply): { cursor: string; pairs: string[] } {
  if (reply.kind !== 'array' || reply.items === null || reply.items.length !== 2) throw new Error(`ZSCAN replied ${renderReply(reply)}`);
  const [cursor, items] = reply.items;
  if (cursor.kind !== 'bulk' || items.kind !== 'array' || items.items === null) throw new Error(`ZSCAN replied ${renderReply(reply)}`);
  const pairs = items.items.map((item) => (item.kind === 'bulk' && item.bytes !== null ? item.bytes.toString('latin1') : '?'));
  return { cursor: cursor.bytes!.toString('latin1'), pairs };
}

async function walk(conn: RawConnection, key: string, during?: (steps: number) => Promise<void>): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  let cursor = '0';
  let steps = 0;
  do {
    const next = step(await call(conn, 'ZSCAN', key, cursor, 'COUNT', '10'));
    for (let i = 0; i < next.pairs.length; i += 2) seen.set(next.pairs[i], next.pairs[i + 1]);
    cursor = next.cursor;
    await during?.(++steps);
  } while (cursor !== '0' && steps < 10_000);
  return seen;
}

const redisBinary = findRedisServer();
if (redisBinary === undefined) warnRedisMissing('ZSCAN against redis-server (ours still runs)');
const targets = redisBinary === undefined ? ['our server'] : ['our server', 'redis-server'];

describe.each(targets)('ZSCAN of a large sorted set on %s', (target) => {
  let stop: () => Promise<void>;
  let conn: RawConnection;

  beforeAll(async () => {
    let endpoint: Endpoint;
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

  test('every member once, with its score as %.17g text, then cursor 0', async () => {
    const args: string[] = [];
    for (let i = 0; i < 300; i++) args.push(String(i / 4), `m${i}`);
    await call(conn, 'DEL', 'z');
    await call(conn, 'ZADD', 'z', ...args);
    const seen = await walk(conn, 'z');
    expect(seen.size).toBe(300);
    for (let i = 0; i < 300; i++) expect(seen.get(`m${i}`)).toBe(String(i / 4));
  });

  test('members present for the whole walk are returned although others come and go', async () => {
    const args: string[] = [];
    for (let i = 0; i < 300; i++) args.push(String(i), `keep${i}`);
    await call(conn, 'DEL', 'churn');
    await call(conn, 'ZADD', 'churn', ...args);
    await call(conn, 'ZADD', 'churn', '1', 'gone-before');
    await call(conn, 'ZREM', 'churn', 'gone-before');
    const seen = await walk(conn, 'churn', async (n) => {
      await call(conn, 'ZADD', 'churn', String(n), `new${n}`);
    });
    for (let i = 0; i < 300; i++) expect(seen.has(`keep${i}`)).toBe(true);
    expect(seen.has('gone-before')).toBe(false);
  });
});
