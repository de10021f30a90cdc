// The examples, compiled (dist/examples/*.js) and run with node as subprocesses against
// startServer on an ephemeral port, which they find in MINI_REDIS_PORT.

import { firstValueFrom } from 'rxjs';
import { type Client, type RunningServer, connect, startServer } from '../../src';
import { Recorder } from '../client/recorder';
import { Child, ensureBuilt, run } from '../cli/subprocess';

describe('examples', () => {
  let server: RunningServer;
  let client: Client;
  let env: NodeJS.ProcessEnv;
  const children: Child[] = [];

  function start(example: string, ...args: string[]): Child {
    const child = new Child(`dist/examples/${example}.js`, args, env);
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer({ port: 0 });
    client = await connect({ port: server.port });
    env = { MINI_REDIS_PORT: String(server.port), MINI_REDIS_HOST: '127.0.0.1' };
  }, 120_000);

  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    await client?.close();
    await server?.close();
  });

  it('hello-world sets hello to world and reads it back', async () => {
    const exit = await run('dist/examples/hello-world.js', [], env);
    expect(exit).toMatchObject({ code: 0, stdout: 'got value from the server; value = "world"\n', stderr: '' });
    expect(server.db.get('hello')?.toString()).toBe('world');
  });

  it('pub publishes bar to foo (or its arguments) and prints the receiver count', async () => {
    const stream = client.subscribe('foo', 'news');
    const messages = new Recorder(stream);
    await stream.ready();

    expect(await run('dist/examples/pub.js', [], env)).toMatchObject({
      code: 0,
      stdout: 'published "bar" to foo; receivers = 1\n',
      stderr: '',
    });
    expect(await run('dist/examples/pub.js', ['news', 'hello there'], env)).toMatchObject({
      code: 0,
      stdout: 'published "hello there" to news; receivers = 1\n',
    });
    const received = await messages.first(2);
    expect(received.map((m) => `${m.channel}:${m.message}`)).toEqual(['foo:bar', 'news:hello there']);
    messages.unsubscribe();
  });

  it('sub waits for one message on foo, prints it, and exits', async () => {
    const sub = start('sub');
    await sub.waitFor('stdout', /subscribed to foo; waiting for a message\n/);
    expect(await firstValueFrom(client.publish('foo', 'bar'))).toBe(1);
    const exit = await sub.exited();
    expect(exit).toMatchObject({
      code: 0,
      stdout: 'subscribed to foo; waiting for a message\ngot message from the channel: foo; message = "bar"\n',
      stderr: '',
    });
    expect(server.db.subscribers('foo')).toBe(0);
  });

  it('chat: each instance publishes its stdin lines to the room and prints the others', async () => {
    const alice = start('chat', 'alice', 'test');
    await alice.waitFor('stdout', /^joined chat:test as alice/m);
    const bob = start('chat', 'bob', 'test');
    await bob.waitFor('stdout', /^joined chat:test as bob/m);
    await alice.waitFor('stdout', /^\* bob joined$/m);

    alice.process.stdin!.write('hello bob\n');
    await bob.waitFor('stdout', /^<alice> hello bob$/m);
    bob.process.stdin!.write('hi alice\nhow are you?\n');
    await alice.waitFor('stdout', /^<bob> how are you\?$/m);

    // Anyone may publish to the room; what is not chat JSON is shown as it is.
    expect(await firstValueFrom(client.publish('chat:test', 'server notice'))).toBe(2);
    await alice.waitFor('stdout', /^server notice$/m);
    await bob.waitFor('stdout', /^server notice$/m);

    alice.process.stdin!.end(); // Ctrl-D: alice leaves
    const aliceExit = await alice.exited();
    expect(aliceExit.code).toBe(0);
    await bob.waitFor('stdout', /^\* alice left$/m);

    bob.process.kill('SIGINT'); // Ctrl-C: bob leaves too
    const bobExit = await bob.exited();
    expect(bobExit.code).toBe(0);

    // Nobody hears their own words echoed back.
    expect(aliceExit.stdout).toBe(
      'joined chat:test as alice (type a line to send it; Ctrl-D to leave)\n' +
        '* bob joined\n' +
        '<bob> hi alice\n' +
        '<bob> how are you?\n' +
        'server notice\n',
    );
    expect(bobExit.stdout).toBe(
      'joined chat:test as bob (type a line to send it; Ctrl-D to leave)\n' +
        '<alice> hello bob\n' +
        'server notice\n' +
        '* alice left\n',
    );
    expect(aliceExit.stderr + bobExit.stderr).toBe('');
    expect(server.db.subscribers('chat:test')).toBe(0);
  });
});
