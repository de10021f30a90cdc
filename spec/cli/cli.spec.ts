// mini-redis-cli as a user runs it: `node dist/bin/cli.js ...` (the bundled bin) as a subprocess,
// against startServer on an ephemeral port.

import { firstValueFrom } from 'rxjs';
import { type Client, type RunningServer, connect, startServer } from '../../src';
import { closedPort } from '../client/fixtures';
import { Recorder } from '../client/recorder';
import { Child, ensureBuilt, run } from './subprocess';

const CLI = 'dist/bin/cli.js';

describe('mini-redis-cli', () => {
  let server: RunningServer;
  let client: Client;
  const children: Child[] = [];

  const cli = (...args: string[]) => run(CLI, ['--port', String(server.port), ...args]);

  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer({ port: 0 });
    client = await connect({ port: server.port });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    await client?.close();
    await server?.close();
  });

  it('ping prints PONG; ping with a message prints it quoted', async () => {
    expect(await cli('ping')).toMatchObject({ code: 0, stdout: 'PONG\n', stderr: '' });
    expect(await cli('ping', 'hello world')).toMatchObject({ code: 0, stdout: '"hello world"\n', stderr: '' });
  });

  it('set prints OK; get prints the value quoted', async () => {
    expect(await cli('set', 'foo', 'bar')).toMatchObject({ code: 0, stdout: 'OK\n', stderr: '' });
    expect(server.db.get('foo')?.toString()).toBe('bar');
    expect(await cli('get', 'foo')).toMatchObject({ code: 0, stdout: '"bar"\n', stderr: '' });
  });

  it('get of a missing key prints (nil)', async () => {
    expect(await cli('get', 'missing')).toMatchObject({ code: 0, stdout: '(nil)\n', stderr: '' });
  });

  it('get shows UTF-8 as text, escapes quotes and control characters, and non-UTF-8 bytes as \\xNN', async () => {
    server.db.set('text', Buffer.from('héllo "you"\n\ttab'));
    expect((await cli('get', 'text')).stdout).toBe('"héllo \\"you\\"\\n\\ttab"\n');
    server.db.set('binary', Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x5c]));
    expect((await cli('get', 'binary')).stdout).toBe('"\\xff\\xfea\\x00\\\\"\n');
  });

  it('set with expires_ms sets a time to live in milliseconds (SET ... PX)', async () => {
    const before = Date.now();
    expect(await cli('set', 'ttl', 'soon', '100000')).toMatchObject({ code: 0, stdout: 'OK\n' });
    const at = server.db.expiresAt('ttl');
    expect(at).toBeGreaterThanOrEqual(before + 100_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 100_000);
  });

  it('a server error goes to stderr, one line, exit code 1', async () => {
    expect(await cli('set', 'k', 'v', '0')).toEqual({
      code: 1,
      signal: null,
      stdout: '',
      stderr: "mini-redis-cli: ERR invalid expire time in 'set' command\n",
    });
  });

  it('publish prints the number of subscribers that received the message', async () => {
    expect(await cli('publish', 'empty-room', 'hello?')).toMatchObject({ code: 0, stdout: '0\n', stderr: '' });
    const stream = client.subscribe('room');
    const messages = new Recorder(stream);
    await stream.ready();
    expect(await cli('publish', 'room', 'hi there')).toMatchObject({ code: 0, stdout: '1\n', stderr: '' });
    expect((await messages.first(1))[0].message.toString()).toBe('hi there');
    messages.unsubscribe();
  });

  it('subscribe prints each message until SIGINT, then unsubscribes and exits 0', async () => {
    const child = new Child(CLI, ['--port', String(server.port), 'subscribe', 'news', 'weather']);
    children.push(child);
    // Printed on stderr once the server has confirmed the subscription.
    await child.waitFor('stderr', /Reading messages\.\.\. \(press Ctrl-C to quit\)\n/);
    expect(server.db.subscribers('news')).toBe(1);

    expect(await firstValueFrom(client.publish('news', 'extra! extra!'))).toBe(1);
    await child.waitFor('stdout', /message = "extra! extra!"\n/);
    expect(await firstValueFrom(client.publish('weather', Buffer.from([0x73, 0x75, 0x6e, 0xff])))).toBe(1);
    await child.waitFor('stdout', /weather/);

    child.process.kill('SIGINT');
    const exit = await child.exited();
    expect(exit.code).toBe(0);
    expect(exit.stdout).toBe(
      'got message from the channel: news; message = "extra! extra!"\n' +
        'got message from the channel: weather; message = "sun\\xff"\n',
    );
    expect(exit.stderr).toBe('Reading messages... (press Ctrl-C to quit)\n');
    expect(server.db.subscribers('news')).toBe(0);
    expect(server.db.subscribers('weather')).toBe(0);
  });

  it('an unreachable server: exactly one line on stderr, exit code 1', async () => {
    const port = await closedPort();
    expect(await run(CLI, ['--port', String(port), 'get', 'foo'])).toEqual({
      code: 1,
      signal: null,
      stdout: '',
      stderr: `mini-redis-cli: could not connect to 127.0.0.1:${port}: ECONNREFUSED\n`,
    });
  });

  it('takes --host and -p, before or after the subcommand', async () => {
    const port = String(server.port);
    expect(await run(CLI, ['--host', '127.0.0.1', '-p', port, 'ping'])).toMatchObject({ code: 0, stdout: 'PONG\n' });
    expect(await run(CLI, ['ping', '--port', port])).toMatchObject({ code: 0, stdout: 'PONG\n' });
  });

  it('a bad expires_ms is refused before connecting, exit code 1', async () => {
    const exit = await cli('set', 'k', 'v', 'soon');
    expect(exit.code).toBe(1);
    expect(exit.stdout).toBe('');
    expect(exit.stderr).toMatch(/expires_ms/);
  });
});
