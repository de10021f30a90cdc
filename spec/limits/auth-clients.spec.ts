// Real clients against a server with a password, configured the way their users do:
// ioredis `{ password }` (AUTH password, or AUTH default password with a username),
// node-redis `{ password }` in RESP3 (HELLO 3 AUTH default password) and RESP2, and a
// wrong password refused with Redis's WRONGPASS. Plus the query buffer limit over TCP.
//
// No sleeps: every wait is an event (ready, a reply, the close) with a timeout.

import Redis from 'ioredis';
import { createClient } from 'redis';
import { startServer, RunningServer } from '../../src/server/run';
import { log } from '../../src/log';
import { RawConnection } from '../support/raw-connection';

const PASSWORD = 'pa55 word';
const WAIT_MS = 3000;

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, requirePass: PASSWORD });
});
afterAll(() => server.close());

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('ioredis', () => {
  it('{ password }: connects, runs commands', async () => {
    const client = new Redis({ port: server.port, host: '127.0.0.1', password: PASSWORD, lazyConnect: true });
    try {
      await within(client.connect(), 'connect');
      expect(await client.set('ioredis:auth', 'yes')).toBe('OK');
      expect(await client.get('ioredis:auth')).toBe('yes');
    } finally {
      client.disconnect();
    }
  });

  it('{ username: "default", password }: connects', async () => {
    const client = new Redis({ port: server.port, host: '127.0.0.1', username: 'default', password: PASSWORD, lazyConnect: true });
    try {
      await within(client.connect(), 'connect');
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
  });

  it('a wrong password is refused with WRONGPASS', async () => {
    const client = new Redis({
      ...{ port: server.port, host: '127.0.0.1', password: 'nope' },
      ...{ lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 },
    });
    const errors: string[] = [];
    client.on('error', (err: Error) => errors.push(err.message));
    try {
      // ioredis reports the AUTH failure as an 'error' event, then gives up (no retry).
      await expect(within(client.connect(), 'connect')).rejects.toThrow();
      expect(errors).toContainEqual(expect.stringMatching(/WRONGPASS invalid username-password pair or user is disabled/));
    } finally {
      client.disconnect();
    }
  });
});

describe.each([3, 2] as const)('node-redis, RESP%d', (resp) => {
  it('{ password }: connects (HELLO ... AUTH or AUTH), runs commands', async () => {
    const client = createClient({ url: `redis://127.0.0.1:${server.port}`, password: PASSWORD, ...(resp === 2 ? { RESP: 2 as const } : {}) });
    client.on('error', () => undefined);
    try {
      await within(client.connect(), 'connect');
      expect(await client.set(`node-redis:auth:${resp}`, 'yes')).toBe('OK');
      expect(await client.get(`node-redis:auth:${resp}`)).toBe('yes');
    } finally {
      await client.close();
    }
  });
});

describe('client-query-buffer-limit over TCP', () => {
  it('a client whose unparsed input passes the limit is closed without a reply, with a log line; others are fine', async () => {
    const warn = jest.spyOn(log, 'warn').mockImplementation(() => undefined);
    const limited = await startServer({ port: 0, clientQueryBufferLimit: 1024 * 1024 });
    try {
      const big = await RawConnection.connect({ port: limited.port, host: '127.0.0.1' }, WAIT_MS);
      const other = await RawConnection.connect({ port: limited.port, host: '127.0.0.1' }, WAIT_MS);
      await big.send(`*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${4 * 1024 * 1024}\r\n`);
      await big.send(Buffer.alloc(1024 * 1024 + 100, 'q'), WAIT_MS);
      expect((await big.readUntilClosed(WAIT_MS)).toString('latin1')).toBe('');
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Closing client that reached max query buffer length: id=\d+ addr=.* qbuf=\d+$/));
      await other.send('PING\r\n');
      expect((await other.readReplies(1, WAIT_MS)).toString('latin1')).toBe('+PONG\r\n');
      // A value within the limit is still fine.
      await other.send(`*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${1000 * 1000}\r\n${'v'.repeat(1000 * 1000)}\r\n`, WAIT_MS);
      expect((await other.readReplies(1, WAIT_MS)).toString('latin1')).toBe('+OK\r\n');
      other.destroy();
      big.destroy();
    } finally {
      warn.mockRestore();
      await limited.close();
    }
  });
});
