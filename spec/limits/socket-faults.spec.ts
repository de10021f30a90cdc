// Socket errors do not take the server down, leak nothing, and no other client notices.
//
// Each fault is produced for real on a TCP socket: a reset (RST) in the middle of a
// request, a reset while a large reply is being written (the server's write then fails
// with ECONNRESET / EPIPE), a half-close after the last request, a subscriber that
// vanishes. After each, a control connection must still get correct answers, the Db
// must have forgotten the vanished subscribers (db.subscribers(channel) back to 0), the
// server's client list must shrink back, and no unhandled rejection or uncaught
// exception may have happened in the process.
//
// No sleeps: where the server's cleanup is asynchronous (it learns of a reset on its
// next read), the test waits with round trips on the control connection, bounded.

import * as net from 'node:net';
import { startServer, RunningServer } from '../../src/server/run';
import { ServerState } from '../../src/commands/server-state';
import { RawConnection } from '../support/raw-connection';

const WAIT_MS = 5000;
const command = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

let server: RunningServer;
let state: ServerState;
let control: RawConnection;
const problems: unknown[] = [];
const onProblem = (err: unknown): void => {
  problems.push(err);
};

beforeAll(() => {
  process.on('unhandledRejection', onProblem);
  process.on('uncaughtException', onProblem);
});
afterAll(() => {
  process.off('unhandledRejection', onProblem);
  process.off('uncaughtException', onProblem);
});

beforeEach(async () => {
  state = new ServerState();
  server = await startServer({ port: 0, state });
  control = await RawConnection.connect({ port: server.port, host: '127.0.0.1' }, WAIT_MS);
});

afterEach(async () => {
  control.destroy();
  await server.close();
  expect(problems).toEqual([]);
});

async function ask(request: string): Promise<string> {
  await control.send(request);
  return (await control.readReplies(1, WAIT_MS)).toString('latin1');
}

/** Round trips on the control connection until `done()`, at most `max` of them. */
async function eventually(what: string, done: () => boolean, max = 2000): Promise<void> {
  for (let i = 0; i < max && !done(); i++) expect(await ask('PING\r\n')).toBe('+PONG\r\n');
  if (!done()) throw new Error(`still not ${what} after ${max} round trips`);
}

/** The server is fine: a SET/GET round trip answers correctly. */
async function controlWorks(tag: string): Promise<void> {
  expect(await ask(command('SET', `fault:${tag}`, tag))).toBe('+OK\r\n');
  expect(await ask(command('GET', `fault:${tag}`))).toBe(`$${tag.length}\r\n${tag}\r\n`);
}

function rawSocket(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => undefined); // the faults below are the point
    socket.once('error', reject);
  });
}

it('a client reset in the middle of a request', async () => {
  const socket = await rawSocket();
  socket.write('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$100000\r\nxxxxx');
  await eventually('read by the server', () => state.clients.size === 2);
  socket.resetAndDestroy();
  await eventually('forgotten', () => state.clients.size === 1);
  expect(server.db.has('k')).toBe(false);
  await controlWorks('mid-frame');
});

it('a client reset while a large reply is being written to it', async () => {
  server.db.set('big', Buffer.alloc(32 * 1024 * 1024, 'b'));
  const socket = await rawSocket();
  socket.pause(); // do not read: the reply piles up in the server's socket buffer
  const firstBytes = new Promise<void>((resolve) => socket.once('readable', () => resolve()));
  socket.write(command('GET', 'big') + command('GET', 'big'));
  await firstBytes; // the reply has started
  socket.resetAndDestroy();
  await eventually('forgotten', () => state.clients.size === 1);
  await controlWorks('mid-reply');
});

it('a client that half-closes after its requests gets every reply, then the server closes', async () => {
  const socket = await rawSocket();
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.end(command('SET', 'half', 'closed') + command('GET', 'half') + 'PING\r\n');
  await closed;
  expect(received).toBe('+OK\r\n$6\r\nclosed\r\n+PONG\r\n');
  await eventually('forgotten', () => state.clients.size === 1);
  await controlWorks('half-close');
});

it('a subscriber that vanishes (reset) leaves no subscription in the Db', async () => {
  const socket = await rawSocket();
  const confirmed = new Promise<void>((resolve) => socket.once('data', () => resolve()));
  socket.write(command('SUBSCRIBE', 'gone', 'also-gone') + command('PSUBSCRIBE', 'gone.*'));
  await confirmed;
  await eventually('subscribed', () => server.db.subscribers('gone') === 1 && server.db.patternCount === 1);
  socket.resetAndDestroy();
  await eventually('unsubscribed', () => server.db.subscribers('gone') === 0 && server.db.subscribers('also-gone') === 0);
  expect(server.db.patternCount).toBe(0);
  expect(await ask(command('PUBLISH', 'gone', 'anyone?'))).toBe(':0\r\n');
  await controlWorks('subscriber');
});

it('a subscriber that vanishes while messages are being written to it', async () => {
  const socket = await rawSocket();
  socket.pause();
  const confirmed = new Promise<void>((resolve) => socket.once('readable', () => resolve()));
  socket.write(command('SUBSCRIBE', 'flood'));
  await confirmed;
  const body = 'f'.repeat(64 * 1024);
  for (let i = 0; i < 50; i++) expect(await ask(command('PUBLISH', 'flood', body))).toBe(':1\r\n');
  socket.resetAndDestroy();
  await eventually('unsubscribed', () => server.db.subscribers('flood') === 0);
  expect(await ask(command('PUBLISH', 'flood', 'x'))).toBe(':0\r\n');
  await controlWorks('flooded-subscriber');
});

it('a client that closes (FIN) in the middle of a request: the partial request is dropped', async () => {
  const socket = await rawSocket();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.resume();
  socket.end('*2\r\n$3\r\nGET\r\n$3\r\nke');
  await closed;
  await eventually('forgotten', () => state.clients.size === 1);
  await controlWorks('fin-mid-frame');
});

it('a crowd of clients resetting at every stage, while the control client works', async () => {
  const stages = [
    '',
    '*',
    '*2\r\n$3\r\nGET',
    command('SUBSCRIBE', 'crowd'),
    command('GET', 'nothing').repeat(500),
    `*3\r\n$3\r\nSET\r\n$5\r\ncrowd\r\n$1000000\r\n${'c'.repeat(1000)}`,
  ];
  for (let round = 0; round < 10; round++) {
    const sockets = await Promise.all(stages.map(() => rawSocket()));
    sockets.forEach((socket, i) => socket.write(stages[i]));
    await controlWorks(`crowd-${round}`);
    for (const [i, socket] of sockets.entries()) {
      if (i % 2 === 0) socket.resetAndDestroy();
      else socket.destroy();
    }
  }
  await eventually('all forgotten', () => state.clients.size === 1);
  expect(server.db.subscribers('crowd')).toBe(0);
  expect(server.db.has('crowd')).toBe(false);
  await controlWorks('after-crowd');
});
