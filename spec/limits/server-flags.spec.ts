// The limit and security flags of `mini-redis-server`, as a user runs the binary:
// --requirepass and MINI_REDIS_PASSWORD, --maxclients, --timeout,
// --client-output-buffer-limit-pubsub, --client-query-buffer-limit, --protected-mode,
// --shutdown-timeout: listed by --help, refused with Redis's own reason when invalid,
// and in effect (CONFIG GET reports them; the behaviour itself is tested in process).

import { spawnSync } from 'node:child_process';
import { RawConnection } from '../support/raw-connection';
import { SERVER_BIN, ServerProcess, assertBuilt, startServerProcess } from '../support/server-process';

const WAIT_MS = 5000;
const running: ServerProcess[] = [];
const open: RawConnection[] = [];

beforeAll(assertBuilt);
afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
});

async function start(args: string[]): Promise<ServerProcess> {
  const server = await startServerProcess(args);
  running.push(server);
  return server;
}

async function connect(port: number): Promise<RawConnection> {
  const c = await RawConnection.connect({ port, host: '127.0.0.1' }, WAIT_MS);
  open.push(c);
  return c;
}

async function ask(c: RawConnection, request: string): Promise<string> {
  await c.send(request);
  return (await c.readReplies(1, WAIT_MS)).toString('latin1');
}

const configGet = (name: string): string => `*3\r\n$6\r\nCONFIG\r\n$3\r\nGET\r\n$${name.length}\r\n${name}\r\n`;
const pair = (name: string, value: string): string => `*2\r\n$${name.length}\r\n${name}\r\n$${value.length}\r\n${value}\r\n`;

it('--help lists the limit and security flags', () => {
  const result = spawnSync(process.execPath, [SERVER_BIN, '--help'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  for (const flag of [
    '--maxclients',
    '--requirepass',
    '--protected-mode',
    '--timeout',
    '--client-output-buffer-limit-pubsub',
    '--client-query-buffer-limit',
    '--shutdown-timeout',
    'MINI_REDIS_PASSWORD',
  ]) {
    expect(result.stdout).toContain(flag);
  }
});

it.each([
  [['--timeout', 'abc'], "argument couldn't be parsed into an integer"],
  [['--timeout', '-1'], 'argument must be between 0 and 2147483647 inclusive'],
  [['--maxclients', '0'], 'argument must be between 1 and 4294967295 inclusive'],
  [['--protected-mode', 'maybe'], "argument must be 'yes' or 'no'"],
  [['--client-query-buffer-limit', '100'], 'argument must be between 1048576 and 9223372036854775807 inclusive'],
  [['--client-output-buffer-limit-pubsub', '1mb 1mb'], 'Wrong number of arguments in buffer limit configuration.'],
  [['--client-output-buffer-limit-pubsub', '1x 1mb 60'], 'Error in hard, soft or soft_seconds setting in buffer limit configuration.'],
  [['--shutdown-timeout', 'soon'], 'must be a non-negative number of seconds'],
])('refuses %j with Redis\'s reason', (args, reason) => {
  const result = spawnSync(process.execPath, [SERVER_BIN, ...args], { encoding: 'utf8' });
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain(args[0]);
  expect(result.stderr).toContain(reason);
});

it('--requirepass: NOAUTH until AUTH, and the password does not come back in the log', async () => {
  const server = await start(['--requirepass', 's3cret']);
  const c = await connect(server.port);
  expect(await ask(c, 'PING\r\n')).toBe('-NOAUTH Authentication required.\r\n');
  expect(await ask(c, 'AUTH wrong\r\n')).toBe('-WRONGPASS invalid username-password pair or user is disabled.\r\n');
  expect(await ask(c, 'AUTH s3cret\r\n')).toBe('+OK\r\n');
  expect(await ask(c, 'PING\r\n')).toBe('+PONG\r\n');
  expect(server.output()).not.toContain('s3cret');
});

it('MINI_REDIS_PASSWORD sets the password without a flag (so it does not show in ps)', async () => {
  process.env.MINI_REDIS_PASSWORD = 'from-env';
  let server: ServerProcess;
  try {
    server = await start([]);
  } finally {
    delete process.env.MINI_REDIS_PASSWORD;
  }
  const c = await connect(server.port);
  expect(await ask(c, 'PING\r\n')).toBe('-NOAUTH Authentication required.\r\n');
  expect(await ask(c, '*3\r\n$4\r\nAUTH\r\n$7\r\ndefault\r\n$8\r\nfrom-env\r\n')).toBe('+OK\r\n');
  expect(await ask(c, 'PING\r\n')).toBe('+PONG\r\n');
});

it('the flags are what CONFIG GET reports', async () => {
  const server = await start([
    ...['--maxclients', '77', '--timeout', '300', '--protected-mode', 'no'],
    ...['--client-output-buffer-limit-pubsub', '4mb 1mb 10', '--client-query-buffer-limit', '2mb'],
  ]);
  const c = await connect(server.port);
  expect(await ask(c, configGet('maxclients'))).toBe(pair('maxclients', '77'));
  expect(await ask(c, configGet('timeout'))).toBe(pair('timeout', '300'));
  expect(await ask(c, configGet('protected-mode'))).toBe(pair('protected-mode', 'no'));
  expect(await ask(c, configGet('client-query-buffer-limit'))).toBe(pair('client-query-buffer-limit', '2097152'));
  expect(await ask(c, configGet('client-output-buffer-limit'))).toBe(
    pair('client-output-buffer-limit', 'normal 0 0 0 slave 268435456 67108864 60 pubsub 4194304 1048576 10'),
  );
});

it('--maxclients 1: the second connection is refused with Redis\'s error', async () => {
  const server = await start(['--maxclients', '1']);
  const first = await connect(server.port);
  expect(await ask(first, 'PING\r\n')).toBe('+PONG\r\n');
  const second = await connect(server.port);
  expect((await second.readUntilClosed(WAIT_MS)).toString('latin1')).toBe('-ERR max number of clients reached\r\n');
});
