// The server surface of the data types where a byte-for-byte comparison with Redis
// cannot work, tested by shape and by property on our server:
// - DEBUG DIGEST / DIGEST-VALUE: equal contents give equal digests, whatever the
//   encoding or the order of insertion; any change gives another; forty zeros for none;
// - DEBUG OBJECT: Redis's line, with an address that stays put while the key lives;
// - DEBUG SLEEP: blocks the whole server (another client's PING waits behind it);
// - DEBUG RELOAD: data, encodings under the current limits, and TTLs;
// - enable-debug-command no | yes | local, and the CLI's --help listing it (which is
//   how shared/redis-tests/run.sh decides to turn DEBUG on);
// - CONFIG SET of a threshold writes the Db's shared limits object;
// - INFO keyspace counting aggregates and their expiries;
// - OBJECT ENCODING after APPEND: the documented difference (embstr, where Redis says raw).
// The byte-exact parts are in spec/differential/server-types*.spec.ts.

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ServerState } from '../../src/commands/server-state';
import { startServer } from '../../src/index';
import { RawConnection } from '../support/raw-connection';
import { renderReply, type Resp2Reply } from '../support/resp2-reader';
import { call, pipeline } from '../support/resp2-call';

type Running = Awaited<ReturnType<typeof startServer>>;

const text = (reply: Resp2Reply): string => {
  if (reply.kind === 'simple' || reply.kind === 'error') return reply.text;
  if (reply.kind === 'bulk' && reply.bytes !== null) return reply.bytes.toString('latin1');
  throw new Error(`expected a string, got ${renderReply(reply)}`);
};
const texts = (reply: Resp2Reply): string[] => {
  if (reply.kind !== 'array' || reply.items === null) throw new Error(`expected an array, got ${renderReply(reply)}`);
  return reply.items.map(text);
};

async function serverWith(debug: string): Promise<{ server: Running; conn: RawConnection }> {
  const state = new ServerState(new Map([['enable-debug-command', debug]]));
  const server = await startServer({ port: 0, host: '127.0.0.1', state });
  const conn = await RawConnection.connect({ port: server.port, host: '127.0.0.1' });
  return { server, conn };
}

describe('DEBUG with enable-debug-command yes', () => {
  let server: Running;
  let conn: RawConnection;
  beforeAll(async () => ({ server, conn } = await serverWith('yes')));
  afterAll(async () => {
    conn.destroy();
    await server.close();
  });
  beforeEach(async () => {
    await call(conn, 'FLUSHALL');
  });

  test('DIGEST is forty zeros for an empty dataset, and changes with any change', async () => {
    expect(text(await call(conn, 'DEBUG', 'DIGEST'))).toBe('0'.repeat(40));
    await call(conn, 'SET', 'k', 'v');
    const one = text(await call(conn, 'DEBUG', 'DIGEST'));
    expect(one).toMatch(/^[0-9a-f]{40}$/);
    expect(one).not.toBe('0'.repeat(40));
    await call(conn, 'SET', 'k', 'w');
    const two = text(await call(conn, 'DEBUG', 'DIGEST'));
    expect(two).not.toBe(one);
    await call(conn, 'SET', 'k', 'v');
    expect(text(await call(conn, 'DEBUG', 'DIGEST'))).toBe(one);
    // A time to live is part of the digest (its presence, not its value).
    await call(conn, 'EXPIRE', 'k', '100');
    expect(text(await call(conn, 'DEBUG', 'DIGEST'))).not.toBe(one);
  });

  test('DIGEST-VALUE is equal for equal contents, whatever the encoding or insertion order', async () => {
    await pipeline(conn, [
      ['HSET', 'small', 'a', '1', 'b', '2'],
      ['CONFIG', 'SET', 'hash-max-listpack-entries', '1'],
      ['HSET', 'big', 'b', '2', 'a', '1'],
      ['CONFIG', 'SET', 'hash-max-listpack-entries', '512'],
      ['ZADD', 'z1', '1', 'a', '2', 'b'],
      ['ZADD', 'z2', '2', 'b', '1', 'a'],
      ['ZADD', 'z3', '1', 'a', '3', 'b'],
      ['SADD', 's1', '1', '2', 'x'],
      ['SADD', 's2', 'x', '2', '1'],
      ['RPUSH', 'l1', 'a', 'b'],
      ['RPUSH', 'l2', 'b', 'a'],
    ]);
    expect(text(await call(conn, 'OBJECT', 'ENCODING', 'small'))).toBe('listpack');
    expect(text(await call(conn, 'OBJECT', 'ENCODING', 'big'))).toBe('hashtable');
    const d = texts(await call(conn, 'DEBUG', 'DIGEST-VALUE', 'small', 'big', 'z1', 'z2', 'z3', 's1', 's2', 'l1', 'l2', 'missing'));
    expect(d[0]).toBe(d[1]);
    expect(d[2]).toBe(d[3]);
    expect(d[4]).not.toBe(d[2]);
    expect(d[5]).toBe(d[6]);
    expect(d[7]).not.toBe(d[8]); // a list's order is its content
    expect(d[9]).toBe('0'.repeat(40));
    expect(new Set(d.slice(0, 9)).size).toBe(6); // hashes, zsets, z3, sets, l1, l2
  });

  test('DEBUG OBJECT says Redis\'s fields, and the address stays put while the key lives', async () => {
    await call(conn, 'SET', 'n', '20000');
    const before = text(await call(conn, 'DEBUG', 'OBJECT', 'n'));
    expect(before).toMatch(/^Value at:0x[0-9a-f]+ refcount:1 encoding:int serializedlength:\d+ lru:\d+ lru_seconds_idle:0$/);
    await call(conn, 'INCR', 'n');
    const after = text(await call(conn, 'DEBUG', 'OBJECT', 'n'));
    expect(after.split(' ')[1]).toBe(before.split(' ')[1]);
    await call(conn, 'RPUSH', 'l', 'a', 'b', 'c');
    expect(text(await call(conn, 'DEBUG', 'OBJECT', 'l'))).toMatch(
      /encoding:quicklist .* ql_nodes:1 ql_avg_node:3\.00 ql_listpack_max:-2 ql_compressed:0 ql_uncompressed_size:\d+$/,
    );
    // With one element per node, as list-max-listpack-size 1 asks.
    await call(conn, 'CONFIG', 'SET', 'list-max-listpack-size', '1');
    expect(text(await call(conn, 'DEBUG', 'OBJECT', 'l'))).toMatch(/ ql_nodes:3 ql_avg_node:1\.00 ql_listpack_max:1 /);
    await call(conn, 'CONFIG', 'SET', 'list-max-listpack-size', '-2');
    await call(conn, 'HSET', 'h', 'f', 'v');
    expect(text(await call(conn, 'DEBUG', 'OBJECT', 'h'))).toMatch(/ encoding:listpack /);
  });

  test('DEBUG SLEEP blocks the whole server: another client is answered after it', async () => {
    const other = await RawConnection.connect({ port: server.port, host: '127.0.0.1' });
    try {
      const order: string[] = [];
      const sleeping = call(conn, 'DEBUG', 'SLEEP', '0.2').then((reply) => order.push(`sleep ${text(reply)}`));
      // Written after the sleep has reached the server: the PING is read once it is over.
      await new Promise((resolve) => setImmediate(resolve));
      const ping = call(other, 'PING').then((reply) => order.push(`ping ${text(reply)}`));
      await Promise.all([sleeping, ping]);
      expect(order).toEqual(['sleep OK', 'ping PONG']);
    } finally {
      other.destroy();
    }
  });

  test('DEBUG RELOAD keeps data and TTLs, and chooses encodings again under the current limits', async () => {
    await pipeline(conn, [
      ['SADD', 's', '1', '2', 'x'],
      ['SREM', 's', 'x'],
      ['ZADD', 'z', '1', 'a', '2', 'b'],
      ['EXPIRE', 'z', '100'],
      ['RPUSH', 'l', 'a', 'b'],
    ]);
    expect(text(await call(conn, 'OBJECT', 'ENCODING', 's'))).toBe('hashtable');
    const digest = text(await call(conn, 'DEBUG', 'DIGEST'));
    expect(text(await call(conn, 'DEBUG', 'RELOAD'))).toBe('OK');
    expect(text(await call(conn, 'OBJECT', 'ENCODING', 's'))).toBe('intset');
    expect(text(await call(conn, 'DEBUG', 'DIGEST'))).toBe(digest);
    const ttl = await call(conn, 'TTL', 'z');
    expect(ttl.kind === 'integer' && ttl.value > 90n).toBe(true);
    await call(conn, 'CONFIG', 'SET', 'zset-max-listpack-entries', '1');
    await call(conn, 'DEBUG', 'RELOAD');
    expect(text(await call(conn, 'OBJECT', 'ENCODING', 'z'))).toBe('skiplist');
    await call(conn, 'CONFIG', 'SET', 'zset-max-listpack-entries', '128');
  });

  test('CONFIG SET of a threshold writes the Db\'s shared limits', async () => {
    await call(conn, 'CONFIG', 'SET', 'hash-max-ziplist-value', '1kb', 'set-max-intset-entries', '7');
    expect(server.db.limits.hashMaxListpackValue).toBe(1024);
    expect(server.db.limits.setMaxIntsetEntries).toBe(7);
    server.db.limits.setMaxIntsetEntries = 9;
    expect(texts(await call(conn, 'CONFIG', 'GET', 'set-max-intset-entries'))).toEqual(['set-max-intset-entries', '9']);
    await call(conn, 'CONFIG', 'SET', 'hash-max-ziplist-value', '64', 'set-max-intset-entries', '512');
  });

  test('INFO keyspace counts every type and the keys with a time to live', async () => {
    await pipeline(conn, [
      ['RPUSH', 'l', 'a'],
      ['HSET', 'h', 'f', 'v'],
      ['SADD', 's', 'm'],
      ['ZADD', 'z', '1', 'm'],
      ['EXPIRE', 'z', '100'],
    ]);
    expect(text(await call(conn, 'INFO', 'keyspace'))).toBe('# Keyspace\r\ndb0:keys=4,expires=1,avg_ttl=0\r\n');
  });

  test('OBJECT ENCODING of a short string APPEND built: embstr (Redis says raw; see value-encoding.ts)', async () => {
    await call(conn, 'SET', 's', 'abc');
    await call(conn, 'APPEND', 's', 'def');
    expect(text(await call(conn, 'OBJECT', 'ENCODING', 's'))).toBe('embstr');
  });
});

describe('enable-debug-command', () => {
  const NOT_ALLOWED = /^ERR DEBUG command not allowed\. If the enable-debug-command option is set to "local"/;

  test.each([
    ['no', false],
    ['yes', true],
    // The test client connects from 127.0.0.1: local.
    ['local', true],
  ] as const)('%s', async (setting, allowed) => {
    const { server, conn } = await serverWith(setting);
    try {
      const reply = await call(conn, 'DEBUG', 'PROTOCOL', 'integer');
      if (allowed) expect(reply).toEqual({ kind: 'integer', value: 12345n });
      else expect(text(reply)).toMatch(NOT_ALLOWED);
      expect(texts(await call(conn, 'CONFIG', 'GET', 'enable-debug-command'))).toEqual(['enable-debug-command', setting]);
    } finally {
      conn.destroy();
      await server.close();
    }
  });

  test('mini-redis-server --help lists it (how shared/redis-tests/run.sh turns DEBUG on)', () => {
    const root = path.join(__dirname, '..', '..');
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/server.ts', '--help'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stdout).toMatch(/--enable-debug-command <no\|yes\|local>.*\(default: "no"\)/);
  }, 90_000);
});
