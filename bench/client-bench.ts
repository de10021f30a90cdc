// Client benchmark: this project's Observable client against ioredis, the most used
// Node Redis client, both talking to this project's server.
//
// What it measures, and why these two shapes:
// - "concurrent": 100k GETs issued at once, in one synchronous loop, then waiting for
//   every reply. This is the pipelining path: how cheaply a client turns many
//   outstanding commands into few socket writes, and matches replies back in order.
// - "sequential": 10k GETs, each awaited before the next is sent. One round trip at a
//   time: this is per-command overhead plus latency, the shape of ordinary app code.
// Both clients run with default options, as users use them; ioredis with
// enableAutoPipelining is shown for reference only (it batches writes per event-loop
// turn, which is what our client does by default).
//
// The clients alternate (ours, ioredis, ours, ioredis, ...) after a warm-up pass each,
// with a GC between runs when node runs with --expose-gc; the median of the rounds is
// reported. Run alone: `npm run bench -- --client` (starts its own server), or
// `ts-node --transpile-only bench/client-bench.ts [--port N] [--rounds N] [--quick] [--json]`.

import Redis from 'ioredis';
import { firstValueFrom } from 'rxjs';
import { connect, type Client } from '../dist/src/client';
import { benchArgs } from './lib/args';
import { startOurs, type ServerProcess } from './lib/processes';
import { fmtInt, fmtRatio, markdownTable, median, progress, ratio } from './lib/stats';

export interface ClientBenchOptions {
  readonly rounds: number;
  /** GETs issued at once (default 100k). */
  readonly concurrent: number;
  /** GETs awaited one by one (default 10k). */
  readonly sequential: number;
}

/** ops/s samples, one per round, per client and benchmark. */
export interface ClientBenchResult {
  readonly options: ClientBenchOptions;
  readonly concurrent: { ours: number[]; ioredis: number[]; ioredisAuto: number[] };
  readonly sequential: { ours: number[]; ioredis: number[]; ioredisAuto: number[] };
  /** Anything that deviated from default options, and why. */
  readonly notes: string[];
}

const KEY = 'bench:client:key';
const VALUE = 'v'.repeat(32);

const gc = (globalThis as { gc?: () => void }).gc;
const now = () => process.hrtime.bigint();
const opsPerSecond = (n: number, since: bigint) => n / (Number(now() - since) / 1e9);

// ---- our client ---------------------------------------------------------------

function oursConcurrent(client: Client, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let left = n;
    const started = now();
    const observer = {
      next: () => {
        if (--left === 0) resolve(opsPerSecond(n, started));
      },
      error: reject,
    };
    for (let i = 0; i < n; i++) client.get(KEY).subscribe(observer);
  });
}

async function oursSequential(client: Client, n: number): Promise<number> {
  const started = now();
  for (let i = 0; i < n; i++) await firstValueFrom(client.get(KEY));
  return opsPerSecond(n, started);
}

// ---- ioredis ----------------------------------------------------------------------

function ioredisConcurrent(redis: Redis, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let left = n;
    const started = now();
    const done = () => {
      if (--left === 0) resolve(opsPerSecond(n, started));
    };
    for (let i = 0; i < n; i++) redis.get(KEY).then(done, reject);
  });
}

async function ioredisSequential(redis: Redis, n: number): Promise<number> {
  const started = now();
  for (let i = 0; i < n; i++) await redis.get(KEY);
  return opsPerSecond(n, started);
}

// ---- the benchmark --------------------------------------------------------------------

/**
 * An ioredis client with default options, except `extra`. ioredis's default ready check
 * sends INFO; a server without INFO answers an error and ioredis gives up. The ready
 * check only runs once per connection, so in that case it is turned off (and a note
 * says so): it does not change what is measured.
 */
async function ioredis(port: number, extra: Record<string, unknown>, notes: string[]): Promise<Redis> {
  const base = { port, host: '127.0.0.1', lazyConnect: true, ...extra };
  const first = new Redis(base);
  let reason: string | undefined;
  first.on('error', (err: Error) => (reason ??= err.message));
  try {
    await first.connect();
    return first;
  } catch (err) {
    first.disconnect();
    const message = reason ?? (err instanceof Error ? err.message : String(err));
    const redis = new Redis({ ...base, enableReadyCheck: false });
    await redis.connect();
    const note = `ioredis's ready check (INFO) failed against this server (${message.split('\n')[0]}): ioredis runs with enableReadyCheck: false`;
    if (!notes.includes(note)) notes.push(note);
    return redis;
  }
}

export async function runClientBench(port: number, options: ClientBenchOptions): Promise<ClientBenchResult> {
  const notes: string[] = [];
  const client = await connect({ port });
  const redis = await ioredis(port, {}, notes);
  const redisAuto = await ioredis(port, { enableAutoPipelining: true }, notes);
  await redis.set(KEY, VALUE);
  const check = await firstValueFrom(client.getString(KEY));
  if (check !== VALUE) throw new Error(`our client read ${JSON.stringify(check)}, expected ${VALUE}`);

  const result: ClientBenchResult = {
    options,
    concurrent: { ours: [], ioredis: [], ioredisAuto: [] },
    sequential: { ours: [], ioredis: [], ioredisAuto: [] },
    notes,
  };
  const measure = async (samples: number[] | undefined, run: () => Promise<number>) => {
    gc?.();
    const opsps = await run();
    samples?.push(opsps);
  };

  progress('client: warm-up (both clients, both benchmarks)');
  for (let i = 0; i < 2; i++) {
    await measure(undefined, () => oursConcurrent(client, Math.min(options.concurrent, 20_000)));
    await measure(undefined, () => ioredisConcurrent(redis, Math.min(options.concurrent, 20_000)));
    await measure(undefined, () => ioredisConcurrent(redisAuto, Math.min(options.concurrent, 20_000)));
    await measure(undefined, () => oursSequential(client, Math.min(options.sequential, 2_000)));
    await measure(undefined, () => ioredisSequential(redis, Math.min(options.sequential, 2_000)));
    await measure(undefined, () => ioredisSequential(redisAuto, Math.min(options.sequential, 2_000)));
  }

  for (let round = 1; round <= options.rounds; round++) {
    const tag = `client round ${round}/${options.rounds}`;
    progress(`${tag}: ${fmtInt(options.concurrent)} concurrent GETs, ours then ioredis`);
    await measure(result.concurrent.ours, () => oursConcurrent(client, options.concurrent));
    await measure(result.concurrent.ioredis, () => ioredisConcurrent(redis, options.concurrent));
    await measure(result.concurrent.ioredisAuto, () => ioredisConcurrent(redisAuto, options.concurrent));
    progress(`${tag}: ${fmtInt(options.sequential)} sequential GETs, ours then ioredis`);
    await measure(result.sequential.ours, () => oursSequential(client, options.sequential));
    await measure(result.sequential.ioredis, () => ioredisSequential(redis, options.sequential));
    await measure(result.sequential.ioredisAuto, () => ioredisSequential(redisAuto, options.sequential));
  }

  await client.close();
  await redis.quit();
  await redisAuto.quit();
  return result;
}

/** The result as Markdown: ops/s medians and ratios ours/ioredis. */
export function clientTable(result: ClientBenchResult): string {
  const row = (name: string, s: ClientBenchResult['concurrent']) => {
    const ours = median(s.ours);
    const theirs = median(s.ioredis);
    const r = ratio(ours, theirs);
    return [
      name,
      fmtInt(ours),
      fmtInt(theirs),
      fmtRatio(r),
      `≥0.80x ${Number.isFinite(r) ? (r >= 0.8 ? '✓' : '✗') : ''}`,
      fmtInt(median(s.ioredisAuto)),
    ];
  };
  const { concurrent, sequential } = result.options;
  const notes = result.notes.map((n) => `\n\nNote: ${n}.`).join('');
  return markdownTable(
    ['Client benchmark (GET)', 'ours ops/s', 'ioredis ops/s', 'ours/ioredis', 'target', 'ioredis+autopipelining ops/s (ref.)'],
    [
      row(`${fmtInt(concurrent)} concurrent (pipelined)`, result.concurrent),
      row(`${fmtInt(sequential)} sequential round trips`, result.sequential),
    ],
  ) + notes;
}

/** Flags: --port N (else start a server), --rounds N, --quick, --json. */
async function main(): Promise<void> {
  const { flag, value, quick, rounds } = benchArgs();
  const options: ClientBenchOptions = {
    rounds,
    concurrent: quick ? 20_000 : 100_000,
    sequential: quick ? 2_000 : 10_000,
  };
  let server: ServerProcess | undefined;
  let port = Number(value('--port') ?? 0);
  if (port === 0) {
    server = await startOurs();
    port = server.port;
    progress(`client: started mini-redis-rx on port ${port}`);
  }
  try {
    const result = await runClientBench(port, options);
    if (flag('--json')) process.stdout.write(JSON.stringify(result) + '\n');
    else process.stdout.write(clientTable(result) + '\n');
  } finally {
    await server?.stop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`client-bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
