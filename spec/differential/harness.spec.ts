// Tests of the differential harness itself. The oracle tests only mean something if
// the harness can fail: its reply reader must tell complete from incomplete from
// malformed, its waits must time out with the bytes shown, and a difference between
// two servers must be reported. None of this needs our server or redis-server.
import * as fs from 'node:fs';
import * as net from 'node:net';
import { RawConnection } from '../support/raw-connection';
import { findRedisServer, SKIPPED_NO_REDIS, startRealRedis, warnRedisMissing } from '../support/real-redis';
import { endOfReplies, readReply } from '../support/resp2-reader';
import { command, corpus } from './corpus';
import { compareTranscripts, runCase, Target } from './run-case';

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('resp2-reader', () => {
  test('finds the end of each kind of reply', () => {
    const stream = bytes('+OK\r\n-ERR x\r\n:-12\r\n$3\r\na\r\n\r\n$-1\r\n*2\r\n$1\r\nx\r\n*-1\r\n*0\r\n');
    expect(endOfReplies(stream, 7)).toBe(stream.length);
    expect(readReply(stream, 19)?.reply).toEqual({ kind: 'bulk', bytes: bytes('a\r\n') });
  });

  test('reports an incomplete reply as undefined, wherever it is cut', () => {
    const reply = bytes('*2\r\n$5\r\nhello\r\n:7\r\n');
    for (let cut = 0; cut < reply.length; cut++) expect(readReply(reply.subarray(0, cut))).toBeUndefined();
    expect(readReply(reply)?.end).toBe(reply.length);
  });

  test.each(['_\r\n', '$3\r\nabcd\r\n', ':1.5\r\n', '$01\r\na\r\n', '+a\nb\r\n'])('rejects malformed %j', (malformed) => {
    expect(() => readReply(bytes(malformed))).toThrow();
  });
});

describe('RawConnection', () => {
  let server: net.Server;
  let port: number;
  // A peer that sends a fixed greeting and then closes when it receives "bye".
  beforeAll(async () => {
    server = net.createServer((socket) => {
      socket.write('+hello\r\n$7\r\npar');
      socket.on('data', (d) => {
        if (d.toString('latin1').includes('bye')) socket.end('tial\r\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a read that cannot complete times out, showing the bytes received', async () => {
    const conn = await RawConnection.connect({ port });
    await expect(conn.readReplies(1)).resolves.toEqual(bytes('+hello\r\n'));
    await expect(conn.readReplies(1, 50)).rejects.toThrow('timed out after 50 ms waiting for 1 reply; received so far: "$7\\r\\npar"');
    conn.destroy();
  });

  test('readUntilClosed collects everything up to the close', async () => {
    const conn = await RawConnection.connect({ port });
    await conn.readReplies(1);
    await conn.send('bye');
    await expect(conn.readUntilClosed()).resolves.toEqual(bytes('$7\r\npartial\r\n'));
    expect(conn.closed).toBe(true);
    expect(await conn.send('more')).toBe(false);
  });

  test('a read waiting for replies fails at once when the peer closes', async () => {
    const conn = await RawConnection.connect({ port });
    await conn.send('bye');
    await expect(conn.readReplies(3)).rejects.toThrow(/connection closed while waiting for 3 replies; received so far: /);
  });
});

describe('corpus', () => {
  test('has well over 100 cases, each with a unique name', () => {
    expect(corpus.length).toBeGreaterThan(100);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  test('command() encodes a RESP multibulk, byte lengths included', () => {
    expect(command('SET', 'k', '\xff\r\n')).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\n\xff\r\n\r\n');
  });
});

describe('compareTranscripts', () => {
  const c = { name: 'x', steps: [] };
  const entry = (s: string) => ({ conn: 'a', kind: 'received' as const, bytes: bytes(s) });

  test('is silent for equal transcripts and names the first different byte otherwise', () => {
    expect(compareTranscripts(c, [entry('+OK\r\n')], [entry('+OK\r\n')])).toBe('');
    const report = compareTranscripts(c, [entry('-ERR syntax error\r\n')], [entry('-ERR Syntax error\r\n')]);
    expect(report).toContain('first different byte: offset 5');
    expect(report).toContain('"-ERR syntax error\\r\\n"');
    expect(report).toContain('"-ERR Syntax error\\r\\n"');
  });

  test('reports a missing entry', () => {
    expect(compareTranscripts(c, [entry('+OK\r\n'), entry('+OK\r\n')], [entry('+OK\r\n')])).toContain('at entry 2');
  });
});

const redisServer = findRedisServer();
if (redisServer === undefined) warnRedisMissing('harness: real-redis');
(redisServer ? describe : describe.skip)(
  redisServer ? 'real-redis' : `real-redis ${SKIPPED_NO_REDIS}`,
  () => {
    test('starts on a unix socket only, answers, and leaves nothing behind', async () => {
      const redis = (await startRealRedis(redisServer))!;
      const target = new Target('redis-server', redis.endpoint, 2000);
      try {
        const transcript = await runCase(
          target,
          { name: 'probe', steps: [{ conn: 'a', send: command('CONFIG', 'GET', 'port'), expect: [{ conn: 'a', replies: 1 }] }] },
          { bytewise: false, strict: true, timeoutMs: 2000 },
        );
        expect(transcript[1].bytes.toString('latin1')).toBe('*2\r\n$4\r\nport\r\n$1\r\n0\r\n');
      } finally {
        target.close();
        await redis.stop();
      }
      expect(fs.existsSync(redis.socketPath)).toBe(false);
      expect(fs.existsSync(redis.socketPath.replace(/\/redis\.sock$/, ''))).toBe(false);
    });
  },
);
