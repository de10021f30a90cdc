// The `mini-redis-server` binary as a user runs it: flags, the listening log line,
// serving a real request, and graceful shutdown on SIGTERM / SIGINT (exit 0), with a
// second signal exiting at once even while a connection still holds the shutdown up.

import { spawnSync } from 'node:child_process';
import * as net from 'node:net';
import { SERVER_BIN, assertBuilt, startServerProcess } from '../support/server-process';

/** Sends bytes and resolves with the first `length` bytes of the answer. */
function roundTrip(port: number, bytes: string, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (received.length >= length) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.write(bytes);
  });
}

beforeAll(assertBuilt);

describe('mini-redis-server', () => {
  it('--help lists every flag', () => {
    const result = spawnSync(process.execPath, [SERVER_BIN, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const flag of ['--port', '--bind', '--max-connections', '--log-level', '--version', '--help']) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('--version prints the package version', () => {
    const result = spawnSync(process.execPath, [SERVER_BIN, '--version'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(result.stdout.trim()).toBe(require('../../package.json').version);
  });

  it('rejects a bad port with a message and a non-zero exit', () => {
    const result = spawnSync(process.execPath, [SERVER_BIN, '--port', 'abc'], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--port');
  });

  it('logs its address at info, serves, and exits 0 on SIGTERM', async () => {
    const server = await startServerProcess();
    expect(server.output()).toContain(`listening on 127.0.0.1:${server.port}`);
    expect(await roundTrip(server.port, '*1\r\n$4\r\nPING\r\n', 7)).toBe('+PONG\r\n');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutdown complete');
  });

  it('exits 0 on SIGINT with clients still connected, closing them', async () => {
    const server = await startServerProcess();
    const client = net.connect(server.port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => client.on('close', () => resolve()));
    // An idle client, connected and served (it got its PONG), when the signal comes.
    const served = new Promise<void>((resolve) => client.once('data', () => resolve()));
    client.write('PING\r\n');
    await served;
    server.child.kill('SIGINT');
    await closed;
    expect(await server.exited).toBe(0);
  });

  it('a second signal exits at once, even while a client that never reads holds the shutdown', async () => {
    const server = await startServerProcess();
    // A client asks for a 32 MB value and never reads: the reply cannot be flushed, so a
    // graceful shutdown cannot finish on its own.
    const stuck = net.connect(server.port, '127.0.0.1');
    stuck.on('error', () => undefined);
    await new Promise<void>((resolve) => stuck.once('connect', () => resolve()));
    const value = 'x'.repeat(32 * 1024 * 1024);
    const set = `*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$${value.length}\r\n${value}\r\n`;
    const ok = new Promise<void>((resolve) => stuck.once('data', () => resolve()));
    stuck.write(set);
    await ok;
    stuck.pause();
    stuck.write('*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n');
    server.child.kill('SIGTERM');
    // The first signal is acknowledged; the process is still waiting on the stuck client.
    await new Promise<void>((resolve) => {
      const check = () => (server.output().includes('SIGTERM received: shutting down') ? resolve() : setImmediate(check));
      server.child.stdout?.on('data', check);
      check();
    });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('received again');
    stuck.destroy();
  });
});
