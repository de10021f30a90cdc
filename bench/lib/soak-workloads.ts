// The soak test's workloads, each a loop that runs until the soak is stopped and checks
// every answer it gets: redis-benchmark SET/GET, pub/sub fan-out with per-message
// delivery checks, connection churn, and hostile clients (random bytes, malformed
// protocol, slow readers that never read, clients that vanish mid-frame, mid-reply or
// while subscribed).
//
// Why every workload checks its answers: a soak that only watches memory would pass a
// server that silently drops messages or answers the wrong client once it is under
// pressure. Each workload reports problems to a shared Tally, split into errors (a
// wrong answer, a lost message, an unexpected disconnect: the soak fails) and expected
// events (a hostile client being reset or thrown out: counted, never a failure).
// Rates are paced, not flat out, so that one workload cannot starve the others on a
// small machine: the point is a long, mixed, steady load, not a throughput record.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type * as net from 'node:net';
import { HOST, track } from './processes';
import { parseCsv, type BenchmarkRow } from './redis-benchmark';
import { RespClient, RespError, connectSocket, encode, type Reply } from './resp';

// ---- shared state ------------------------------------------------------------------

/** Errors (the soak fails) and expected events (hostile outcomes), grouped by kind. */
export class Tally {
  readonly errors = new Map<string, { count: number; example: string }>();
  readonly expected = new Map<string, number>();

  error(kind: string, detail: string): void {
    const entry = this.errors.get(kind);
    if (entry) entry.count++;
    else this.errors.set(kind, { count: 1, example: detail });
  }

  expect(kind: string): void {
    this.expected.set(kind, (this.expected.get(kind) ?? 0) + 1);
  }

  get errorCount(): number {
    let n = 0;
    for (const { count } of this.errors.values()) n += count;
    return n;
  }

  get expectedCount(): number {
    let n = 0;
    for (const count of this.expected.values()) n += count;
    return n;
  }
}

/** The soak's stop switch, and a sleep that a stop cuts short. */
export class Run {
  stopped = false;
  private readonly wakers = new Set<() => void>();

  stop(): void {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  sleep(ms: number): Promise<void> {
    if (this.stopped || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}

/** Running totals, read once a second for the progress lines. */
export class Counters {
  published = 0;
  delivered = 0;
  churnConnections = 0;
  hostileEpisodes = 0;
  slowReaderGets = 0;
  benchRequests = 0;
}

export interface Context {
  readonly port: number;
  readonly run: Run;
  readonly tally: Tally;
  readonly counters: Counters;
}

const describe = (reply: Reply | undefined): string =>
  reply instanceof RespError
    ? `-${reply.message}`
    : Buffer.isBuffer(reply)
      ? JSON.stringify(reply.toString('latin1').slice(0, 60))
      : JSON.stringify(reply);

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Paces a loop at `perSecond` iterations: call with the iteration count after each one. */
function pacer(run: Run, perSecond: number): (done: number) => Promise<void> {
  const start = Date.now();
  return (done) => run.sleep(start + (done * 1000) / perSecond - Date.now());
}

// ---- setup ---------------------------------------------------------------------------

/** A 16 kB value read by the slow readers and mid-reply vanishers. */
export const BIG_KEY = 'soak:big';
export const BIG_VALUE = Buffer.alloc(16 * 1024, 'x');

export async function setup(port: number): Promise<void> {
  const client = await RespClient.connect(port);
  const reply = await client.command('SET', BIG_KEY, BIG_VALUE);
  if (reply !== 'OK') throw new Error(`setup: SET ${BIG_KEY} answered ${describe(reply)}`);
  await client.quit();
}

// ---- redis-benchmark ---------------------------------------------------------------

export interface BenchmarkRun {
  readonly pipeline: number;
  readonly rows: readonly BenchmarkRow[];
}

/**
 * redis-benchmark SET/GET in back-to-back runs, alternating unpipelined (-P 1) and
 * pipelined (-P 16), random keys over a bounded key space (-r 10000, 100-byte values) so
 * the data set stops growing early and any later RSS growth is the server's own.
 * redis-benchmark 7 exits at the first error reply (printing it), so a clean exit means
 * every reply was a non-error. The run in progress when the soak stops is killed and
 * not counted.
 */
export async function benchmarkLoop(ctx: Context, results: BenchmarkRun[]): Promise<void> {
  for (let i = 0; !ctx.run.stopped; i++) {
    const pipeline = i % 2 === 0 ? 1 : 16;
    const n = pipeline === 1 ? 100_000 : 500_000;
    const args = ['-h', HOST, '-p', String(ctx.port), '--csv', '-t', 'set,get', '-c', '20', '-r', '10000', '-d', '100'];
    args.push('-n', String(n), '-P', String(pipeline));
    const child = spawn('redis-benchmark', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    track(child);
    const outcome = await benchmarkOutcome(child, ctx.run);
    if (outcome === 'stopped') return;
    const { code, stdout, stderr } = outcome;
    for (const line of `${stdout}\n${stderr}`.split('\n')) {
      if (/error/i.test(line)) ctx.tally.error('redis-benchmark: error output', line.trim());
    }
    if (code !== 0) {
      ctx.tally.error('redis-benchmark: non-zero exit', `exit ${code}: ${stderr.trim().slice(0, 200)}`);
      await ctx.run.sleep(1000);
      continue;
    }
    const rows = parseCsv(stdout);
    if (rows.length !== 2) ctx.tally.error('redis-benchmark: unexpected output', stdout.slice(0, 200));
    results.push({ pipeline, rows });
    ctx.counters.benchRequests += 2 * n;
  }
}

function benchmarkOutcome(child: ChildProcess, run: Run): Promise<'stopped' | { code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = setInterval(() => {
      if (run.stopped) child.kill('SIGTERM');
    }, 50);
    child.once('exit', (code, signal) => {
      clearInterval(poll);
      resolve(run.stopped && signal !== null ? 'stopped' : { code, stdout, stderr });
    });
  });
}

// ---- pub/sub fan-out -----------------------------------------------------------------

export interface PubSubOptions {
  readonly channelSubscribers: number;
  readonly patternSubscribers: number;
  readonly publishers: number;
  /** Messages per second, per publisher. */
  readonly rate: number;
  /** PUBLISHes pipelined per round trip. */
  readonly batch: number;
}

export const FANOUT_CHANNEL = 'soak:fanout';
const FANOUT_PATTERN = 'soak:fan*';
const PADDING = 'x'.repeat(48);

/**
 * Subscribers (SUBSCRIBE and PSUBSCRIBE) and paced publishers. Each message carries its
 * publisher and sequence number, so a subscriber detects a lost, duplicated or reordered
 * message at once; each PUBLISH reply must count every subscriber; and at the end every
 * subscriber must have received exactly what was published.
 */
export class PubSub {
  private readonly subscribers: { client: RespClient; next: number[] }[] = [];
  private readonly publishedBy: number[];

  private constructor(
    private readonly ctx: Context,
    private readonly options: PubSubOptions,
  ) {
    this.publishedBy = new Array<number>(options.publishers).fill(0);
  }

  static async start(ctx: Context, options: PubSubOptions): Promise<{ pubsub: PubSub; done: Promise<void> }> {
    const pubsub = new PubSub(ctx, options);
    const kinds = [
      ...Array.from({ length: options.channelSubscribers }, () => 'subscribe' as const),
      ...Array.from({ length: options.patternSubscribers }, () => 'psubscribe' as const),
    ];
    await Promise.all(kinds.map((kind) => pubsub.subscribe(kind)));
    const done = Promise.all(Array.from({ length: options.publishers }, (_, i) => pubsub.publish(i))).then(() => undefined);
    return { pubsub, done };
  }

  private async subscribe(kind: 'subscribe' | 'psubscribe'): Promise<void> {
    const client = await RespClient.connect(this.ctx.port);
    const target = kind === 'subscribe' ? FANOUT_CHANNEL : FANOUT_PATTERN;
    const reply = await client.command(kind.toUpperCase(), target);
    if (!Array.isArray(reply) || String(reply[0]) !== kind || reply[2] !== 1) {
      throw new Error(`${kind} ${target} answered ${describe(reply)}`);
    }
    const subscriber = { client, next: new Array<number>(this.options.publishers).fill(0) };
    this.subscribers.push(subscriber);
    client.onPush = (push) => this.onMessage(subscriber, kind, push);
    void client.whenClosed().then(() => {
      if (!client.closedByUs) this.ctx.tally.error('pubsub: subscriber disconnected', message(client.error));
    });
  }

  private onMessage(subscriber: { next: number[] }, kind: 'subscribe' | 'psubscribe', push: Reply): void {
    const expectedType = kind === 'subscribe' ? 'message' : 'pmessage';
    const payload = Array.isArray(push) && String(push[0]) === expectedType ? push[push.length - 1] : undefined;
    const match = Buffer.isBuffer(payload) ? /^p(\d+):(\d+):/.exec(payload.toString('latin1')) : null;
    if (match === null) {
      this.ctx.tally.error('pubsub: unexpected push', describe(push));
      return;
    }
    const publisher = Number(match[1]);
    const seq = Number(match[2]);
    if (seq !== subscriber.next[publisher]) {
      this.ctx.tally.error('pubsub: message lost, duplicated or out of order', `publisher ${publisher}: expected #${subscriber.next[publisher]}, got #${seq}`);
    }
    subscriber.next[publisher] = seq + 1;
    this.ctx.counters.delivered++;
  }

  private async publish(index: number): Promise<void> {
    const { ctx, options } = this;
    const receivers = options.channelSubscribers + options.patternSubscribers;
    const client = await RespClient.connect(ctx.port);
    const pace = pacer(ctx.run, options.rate);
    try {
      while (!ctx.run.stopped) {
        const first = this.publishedBy[index];
        const commands = Array.from({ length: options.batch }, (_, k) => ['PUBLISH', FANOUT_CHANNEL, `p${index}:${first + k}:${PADDING}`]);
        const replies = await client.pipeline(commands);
        for (const reply of replies) {
          if (reply !== receivers) ctx.tally.error('pubsub: PUBLISH receiver count', `expected ${receivers}, got ${describe(reply)}`);
        }
        this.publishedBy[index] += options.batch;
        ctx.counters.published += options.batch;
        await pace(this.publishedBy[index]);
      }
      await client.quit();
    } catch (err) {
      ctx.tally.error('pubsub: publisher failed', message(err));
      client.destroy();
    }
  }

  /**
   * After the publishers have stopped: waits (up to `timeoutMs`) for every subscriber to
   * have every message, reports those that don't, then closes the subscribers.
   */
  async finish(timeoutMs = 10_000): Promise<void> {
    const complete = (s: { next: number[] }) => s.next.every((n, i) => n === this.publishedBy[i]);
    const deadline = Date.now() + timeoutMs;
    while (!this.subscribers.every(complete) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const s of this.subscribers) {
      if (!complete(s)) {
        this.ctx.tally.error('pubsub: subscriber missed messages', `received up to ${s.next.join('/')} of ${this.publishedBy.join('/')}`);
      }
    }
    await Promise.all(this.subscribers.map((s) => (s.client.closed ? undefined : s.client.end())));
  }
}

// ---- connection churn ------------------------------------------------------------------

const CLOSE_MODES = ['quit', 'end', 'destroy', 'reset'] as const;

/**
 * Connect, name the connection, SET/GET/INCR, close, again: `perSecond` connections a
 * second per worker. The closes rotate through QUIT, a half-close, a plain close and a
 * reset (RST), the four ways real clients leave. The INCR counter is per worker, so it
 * must count up by exactly one per connection: a command lost or applied twice shows.
 */
export async function churnLoop(ctx: Context, worker: number, perSecond: number): Promise<void> {
  const pace = pacer(ctx.run, perSecond);
  const counterKey = `soak:churn:count:${worker}`;
  const key = `soak:churn:${worker}`;
  for (let n = 0; !ctx.run.stopped; n++) {
    let client: RespClient | undefined;
    try {
      client = await RespClient.connect(ctx.port);
      const value = `v-${worker}-${n}`;
      const replies = await client.pipeline([
        ['CLIENT', 'SETNAME', `soak-churn-${worker}`],
        ['SET', key, value],
        ['GET', key],
        ['INCR', counterKey],
      ]);
      const [named, set, got, counted] = replies;
      if (named !== 'OK' || set !== 'OK' || !Buffer.isBuffer(got) || got.toString() !== value || counted !== n + 1) {
        ctx.tally.error('churn: wrong reply', `connection ${n}: ${replies.map(describe).join(', ')}`);
      }
      const mode = CLOSE_MODES[n % CLOSE_MODES.length];
      if (mode === 'quit') await client.quit();
      else if (mode === 'end') await client.end();
      else client.destroy(mode === 'reset');
      ctx.counters.churnConnections++;
    } catch (err) {
      ctx.tally.error('churn: connection failed', message(err));
      client?.destroy();
    }
    await pace(n + 1);
  }
}

// ---- hostile clients ---------------------------------------------------------------------

/** A raw socket episode: what the server sent back, and how the connection ended. */
interface Outcome {
  readonly received: Buffer;
  readonly closedByServer: boolean;
  readonly error?: NodeJS.ErrnoException;
}

/**
 * Sends `bytes`, then collects the answer until the server closes the connection, or
 * `until(received)` holds, or `waitMs` passes; then closes our side (RST).
 */
async function rawEpisode(port: number, bytes: Buffer, waitMs: number, until?: (received: Buffer) => boolean): Promise<Outcome> {
  const socket = await connectSocket(port);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let error: NodeJS.ErrnoException | undefined;
    let settled = false;
    const settle = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!socket.destroyed) socket.resetAndDestroy();
      resolve({ received: Buffer.concat(chunks), closedByServer, error });
    };
    const timer = setTimeout(() => settle(false), waitMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (until?.(Buffer.concat(chunks))) settle(false);
    });
    socket.on('error', (err) => (error = err));
    socket.on('end', () => settle(true));
    socket.on('close', () => settle(true));
    socket.write(bytes);
  });
}

interface MalformedCase {
  readonly name: string;
  readonly send: string;
  /** Redis 7.0.15's exact answer (checked against redis-server when this was written). */
  readonly reply: string;
  readonly closes: boolean;
}

const MALFORMED: readonly MalformedCase[] = [
  { name: 'negative bulk length', send: '*1\r\n$-5\r\n', reply: '-ERR Protocol error: invalid bulk length\r\n', closes: true },
  { name: 'bad multibulk length', send: '*abc\r\n', reply: '-ERR Protocol error: invalid multibulk length\r\n', closes: true },
  { name: 'huge multibulk length', send: '*3000000000\r\n', reply: '-ERR Protocol error: invalid multibulk length\r\n', closes: true },
  { name: 'unbalanced quotes', send: 'SET "foo\r\n', reply: '-ERR Protocol error: unbalanced quotes in request\r\n', closes: true },
  { name: 'missing $', send: '*1\r\nfoo\r\n', reply: "-ERR Protocol error: expected '$', got 'f'\r\n", closes: true },
  { name: 'huge bulk length', send: '*2\r\n$3\r\nGET\r\n$99999999999\r\n', reply: '-ERR Protocol error: invalid bulk length\r\n', closes: true },
  { name: 'valid then bad', send: '*1\r\n$4\r\nPING\r\n*x\r\n', reply: '+PONG\r\n-ERR Protocol error: invalid multibulk length\r\n', closes: true },
  { name: 'bulk longer than said', send: '*1\r\n$2\r\nPINGX\r\n', reply: "-ERR unknown command 'PI', with args beginning with: \r\n-ERR unknown command 'X', with args beginning with: \r\n", closes: false },
  { name: 'null and empty multibulk', send: 'PING\r\n*-1\r\n*0\r\nPING\r\n', reply: '+PONG\r\n+PONG\r\n', closes: false },
  { name: 'inline over 64 kB', send: 'x'.repeat(70_000), reply: '-ERR Protocol error: too big inline request\r\n', closes: true },
  { name: 'multibulk count over 64 kB', send: `*${'1'.repeat(70_000)}`, reply: '-ERR Protocol error: too big mbulk count string\r\n', closes: true },
];

/** One malformed request: Redis's exact reply, and the close where Redis closes. */
async function malformedEpisode(ctx: Context, c: MalformedCase): Promise<void> {
  const expected = Buffer.from(c.reply, 'latin1');
  const outcome = await rawEpisode(ctx.port, Buffer.from(c.send, 'latin1'), 2000, c.closes ? undefined : (r) => r.length >= expected.length);
  if (outcome.error !== undefined && ['ECONNRESET', 'EPIPE'].includes(outcome.error.code ?? '')) {
    // The server closed while our oversized request was still arriving; the kernel turns
    // that into a reset, which can overtake the error reply. Redis does the same.
    ctx.tally.expect(`malformed: reset (${outcome.error.code})`);
    return;
  }
  if (!outcome.received.equals(expected)) {
    ctx.tally.error('malformed: wrong reply', `${c.name}: ${JSON.stringify(outcome.received.toString('latin1').slice(0, 120))}`);
  } else if (c.closes && !outcome.closedByServer) {
    ctx.tally.error('malformed: connection left open', c.name);
  } else {
    ctx.tally.expect(c.closes ? 'malformed: answered and closed by the server' : 'malformed: answered');
  }
}

/**
 * Random bytes, alone or after a protocol prefix (`*N\r\n`, `$N\r\n` inside a multibulk,
 * a valid command), so that the inline parser, the multibulk parser and the bulk parser
 * all get garbage. Any answer is acceptable; the server only has to stay up and keep
 * everyone else served.
 */
async function randomEpisode(ctx: Context, n: number): Promise<void> {
  const garbage = randomBytes(1 + Math.floor(Math.random() * 4096));
  const prefixes = ['', '*3\r\n', '*2\r\n$3\r\nGET\r\n$', '*1\r\n$4\r\nPING\r\n'];
  const bytes = Buffer.concat([Buffer.from(prefixes[n % prefixes.length], 'latin1'), garbage]);
  const outcome = await rawEpisode(ctx.port, bytes, 300);
  if (outcome.error !== undefined) ctx.tally.expect(`random bytes: ${outcome.error.code ?? outcome.error.message}`);
  else ctx.tally.expect(outcome.closedByServer ? 'random bytes: closed by the server' : 'random bytes: left open, we reset');
}

/** Half a SET, then a reset: the server is left holding a partial frame. */
async function vanishMidFrame(ctx: Context): Promise<void> {
  const socket = await connectSocket(ctx.port);
  socket.on('error', () => undefined);
  socket.write(encode(['SET', 'soak:vanish:key', BIG_VALUE]).subarray(0, 4000));
  await ctx.run.sleep(20);
  socket.resetAndDestroy();
  ctx.tally.expect('vanish mid-frame');
}

/** 50 GETs of 16 kB, then a reset on the first bytes of the answer: the server is mid-reply. */
async function vanishMidReply(ctx: Context): Promise<void> {
  const socket = await connectSocket(ctx.port);
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000);
    socket.once('data', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.write(Buffer.concat(Array.from({ length: 50 }, () => encode(['GET', BIG_KEY]))));
  });
  socket.resetAndDestroy();
  ctx.tally.expect('vanish mid-reply');
}

export const VANISH_CHANNEL = 'soak:vanish';

/** SUBSCRIBE or PSUBSCRIBE, then a reset: the subscription must not outlive the socket. */
async function vanishSubscribed(ctx: Context, pattern: boolean): Promise<void> {
  const client = await RespClient.connect(ctx.port);
  const reply = await client.command(pattern ? 'PSUBSCRIBE' : 'SUBSCRIBE', pattern ? `${VANISH_CHANNEL}:*` : VANISH_CHANNEL);
  if (!Array.isArray(reply)) ctx.tally.error('vanishing subscriber: wrong reply', describe(reply));
  client.destroy(true);
  ctx.tally.expect(pattern ? 'vanish while psubscribed' : 'vanish while subscribed');
}

/**
 * A client that pipelines GETs of a 16 kB value and never reads a byte: up to 5,000 GETs
 * (80 MB of replies), sent as long as the socket accepts them, held for `holdMs`, then
 * dropped. The server must stop reading from it (backpressure) rather than buffer its
 * replies without bound; the RSS column shows whether it does.
 */
export async function slowReaderLoop(ctx: Context, holdMs: number): Promise<void> {
  const request = Buffer.concat(Array.from({ length: 100 }, () => encode(['GET', BIG_KEY])));
  for (let n = 0; !ctx.run.stopped; n++) {
    try {
      const socket = await connectSocket(ctx.port);
      let closedByServer = false;
      socket.on('error', () => undefined);
      socket.on('close', () => (closedByServer = true));
      socket.pause();
      for (let sent = 0; sent < 5000 && !ctx.run.stopped && !socket.destroyed; sent += 100) {
        ctx.counters.slowReaderGets += 100;
        if (!socket.write(request) && !(await drained(socket, 1000))) break; // blocked: the server stopped reading
      }
      await ctx.run.sleep(holdMs);
      if (closedByServer) ctx.tally.expect('slow reader: closed by the server');
      else ctx.tally.expect('slow reader: held, then dropped');
      if (n % 2 === 0) socket.resetAndDestroy();
      else socket.destroy();
      ctx.counters.hostileEpisodes++;
    } catch (err) {
      ctx.tally.error('slow reader: connect failed', message(err));
      await ctx.run.sleep(500);
    }
  }
}

function drained(socket: net.Socket, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off('drain', onDrain);
      resolve(false);
    }, timeoutMs);
    const onDrain = () => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.once('drain', onDrain);
  });
}

/**
 * The short hostile episodes in rotation: malformed requests, random bytes, and clients
 * vanishing mid-frame, mid-reply and while subscribed; `pauseMs` between episodes.
 */
export async function hostileLoop(ctx: Context, lane: number, pauseMs: number): Promise<void> {
  let malformed = lane;
  let random = lane;
  for (let n = lane; !ctx.run.stopped; n++) {
    try {
      switch (n % 8) {
        case 0:
        case 4:
          await malformedEpisode(ctx, MALFORMED[malformed++ % MALFORMED.length]);
          break;
        case 1:
        case 5:
          await randomEpisode(ctx, random++);
          break;
        case 2:
          await vanishMidFrame(ctx);
          break;
        case 3:
          await vanishMidReply(ctx);
          break;
        case 6:
          await vanishSubscribed(ctx, false);
          break;
        case 7:
          await vanishSubscribed(ctx, true);
          break;
      }
      ctx.counters.hostileEpisodes++;
    } catch (err) {
      ctx.tally.error('hostile: episode failed', message(err));
    }
    await ctx.run.sleep(pauseMs);
  }
}
