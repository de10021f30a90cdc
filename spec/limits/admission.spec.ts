// The door of the server, over real TCP: maxclients and protected mode.
//
// - maxclients counts every open connection, served or waiting for a --max-connections
//   slot; the one beyond it gets Redis's exact `-ERR max number of clients reached` and
//   is closed, and counts in INFO's rejected_connections. CONFIG SET maxclients takes
//   effect for the next connection.
// - Protected mode: bound to 0.0.0.0 with no password, a client coming from a
//   non-loopback address (this machine's own LAN address, if it has one) gets Redis's
//   -DENIED text, compared byte for byte with a real redis-server where one is
//   installed; a password, `protectedMode: false` or CONFIG SET protected-mode no lets
//   it in. Without a non-loopback interface those tests are skipped with a notice.
//
// No sleeps: every wait is on socket events, with a timeout that says what it awaited.

import * as os from 'node:os';
import { startServer, RunningServer } from '../../src/server/run';
import { DENIED, MAX_CLIENTS_REACHED } from '../../src/server/admission';
import { RawConnection } from '../support/raw-connection';
import { findRedisServer, launchRedisServer } from '../support/real-redis';
import { freePort } from '../support/free-port';

const WAIT_MS = 5000;
const PING = '*1\r\n$4\r\nPING\r\n';

const open: RawConnection[] = [];
const servers: RunningServer[] = [];

afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: Parameters<typeof startServer>[0]): Promise<RunningServer> {
  const server = await startServer({ port: 0, ...options });
  servers.push(server);
  return server;
}

async function connect(port: number, host = '127.0.0.1'): Promise<RawConnection> {
  const c = await RawConnection.connect({ port, host }, WAIT_MS);
  open.push(c);
  return c;
}

async function ask(c: RawConnection, request: string): Promise<string> {
  await c.send(request);
  return (await c.readReplies(1, WAIT_MS)).toString('latin1');
}

async function info(c: RawConnection, field: string): Promise<string | undefined> {
  const text = await ask(c, '*2\r\n$4\r\nINFO\r\n$5\r\nstats\r\n');
  return new RegExp(`${field}:([^\r]*)`).exec(text)?.[1];
}

describe('maxclients', () => {
  it('counts waiting connections too; the one beyond gets Redis\'s error and is closed', async () => {
    const server = await start({ maxClients: 3, maxConnections: 2 });
    const a = await connect(server.port);
    const b = await connect(server.port);
    expect(await ask(a, PING)).toBe('+PONG\r\n');
    expect(await ask(b, PING)).toBe('+PONG\r\n');
    // The third waits for a slot (served: a, b): still, it is an open connection.
    const waiting = await connect(server.port);
    await waiting.send(PING);
    expect(await ask(a, PING)).toBe('+PONG\r\n'); // the server has seen the third by now
    const refused = await connect(server.port);
    expect((await refused.readUntilClosed(WAIT_MS)).toString('latin1')).toBe(MAX_CLIENTS_REACHED);
    expect(MAX_CLIENTS_REACHED).toBe('-ERR max number of clients reached\r\n');
    expect(await info(a, 'rejected_connections')).toBe('1');

    // A served connection leaves: the waiting one gets its slot, and there is room again.
    a.destroy();
    expect((await waiting.readReplies(1, WAIT_MS)).toString('latin1')).toBe('+PONG\r\n');
    const later = await connect(server.port);
    await later.send(PING);
    expect(await ask(b, PING)).toBe('+PONG\r\n');
    expect(later.closed).toBe(false);
  });

  it('CONFIG SET maxclients applies to the next connection', async () => {
    const server = await start({});
    const a = await connect(server.port);
    expect(await ask(a, '*4\r\n$6\r\nCONFIG\r\n$3\r\nSET\r\n$10\r\nmaxclients\r\n$1\r\n1\r\n')).toBe('+OK\r\n');
    const refused = await connect(server.port);
    expect((await refused.readUntilClosed(WAIT_MS)).toString('latin1')).toBe(MAX_CLIENTS_REACHED);
    expect(await ask(a, '*4\r\n$6\r\nCONFIG\r\n$3\r\nSET\r\n$10\r\nmaxclients\r\n$2\r\n10\r\n')).toBe('+OK\r\n');
    const admitted = await connect(server.port);
    expect(await ask(admitted, PING)).toBe('+PONG\r\n');
  });

  it('a refused client that had already sent requests still reads the refusal', async () => {
    const server = await start({ maxClients: 1 });
    const a = await connect(server.port);
    expect(await ask(a, PING)).toBe('+PONG\r\n');
    const refused = await connect(server.port);
    await refused.send(PING.repeat(100));
    expect((await refused.readUntilClosed(WAIT_MS)).toString('latin1')).toBe(MAX_CLIENTS_REACHED);
  });

  it('defaults to 10000, as Redis', async () => {
    const server = await start({});
    const a = await connect(server.port);
    expect(await ask(a, '*3\r\n$6\r\nCONFIG\r\n$3\r\nGET\r\n$10\r\nmaxclients\r\n')).toBe('*2\r\n$10\r\nmaxclients\r\n$5\r\n10000\r\n');
  });
});

/** This machine's first non-loopback IPv4 address, if it has one. */
function lanAddress(): string | undefined {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal && !address.address.startsWith('127.')) return address.address;
    }
  }
  return undefined;
}

const lan = lanAddress();
if (lan === undefined) {
  const notice = 'protected mode tests: SKIPPED: this machine has no non-loopback IPv4 address to connect from.';
  console.warn(notice);
  process.stderr.write(`${notice}\n`);
}
const describeWithLan = lan === undefined ? describe.skip : describe;

describeWithLan(`protected mode (connecting from ${lan ?? 'a LAN address'})`, () => {
  /** Connects to the LAN address: the kernel uses it as the source address too, so the server sees a non-loopback peer. */
  const fromLan = (port: number): Promise<RawConnection> => connect(port, lan!);

  it('bound to 0.0.0.0 without a password: a non-loopback client gets -DENIED and is closed; loopback is served', async () => {
    const server = await start({ host: '0.0.0.0' });
    const outsider = await fromLan(server.port);
    expect((await outsider.readUntilClosed(WAIT_MS)).toString('latin1')).toBe(DENIED);
    const local = await connect(server.port);
    expect(await ask(local, PING)).toBe('+PONG\r\n');
    expect(await info(local, 'rejected_connections')).toBe('1');
  });

  it('the -DENIED text is Redis\'s, byte for byte', async () => {
    const binary = findRedisServer();
    if (binary === undefined) {
      console.warn('protected mode -DENIED comparison: SKIPPED: redis-server is not installed');
      return;
    }
    const port = await freePort('0.0.0.0');
    const redis = await launchRedisServer(binary, 'mini-redis-rx-protected-', () => ['--port', String(port), '--bind', '0.0.0.0']);
    try {
      const outsider = await fromLan(port);
      const redisBytes = await outsider.readUntilClosed(WAIT_MS);
      expect(redisBytes.toString('latin1')).toBe(DENIED);
    } finally {
      await redis.stop();
    }
  });

  it('a password, --protected-mode no, or CONFIG SET protected-mode no lets non-loopback clients in', async () => {
    const withPassword = await start({ host: '0.0.0.0', requirePass: 'pw' });
    expect(await ask(await fromLan(withPassword.port), PING)).toBe('-NOAUTH Authentication required.\r\n');

    const unprotected = await start({ host: '0.0.0.0', protectedMode: false });
    expect(await ask(await fromLan(unprotected.port), PING)).toBe('+PONG\r\n');

    const server = await start({ host: '0.0.0.0' });
    const local = await connect(server.port);
    expect(await ask(local, '*4\r\n$6\r\nCONFIG\r\n$3\r\nSET\r\n$14\r\nprotected-mode\r\n$2\r\nno\r\n')).toBe('+OK\r\n');
    expect(await ask(await fromLan(server.port), PING)).toBe('+PONG\r\n');
  });
});
