// ZSCAN over a large (skiplist) sorted set, against our server and redis-server with the
// same expectations. Redis walks a hash table there, in an order of its own, so these
// are the guarantees a client may rely on, not bytes: every member present for the
// whole walk is returned with its score; the walk ends with cursor "0"; members
// removed before the walk are never returned. (Small sorted sets are byte-for-byte in
// spec/differential/zscan.spec.ts.)

import type { RawConnection } from '../support/raw-connection';
import { renderReply, type Resp2Reply } from '../support/resp2-reader';
import { call } from '../support/resp2-call';
import { describeOnBothServers } from '../support/both-servers';

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

describeOnBothServers('ZSCAN of a large sorted set on %s', 'ZSCAN', (server) => {
  test('every member once, with its score as %.17g text, then cursor 0', async () => {
    const args: string[] = [];
    for (let i = 0; i < 300; i++) args.push(String(i / 4), `m${i}`);
    await call(server.conn, 'DEL', 'z');
    await call(server.conn, 'ZADD', 'z', ...args);
    const seen = await walk(server.conn, 'z');
    expect(seen.size).toBe(300);
    for (let i = 0; i < 300; i++) expect(seen.get(`m${i}`)).toBe(String(i / 4));
  });

  test('members present for the whole walk are returned although others come and go', async () => {
    const args: string[] = [];
    for (let i = 0; i < 300; i++) args.push(String(i), `keep${i}`);
    await call(server.conn, 'DEL', 'churn');
    await call(server.conn, 'ZADD', 'churn', ...args);
    await call(server.conn, 'ZADD', 'churn', '1', 'gone-before');
    await call(server.conn, 'ZREM', 'churn', 'gone-before');
    const seen = await walk(server.conn, 'churn', async (n) => {
      await call(server.conn, 'ZADD', 'churn', String(n), `new${n}`);
    });
    for (let i = 0; i < 300; i++) expect(seen.has(`keep${i}`)).toBe(true);
    expect(seen.has('gone-before')).toBe(false);
  });
});
