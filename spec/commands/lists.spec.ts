// The list commands where a byte-for-byte comparison is not the whole story:
//
// - Metadata: every list command's arity, flags, key positions and ACL categories
//   (COMMAND INFO) and its summary, since and group (COMMAND DOCS) are Redis's, asked of
//   a real redis-server.
// - Blocking on virtual time (TestScheduler): timeouts of seconds and minutes, a wait
//   forever, and a client that goes away while blocked, with no real waiting. Each
//   connection is a session() over its own cold Observable of request batches, all of
//   them on one Db, so "a blocks, b pushes at 5 s" is a marble diagram.

import { Observable } from 'rxjs';
import { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import { listCommands } from '../../src/commands/lists';
import type { Frame } from '../../src/protocol/frame';
import { RawConnection } from '../support/raw-connection';
import { findRedisServer, startRealRedis, warnRedisMissing, type RealRedis } from '../support/real-redis';
import { readReply, renderReply, type Resp2Reply } from '../support/resp2-reader';
import { asText, batch, newTestScheduler } from '../support/marbles';

const request = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

async function call(conn: RawConnection, ...args: string[]): Promise<Resp2Reply> {
  await conn.send(request(...args));
  const bytes = await conn.readReplies(1, 5000);
  return readReply(bytes)!.reply;
}

const asInteger = (reply: Resp2Reply): number => {
  if (reply.kind !== 'integer') throw new Error(`expected an integer, got ${renderReply(reply)}`);
  return Number(reply.value);
};
const texts = (reply: Resp2Reply): string[] =>
  reply.kind === 'array' ? reply.items!.map((i) => (i.kind === 'simple' ? i.text : i.kind === 'bulk' ? i.bytes!.toString() : renderReply(i))) : [];

// ---------------------------------------------------------------------------
// COMMAND INFO and COMMAND DOCS

const redisBinary = findRedisServer();
if (redisBinary === undefined) warnRedisMissing('list command metadata against redis-server');

describe('list command metadata', () => {
  if (redisBinary === undefined) {
    test('skipped: redis-server is not installed, so there is no COMMAND INFO to compare with', () => {
      expect(redisBinary).toBeUndefined();
    });
    return;
  }
  let redis: RealRedis | null = null;
  let conn: RawConnection;
  beforeAll(async () => {
    redis = await startRealRedis(redisBinary);
    conn = await RawConnection.connect(redis!.endpoint);
  });
  afterAll(async () => {
    conn?.destroy();
    await redis?.stop();
  });

  test('every list command Redis 7.0 has is here', async () => {
    const reply = await call(conn, 'COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'list');
    // SORT and SORT_RO are in @list too, but they belong to the keyspace commands.
    const redisLists = texts(reply).filter((name) => name !== 'sort' && name !== 'sort_ro');
    expect(listCommands.map((c) => c.name).sort()).toEqual(redisLists.sort());
  });

  test.each(listCommands.map((c) => [c.name, c] as const))('%s matches COMMAND INFO', async (name, spec) => {
    const reply = await call(conn, 'COMMAND', 'INFO', name);
    if (reply.kind !== 'array' || reply.items === null || reply.items[0].kind !== 'array') throw new Error(renderReply(reply));
    const info = reply.items[0].items!;
    expect({
      arity: spec.arity,
      flags: [...(spec.flags ?? [])].sort(),
      keys: [spec.keys?.first ?? 0, spec.keys?.last ?? 0, spec.keys?.step ?? 0],
      categories: [...(spec.categories ?? [])].sort(),
    }).toEqual({
      arity: asInteger(info[1]),
      flags: texts(info[2]).sort(),
      keys: [asInteger(info[3]), asInteger(info[4]), asInteger(info[5])],
      categories: texts(info[6]).sort(),
    });
  });

  test.each(listCommands.map((c) => [c.name, c] as const))('%s matches COMMAND DOCS (summary, since, group)', async (name, spec) => {
    const reply = await call(conn, 'COMMAND', 'DOCS', name);
    if (reply.kind !== 'array' || reply.items === null || reply.items[1].kind !== 'array') throw new Error(renderReply(reply));
    const fields = reply.items[1].items!;
    const field = (wanted: string): string | undefined => {
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const key = fields[i];
        const value = fields[i + 1];
        if (key.kind === 'bulk' && key.bytes?.toString() === wanted && value.kind === 'bulk') return value.bytes?.toString();
      }
      return undefined;
    };
    expect({ summary: spec.summary, since: spec.since, group: spec.group }).toEqual({
      summary: field('summary'),
      since: field('since'),
      group: field('group'),
    });
  });
});

// ---------------------------------------------------------------------------
// Blocking on virtual time. Marble frames are 1 ms.

/** One connection: a session over these timed request batches, its output as text. */
const connection = (db: Db, requests: Observable<Frame[]>): Observable<string> => asText(session(db, requests));

describe('blocking list commands on virtual time', () => {
  it('BLPOP with a timeout answers the null array when the time is up, not before', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const a = cold('a', { a: batch('BLPOP', 'k', '1.5') });
      expectObservable(connection(db, a)).toBe('1500ms a', { a: '*-1\r\n' });
    });
  });

  it('BLMOVE and BLMPOP time out with the null array too', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const a = cold('a', { a: [...batch('BLMOVE', 's', 'd', 'LEFT', 'LEFT', '0.25'), ...batch('BLMPOP', '0.25', '1', 's', 'LEFT')] });
      expectObservable(connection(db, a)).toBe('250ms a 249ms b', { a: '*-1\r\n', b: '*-1\r\n' });
    });
  });

  it('a timeout of 0 waits for ever: served by a push ten minutes later', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const a = cold('a', { a: batch('BLPOP', 'k', '0') });
      const b = cold('600000ms b', { b: batch('RPUSH', 'k', 'late') });
      expectObservable(connection(db, a)).toBe('600000ms a', { a: '*2\r\n$1\r\nk\r\n$4\r\nlate\r\n' });
      expectObservable(connection(db, b)).toBe('600000ms b', { b: ':1\r\n' });
    });
  });

  it('commands pipelined behind a blocked one run once it is served', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const a = cold('a', { a: [...batch('BLPOP', 'k', '0'), ...batch('LLEN', 'k')] });
      const b = cold('10ms b', { b: batch('RPUSH', 'k', 'x', 'y') });
      expectObservable(connection(db, a)).toBe('10ms a', { a: '*2\r\n$1\r\nk\r\n$1\r\nx\r\n:1\r\n' });
      expectObservable(connection(db, b)).toBe('10ms b', { b: ':2\r\n' });
    });
  });

  it('waiters are served in the order they blocked, one element each', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const first = cold('a', { a: batch('BRPOP', 'k', '0') });
      const second = cold('1ms a', { a: batch('BLPOP', 'k', '0') });
      const third = cold('2ms a', { a: batch('BLPOP', 'k', '0.1') });
      const pusher = cold('5ms b', { b: batch('RPUSH', 'k', '1', '2') });
      expectObservable(connection(db, first)).toBe('5ms a', { a: '*2\r\n$1\r\nk\r\n$1\r\n2\r\n' });
      expectObservable(connection(db, second)).toBe('5ms a', { a: '*2\r\n$1\r\nk\r\n$1\r\n1\r\n' });
      expectObservable(connection(db, third)).toBe('102ms a', { a: '*-1\r\n' });
      expectObservable(connection(db, pusher)).toBe('5ms b', { b: ':2\r\n' });
    });
  });

  it('a client that leaves while blocked takes nothing: the element stays in the list', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const gone = cold('a', { a: batch('BLPOP', 'k', '0') });
      const other = cold('100ms b 1ms c', { b: batch('RPUSH', 'k', 'kept'), c: batch('LRANGE', 'k', '0', '-1') });
      // The blocked connection is unsubscribed (closed) at 50 ms, before the push.
      expectObservable(connection(db, gone), '^ 50ms !').toBe('');
      expectObservable(connection(db, other)).toBe('100ms b 1ms c', { b: ':1\r\n', c: '*1\r\n$4\r\nkept\r\n' });
    });
  });

  it('BLMOVE served later moves the element, and the emptied source is gone', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const a = cold('a', { a: batch('BLMOVE', 'src', 'dst', 'RIGHT', 'LEFT', '0') });
      const b = cold('20ms b', { b: [...batch('RPUSH', 'src', 'job'), ...batch('EXISTS', 'src'), ...batch('LRANGE', 'dst', '0', '-1')] });
      expectObservable(connection(db, a)).toBe('20ms a', { a: '$3\r\njob\r\n' });
      // As in Redis, the waiter is served right after the command that pushed, before
      // the next command of the same pipeline: b already sees the element moved.
      expectObservable(connection(db, b)).toBe('20ms b', { b: ':1\r\n:0\r\n*1\r\n$3\r\njob\r\n' });
    });
  });
});
