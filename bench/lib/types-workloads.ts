// The data-type workloads of `npm run bench` (issue 11): which of redis-benchmark's own
// tests exercise hashes, lists, sets and sorted sets, how to tell whether a server knows
// their commands yet, and the three memory datasets (100,000 small hashes, sorted sets
// and sets) loaded by pipelining over one connection.
//
// Why a probe before the throughput runs: redis-benchmark stops at the first error reply
// ("Error from server: ERR unknown command 'LPOP'") and exits 1, taking every later test
// of the same run with it. Sending each command once first, on a scratch key, tells which
// tests can run at all; the others are reported as "unknown command" instead of failing
// the whole benchmark while the commands are still being written.
//
// Why pipelined batches for the memory datasets, not redis-benchmark: redis-benchmark
// can only repeat one command shape with a random integer, while the datasets need ten
// distinct fields or members per key. Batches of a thousand commands over one connection
// load 100,000 keys in about a second and keep the client's own memory small.

import { RespClient, RespError, encodeLatin1, type Args, type Reply } from './resp';

// ---- redis-benchmark's tests ------------------------------------------------------------

export interface TypeTest {
  /** The name `redis-benchmark -t` takes. */
  readonly name: string;
  /** The row redis-benchmark prints for it (--csv first column). */
  readonly row: string;
  /** The label in our tables. */
  readonly label: string;
  /** What redis-benchmark sends (`mylist`, `myset`... are its own keys), to probe a server with. */
  readonly probe: Args;
  /** Minimum ours/redis ratio at -P 1 and at -P 16 (issue 11). */
  readonly target: { readonly p1: number; readonly p16: number };
}

const usual = { p1: 0.9, p16: 0.4 };

/** redis-benchmark's tests for the new types, in the order it runs them. */
export const TYPE_TESTS: readonly TypeTest[] = [
  { name: 'lpush', row: 'LPUSH', label: 'LPUSH', probe: ['LPUSH', 'bench:probe:list', 'x'], target: usual },
  { name: 'rpush', row: 'RPUSH', label: 'RPUSH', probe: ['RPUSH', 'bench:probe:list', 'x'], target: usual },
  { name: 'lpop', row: 'LPOP', label: 'LPOP', probe: ['LPOP', 'bench:probe:list'], target: usual },
  { name: 'rpop', row: 'RPOP', label: 'RPOP', probe: ['RPOP', 'bench:probe:list'], target: usual },
  { name: 'sadd', row: 'SADD', label: 'SADD', probe: ['SADD', 'bench:probe:set', 'x'], target: usual },
  { name: 'hset', row: 'HSET', label: 'HSET', probe: ['HSET', 'bench:probe:hash', 'f', 'v'], target: usual },
  { name: 'spop', row: 'SPOP', label: 'SPOP', probe: ['SPOP', 'bench:probe:set'], target: usual },
  { name: 'zadd', row: 'ZADD', label: 'ZADD', probe: ['ZADD', 'bench:probe:zset', '0', 'x'], target: usual },
  { name: 'zpopmin', row: 'ZPOPMIN', label: 'ZPOPMIN', probe: ['ZPOPMIN', 'bench:probe:zset'], target: usual },
  {
    name: 'lrange_100',
    row: 'LRANGE_100 (first 100 elements)',
    label: 'LRANGE_100',
    probe: ['LRANGE', 'bench:probe:list', '0', '99'],
    target: usual,
  },
  {
    name: 'lrange_600',
    row: 'LRANGE_600 (first 600 elements)',
    label: 'LRANGE_600',
    probe: ['LRANGE', 'bench:probe:list', '0', '599'],
    target: { p1: 0.5, p16: 0.5 },
  },
];

/** `ERR unknown command 'HSET', with args beginning with: ...` -> `ERR unknown command 'HSET'`: enough for a table cell. */
export const shortError = (message: string): string => message.replace(/, with args beginning with:.*$/s, '').trim();

/** The keys the probe writes, deleted again afterwards. */
const PROBE_KEYS = ['bench:probe:list', 'bench:probe:set', 'bench:probe:hash', 'bench:probe:zset'];

/** An error reply that means "this server has no such command" (Redis's text). */
export const isUnknownCommand = (reply: Reply): reply is RespError =>
  reply instanceof RespError && reply.message.startsWith('ERR unknown command');

/**
 * Sends each test's command once (LRANGE's tests also need LPUSH, which redis-benchmark
 * uses to fill the list) and returns, per test name, the server's error text if it does
 * not know a command the test sends, or undefined if the test can run.
 */
export async function probeTypeTests(port: number): Promise<Map<string, string | undefined>> {
  const client = await RespClient.connect(port);
  try {
    const replies = await client.pipeline(TYPE_TESTS.map((t) => t.probe));
    await client.command('DEL', ...PROBE_KEYS);
    const answers = new Map<string, string | undefined>();
    TYPE_TESTS.forEach((t, i) => {
      const reply = replies[i];
      answers.set(t.name, isUnknownCommand(reply) ? shortError(reply.message) : undefined);
    });
    const result = new Map<string, string | undefined>();
    for (const t of TYPE_TESTS) {
      const filler = t.name.startsWith('lrange_') ? answers.get('lpush') : undefined;
      result.set(t.name, answers.get(t.name) ?? filler);
    }
    return result;
  } finally {
    client.destroy();
  }
}

/** FLUSHALL, so that each redis-benchmark run starts from the same (empty) keyspace. */
export async function flushAll(port: number): Promise<void> {
  const client = await RespClient.connect(port);
  try {
    const reply = await client.command('FLUSHALL');
    if (reply !== 'OK') throw new Error(`FLUSHALL answered ${String(reply)}`);
  } finally {
    client.destroy();
  }
}

/**
 * `used_memory` from INFO memory: the server's own account of its data (Redis: its
 * allocator's bytes; ours: V8's heap in use plus Buffers, garbage not yet collected
 * included). Read through the wire like everything else; NaN if the server has no such field.
 */
export async function usedMemory(port: number): Promise<number> {
  const client = await RespClient.connect(port);
  try {
    const reply = await client.command('INFO', 'memory');
    const text = Buffer.isBuffer(reply) ? reply.toString('latin1') : String(reply);
    const match = /^used_memory:(\d+)/m.exec(text);
    return match ? Number(match[1]) : NaN;
  } finally {
    client.destroy();
  }
}

// ---- the memory datasets ----------------------------------------------------------------------

export interface MemoryDataset {
  readonly id: string;
  /** The label in our tables. */
  readonly label: string;
  /** How many keys. */
  readonly keys: number;
  /** The command that creates key number `i` with all its elements (ASCII strings). */
  command(i: number): string[];
}

const KEYS = 100_000;
const ELEMENTS = 10;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The three datasets of issue 11. Fields are 10 bytes (`field00000`..`field00009`, the same
 * in every hash, as an object's attribute names are), values and members 10 bytes and
 * distinct across the whole dataset (`v` or `m` and 9 digits: strings, not integers, so
 * that neither server can store them as numbers), set elements distinct integers.
 */
export const MEMORY_DATASETS: readonly MemoryDataset[] = [
  {
    id: 'hashes',
    label: `${KEYS.toLocaleString('en-US')} hashes × ${ELEMENTS} fields (HSET, 10-byte fields and values)`,
    keys: KEYS,
    command: (i) => {
      const args: string[] = ['HSET', `hash:${pad(i, 6)}`];
      for (let j = 0; j < ELEMENTS; j++) args.push(`field${pad(j, 5)}`, `v${pad(i * ELEMENTS + j, 9)}`);
      return args;
    },
  },
  {
    id: 'zsets',
    label: `${KEYS.toLocaleString('en-US')} sorted sets × ${ELEMENTS} members (ZADD, 10-byte members, scores 1-10)`,
    keys: KEYS,
    command: (i) => {
      const args: string[] = ['ZADD', `zset:${pad(i, 6)}`];
      for (let j = 0; j < ELEMENTS; j++) args.push(String(j + 1), `m${pad(i * ELEMENTS + j, 9)}`);
      return args;
    },
  },
  {
    id: 'sets',
    label: `${KEYS.toLocaleString('en-US')} sets × ${ELEMENTS} integers (SADD)`,
    keys: KEYS,
    command: (i) => {
      const args: string[] = ['SADD', `set:${pad(i, 6)}`];
      for (let j = 0; j < ELEMENTS; j++) args.push(String(i * ELEMENTS + j));
      return args;
    },
  },
];

/** What a load ended with: every reply checked, the first error kept. */
export interface LoadResult {
  /** The first error reply, if any (e.g. unknown command): the dataset is then incomplete. */
  readonly error: string | undefined;
  readonly ms: number;
}

/**
 * Creates `dataset.keys` keys over one connection, `batch` commands per write, each batch
 * awaited before the next (so neither side buffers more than a batch). Stops at the first
 * error reply and returns its text.
 */
export async function loadDataset(port: number, dataset: MemoryDataset, batch = 1000): Promise<LoadResult> {
  const client = await RespClient.connect(port, 60_000);
  const started = process.hrtime.bigint();
  try {
    for (let from = 0; from < dataset.keys; from += batch) {
      const commands: string[][] = [];
      for (let i = from; i < Math.min(dataset.keys, from + batch); i++) commands.push(dataset.command(i));
      const replies = await client.pipelineEncoded(encodeLatin1(commands), commands.length);
      const error = replies.find((r): r is RespError => r instanceof RespError);
      if (error) return { error: shortError(error.message), ms: Number(process.hrtime.bigint() - started) / 1e6 };
    }
    return { error: undefined, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  } finally {
    client.destroy();
  }
}
