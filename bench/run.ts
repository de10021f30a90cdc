// `npm run bench`: this project's server side by side with redis-server, measured by
// redis-benchmark, the tool the field uses, in the same run on the same machine.
//
// What it measures, and why:
// - SET/GET, 50 clients, unpipelined (-P 1): per-request cost of a round trip, where
//   syscalls and event-loop turns dominate; and pipelined (-P 16): the cost of the
//   server's own code per command, where batching (one decode pass, one write per
//   chunk) matters most.
// - SET of 100 kB values (10 clients): the large-value path, where an O(n²) framing
//   buffer or an extra copy would show.
// - PUBLISH to 50 subscribers (10 publishers): pub/sub fan-out, checking that every
//   subscriber received every message.
// - Memory: RSS growth of a fresh server after ~632k distinct keys (SET -r 1000000).
// - Start-up: spawn to the first PONG, the number that matters when a test suite starts
//   a server per file.
// - The data types (issue 11): redis-benchmark's own list, set, hash and sorted-set tests
//   (lpush ... zpopmin, lrange_100, lrange_600) at -P 1 and -P 16, each run from an empty
//   keyspace (FLUSHALL first); and the RSS growth of 100,000 small hashes, sorted sets and
//   sets (types-workloads.ts), the encodings (listpack, intset) Redis is compact with.
//   A test whose command our server does not know yet is reported as such, not run.
// - The client benchmark (client-bench.ts): our Observable client against ioredis.
//
// The two servers run interleaved (ours, redis, ours, redis, ...) for several rounds,
// after one unrecorded warm-up pass (V8 compiles each hot path during its first calls),
// and the median of the rounds is reported, so that a burst of noise on a shared machine
// lands on one sample of one server rather than on a whole column; each ratio is the
// median of the per-round ratios, whose two samples were taken back to back. Results are printed
// and written to bench/RESULTS.md. Nothing here asserts: targets are shown, not enforced.
//
// Flags: --quick (fewer requests, one round; RESULTS.md is left alone), --rounds N (or
// BENCH_ROUNDS), --client (client benchmark only), --skip-client, --profile
// [publish|big|types] (profile our server under pipelined SET/GET, PUBLISH fan-out, 100 kB
// SETs or the data-type tests, with --tests LIST and --pipeline N; see profile.ts), --only LIST (some of p1,p16,big,eval,publish,memory,startup,client,
// types-p1,types-p16,types-memory, comma-separated, `types` naming the last three;
// RESULTS.md is then left alone, except that a types-only run rewrites its data-types
// section), --out FILE.

import { spawn } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clientTable, type ClientBenchResult } from './client-bench';
import { benchArgs } from './lib/args';
import {
  ROOT,
  installed,
  killAll,
  redisVersion,
  rssBytes,
  startOurs,
  startRedis,
  timeBareNode,
  timeStartup,
  type ServerProcess,
} from './lib/processes';
import { redisBenchmark, type BenchmarkRow } from './lib/redis-benchmark';
import { fmt, fmtInt, fmtRatio, markdownTable, median, progress, ratio } from './lib/stats';
import { Subscribers } from './lib/subscribers';
import {
  MEMORY_DATASETS,
  TYPE_TESTS,
  flushAll,
  loadDataset,
  probeTypeTests,
  usedMemory,
  type MemoryDataset,
  type TypeTest,
} from './lib/types-workloads';
import { runProfile } from './profile';

// ---- options ----------------------------------------------------------------------

const { flag, value, quick, rounds } = benchArgs();

/** The parts --only names (all of them without it). */
const PARTS = ['p1', 'p16', 'big', 'eval', 'publish', 'memory', 'startup', 'client', 'types-p1', 'types-p16', 'types-memory'] as const;
type Part = (typeof PARTS)[number];
/** Names that stand for several parts. */
const GROUPS: Readonly<Record<string, readonly Part[]>> = { types: ['types-p1', 'types-p16', 'types-memory'] };
const onlyList = value('--only')
  ?.split(',')
  .map((p) => p.trim())
  .flatMap((p) => GROUPS[p] ?? [p]);
const unknownPart = onlyList?.find((p) => !(PARTS as readonly string[]).includes(p));
if (unknownPart !== undefined) {
  throw new Error(`--only: unknown part ${unknownPart} (known: ${PARTS.join(', ')}, and ${Object.keys(GROUPS).join(', ')})`);
}
const selected = (part: Part): boolean => onlyList === undefined || onlyList.includes(part);
/** Only data-type parts were asked for: such a run rewrites RESULTS.md's data-types section. */
const typesOnly = onlyList !== undefined && onlyList.every((p) => p.startsWith('types-'));

/**
 * Requests per redis-benchmark run: about 1-3 s each for our server on a 2-core machine
 * (PUBLISH to 50 subscribers is much slower per request, hence its small count). Runs
 * of a second or less moved by ±20% from one to the next on a shared machine; two
 * seconds and more average much of that out.
 */
const N = quick
  ? { p1: 20_000, p16: 100_000, big: 1_000, eval: 10_000, publish: 2_000, memory: 100_000, startups: 3, clientConcurrent: 20_000 }
  : { p1: 200_000, p16: 1_000_000, big: 20_000, eval: 100_000, publish: 40_000, memory: 1_000_000, startups: 5, clientConcurrent: 100_000 };
/**
 * Requests per data-type run, per test: the nine simple tests run in one redis-benchmark
 * (LPOP and RPOP pop what LPUSH and RPUSH pushed), LRANGE_100 and LRANGE_600 in one each
 * (each preceded by redis-benchmark's own filling LPUSH of as many elements), sized so
 * that each test takes one to three seconds on redis-server here (LRANGE_600 moves 600
 * elements per request, hence its small count).
 */
const NT = quick
  ? { p1: 10_000, p16: 50_000, lrange100: 10_000, lrange600: 2_000 }
  : { p1: 100_000, p16: 500_000, lrange100: 100_000, lrange600: 20_000 };
const SUBSCRIBERS = 50;
const CHANNEL = 'ch';
const MESSAGE = 'hello';

// ---- samples ----------------------------------------------------------------------

type Side = 'ours' | 'redis';
/** samples[metric][side] = one value per round. */
const samples = new Map<string, Record<Side, number[]>>();
function record(metric: string, side: Side, v: number): void {
  let entry = samples.get(metric);
  if (!entry) samples.set(metric, (entry = { ours: [], redis: [] }));
  entry[side].push(v);
}
const med = (metric: string, side: Side) => median(samples.get(metric)?.[side] ?? []);
/**
 * The ratio ours/redis of a metric: the median, over the rounds, of the two servers'
 * ratio in that round. The two samples of a round were taken back to back, so noise
 * that slows the whole machine for a while (a neighbour on a shared host) slows both
 * and cancels out of their ratio; the ratio of the two medians would not cancel it.
 */
function pairedRatio(metric: string): number {
  const { ours = [], redis = [] } = samples.get(metric) ?? {};
  return median(ours.slice(0, redis.length).map((value, i) => ratio(value, redis[i])));
}

const notes: string[] = [];
const deliveryProblems: string[] = [];

// ---- the throughput cases -------------------------------------------------------------

const EVAL_SCRIPT = "return redis.call('set',KEYS[1],ARGV[1])";

interface Case {
  readonly id: Part;
  readonly label: string;
  readonly args: readonly string[];
  /** redis-benchmark test name -> metric id */
  readonly tests: Readonly<Record<string, string>>;
  /**
   * A data-type case: FLUSHALL before each run (the lists would otherwise grow from one
   * round to the next), and a failed run is recorded as a gap (NaN) rather than ending
   * the benchmark, since a command may still be missing or wrong.
   */
  readonly types?: boolean;
}

const CASES: readonly Case[] = [
  {
    id: 'p1',
    label: 'SET/GET, 50 clients, -P 1',
    args: ['-c', '50', '-P', '1', '-t', 'set,get', '-n', String(N.p1)],
    tests: { SET: 'SET -P1', GET: 'GET -P1' },
  },
  {
    id: 'p16',
    label: 'SET/GET, 50 clients, -P 16',
    args: ['-c', '50', '-P', '16', '-t', 'set,get', '-n', String(N.p16)],
    tests: { SET: 'SET -P16', GET: 'GET -P16' },
  },
  {
    id: 'big',
    label: 'SET 100 kB values, 10 clients',
    args: ['-c', '10', '-d', '100000', '-t', 'set', '-n', String(N.big)],
    tests: { SET: 'SET 100kB' },
  },
  // Issue 12's scripting benchmark: one EVAL whose script calls SET. The first request
  // loads the Lua engine (the warm-up run takes that cost, not the recorded rounds).
  {
    id: 'eval',
    label: 'EVAL of redis.call SET, 50 clients, -P 1',
    args: ['-c', '50', '-n', String(N.eval), 'eval', EVAL_SCRIPT, '1', 'k', 'v'],
    tests: { [`eval ${EVAL_SCRIPT} 1 k v`]: 'EVAL' },
  },
];

/** The metric id of a data-type test at a pipeline depth: `LPUSH -P16`. */
const typeMetric = (t: TypeTest, pipeline: 1 | 16) => `${t.label} -P${pipeline}`;

/** Data-type tests our server cannot run yet (unknown command), with its answer. */
const typeUnavailable = new Map<string, string>();
/** Data-type runs that failed (redis-benchmark exited with an error), per metric. */
const typeFailures = new Map<string, string[]>();

/**
 * The data-type cases, limited to the tests whose commands our server knows (both servers
 * run the same tests, so that LPOP pops from the same list on both).
 */
function typeCases(): Case[] {
  const runnable = TYPE_TESTS.filter((t) => !typeUnavailable.has(t.name));
  const cases: Case[] = [];
  for (const pipeline of [1, 16] as const) {
    const id: Part = pipeline === 1 ? 'types-p1' : 'types-p16';
    const groups: Array<[readonly TypeTest[], number, string]> = [
      [runnable.filter((t) => !t.name.startsWith('lrange_')), pipeline === 1 ? NT.p1 : NT.p16, 'lists, sets, hashes, sorted sets'],
      [runnable.filter((t) => t.name === 'lrange_100'), NT.lrange100, 'LRANGE_100'],
      [runnable.filter((t) => t.name === 'lrange_600'), NT.lrange600, 'LRANGE_600'],
    ];
    for (const [tests, n, what] of groups) {
      if (tests.length === 0) continue;
      cases.push({
        id,
        label: `${what}, 50 clients, -P ${pipeline}`,
        args: ['-c', '50', '-P', String(pipeline), '-t', tests.map((t) => t.name).join(','), '-n', String(n)],
        tests: Object.fromEntries(tests.map((t) => [t.row, typeMetric(t, pipeline)])),
        types: true,
      });
    }
  }
  return cases;
}

/** Asks our server which data-type tests it can run; the rest are reported, not run. */
async function probeTypes(ours: ServerProcess): Promise<void> {
  const probe = await probeTypeTests(ours.port);
  for (const [name, error] of probe) if (error !== undefined) typeUnavailable.set(name, error);
  if (typeUnavailable.size === 0) return progress('data types: mini-redis-rx knows every command the tests send');
  progress(
    `data types: mini-redis-rx cannot run ${[...typeUnavailable.keys()].join(', ')} yet ` +
      `(it answers e.g. "${[...typeUnavailable.values()][0]}"): those tests are reported, not run`,
  );
}

/**
 * One run of a case against one server. A data-type run starts from an empty keyspace, and
 * its failure (an error reply stops redis-benchmark) is recorded as a gap, not thrown.
 */
async function runCase(c: Case, server: ServerProcess, side: Side | undefined): Promise<void> {
  if (!c.types) {
    const rows = await redisBenchmark(server.port, c.args);
    if (side) progress(`  ${server.name}: ${recordRows(side, c.tests, rows)}`);
    return;
  }
  await flushAll(server.port);
  let rows: Map<string, BenchmarkRow>;
  try {
    rows = await redisBenchmark(server.port, c.args);
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
    progress(`  ${server.name}: FAILED: ${message}`);
    for (const metric of Object.values(c.tests)) {
      if (!side) continue;
      record(`${metric} rps`, side, NaN);
      record(`${metric} p50`, side, NaN);
      const list = typeFailures.get(metric) ?? [];
      list.push(`${server.name}: ${message}`);
      typeFailures.set(metric, list);
    }
    return;
  }
  if (side) progress(`  ${server.name}: ${recordRows(side, c.tests, rows, true)}`);
}

function recordRows(side: Side, tests: Readonly<Record<string, string>>, rows: Map<string, BenchmarkRow>, gaps = false): string {
  const parts: string[] = [];
  for (const [test, metric] of Object.entries(tests)) {
    const row = rows.get(test);
    if (!row && gaps) {
      record(`${metric} rps`, side, NaN);
      record(`${metric} p50`, side, NaN);
      parts.push(`${test} missing`);
      continue;
    }
    if (!row) throw new Error(`redis-benchmark gave no ${test} row`);
    record(`${metric} rps`, side, row.rps);
    record(`${metric} p50`, side, row.p50Ms);
    parts.push(`${test} ${fmtInt(row.rps)} req/s p50 ${fmt(row.p50Ms, 3)} ms`);
  }
  return parts.join(', ');
}

/**
 * Opens the subscribers, runs `redis-benchmark publish` with `count` requests, waits for
 * the deliveries to stop, and hands the subscribers, the rows and the time to `report`
 * before closing them.
 */
async function publishRun(
  server: ServerProcess,
  count: number,
  report: (subs: Subscribers, rows: Map<string, BenchmarkRow>, lastMs: number) => void = () => undefined,
): Promise<void> {
  const subs = await Subscribers.open(server.port, SUBSCRIBERS, CHANNEL, MESSAGE);
  try {
    const started = process.hrtime.bigint();
    const rows = await redisBenchmark(server.port, ['-c', '10', '-n', String(count), 'publish', CHANNEL, MESSAGE]);
    const lastMs = await subs.waitFor(count, started);
    report(subs, rows, lastMs);
  } finally {
    subs.close();
  }
}

async function publishCase(server: ServerProcess, side: Side, tag: string): Promise<void> {
  await publishRun(server, N.publish, (subs, rows, lastMs) => {
    const line = recordRows(side, { [`publish ${CHANNEL} ${MESSAGE}`]: 'PUBLISH' }, rows);
    const expected = N.publish * SUBSCRIBERS;
    const total = subs.total;
    const short = subs.counts.filter((c) => c !== N.publish).length;
    if (short > 0) {
      deliveryProblems.push(
        `${server.name}, ${tag}: ${short} of ${SUBSCRIBERS} subscribers did not receive exactly ${N.publish} messages ` +
          `(received ${fmtInt(total)} of ${fmtInt(expected)}; min ${Math.min(...subs.counts)}, max ${Math.max(...subs.counts)})`,
      );
    }
    if (total > 0) record('PUBLISH delivered', side, total / (lastMs / 1000));
    progress(
      `  ${server.name}: ${line}; delivered ${fmtInt(total)}/${fmtInt(expected)} ` +
        `(${short === 0 ? 'all' : `${short} subscribers short`}), ${fmtInt(total / (lastMs / 1000))} msgs/s end to end`,
    );
  });
}

/** The same redis-benchmark arguments with a tenth of the requests. */
const tenth = (args: readonly string[]): string[] =>
  args.map((arg, i) => (args[i - 1] === '-n' ? String(Math.max(1, Math.round(Number(arg) / 10))) : arg));

/**
 * One unrecorded pass of every selected case, at a tenth of the requests, against both
 * servers: V8 compiles our hot paths (each case has its own: the 100 kB path, the
 * fan-out) during their first thousands of calls, and round 1 would otherwise measure
 * the compiler as much as the server.
 */
async function warmUp(servers: ReadonlyArray<readonly [ServerProcess, Side]>, cases: readonly Case[]): Promise<void> {
  progress('warm-up: every case once, a tenth of the requests, not recorded');
  for (const c of cases) {
    if (!selected(c.id)) continue;
    for (const [server] of servers) await runCase({ ...c, args: tenth(c.args) }, server, undefined);
  }
  if (!selected('publish')) return;
  for (const [server] of servers) await publishRun(server, Math.max(1, Math.round(N.publish / 10)));
}

async function throughputRounds(ours: ServerProcess, redis: ServerProcess | undefined): Promise<void> {
  const servers: Array<[ServerProcess, Side]> = [[ours, 'ours']];
  if (redis) servers.push([redis, 'redis']);
  if (selected('types-p1') || selected('types-p16')) await probeTypes(ours);
  const cases = [...CASES, ...(selected('types-p1') || selected('types-p16') ? typeCases() : [])];
  await warmUp(servers, cases);
  for (let round = 1; round <= rounds; round++) {
    const tag = `round ${round}/${rounds}`;
    for (const c of cases) {
      if (!selected(c.id)) continue;
      progress(`${tag}: ${c.label} (redis-benchmark ${c.args.join(' ')})`);
      for (const [server, side] of servers) await runCase(c, server, side);
    }
    if (!selected('publish')) continue;
    progress(`${tag}: PUBLISH to ${SUBSCRIBERS} subscribers (redis-benchmark -c 10 -n ${N.publish} publish ${CHANNEL} ${MESSAGE})`);
    for (const [server, side] of servers) await publishCase(server, side, tag);
  }
}

// ---- memory and start-up: fresh processes -----------------------------------------------

const MB = 1024 * 1024;

async function memoryRounds(haveRedis: boolean): Promise<void> {
  const args = ['-t', 'set', '-n', String(N.memory), '-r', '1000000', '-d', '10', '-P', '16'];
  for (let round = 1; round <= rounds; round++) {
    progress(`memory round ${round}/${rounds}: fresh servers, redis-benchmark ${args.join(' ')}`);
    const starts: Array<[() => Promise<ServerProcess>, Side]> = [[() => startOurs(), 'ours']];
    if (haveRedis) starts.push([() => startRedis(), 'redis']);
    for (const [start, side] of starts) {
      const server = await start();
      try {
        const before = rssBytes(server.pid);
        await redisBenchmark(server.port, args);
        const after = rssBytes(server.pid);
        await new Promise((r) => setTimeout(r, 1000));
        const settled = rssBytes(server.pid);
        record('RSS before', side, before / MB);
        record('RSS after', side, after / MB);
        record('RSS growth', side, (after - before) / MB);
        record('RSS growth after 1 s idle', side, (settled - before) / MB);
        progress(
          `  ${server.name}: RSS ${fmt(before / MB, 1)} MB -> ${fmt(after / MB, 1)} MB ` +
            `(+${fmt((after - before) / MB, 1)} MB; +${fmt((settled - before) / MB, 1)} MB after 1 s idle)`,
        );
      } finally {
        await server.stop();
      }
    }
  }
}

/** Datasets our server could not load (an error reply, e.g. unknown command), with the error. */
const typeMemoryErrors = new Map<string, string>();
const memoryMetric = (d: MemoryDataset) => `RSS growth, ${d.id}`;

/**
 * The data-type memory measurement, as memoryRounds does it for strings: a fresh server per
 * dataset and round, VmRSS read after the first PONG, right after the load, and one second
 * later. A dataset our server refuses is reported once and not tried again.
 */
async function typeMemoryRounds(haveRedis: boolean): Promise<void> {
  for (let round = 1; round <= rounds; round++) {
    for (const dataset of MEMORY_DATASETS) {
      progress(`types memory round ${round}/${rounds}: fresh servers, ${dataset.label}, pipelined over one connection`);
      const starts: Array<[() => Promise<ServerProcess>, Side]> = [[() => startOurs(), 'ours']];
      if (haveRedis) starts.push([() => startRedis(), 'redis']);
      for (const [start, side] of starts) {
        const metric = memoryMetric(dataset);
        if (side === 'ours' && typeMemoryErrors.has(dataset.id)) {
          record(metric, side, NaN);
          record(`${metric} after 1 s idle`, side, NaN);
          continue;
        }
        const server = await start();
        try {
          const before = rssBytes(server.pid);
          const usedBefore = await usedMemory(server.port);
          const load = await loadDataset(server.port, dataset);
          if (load.error !== undefined) {
            progress(`  ${server.name}: could not load the dataset: ${load.error}`);
            if (side === 'ours') typeMemoryErrors.set(dataset.id, load.error);
            else notes.push(`redis-server refused the ${dataset.id} dataset: ${load.error}`);
            record(metric, side, NaN);
            record(`${metric} after 1 s idle`, side, NaN);
            continue;
          }
          const after = rssBytes(server.pid);
          await new Promise((r) => setTimeout(r, 1000));
          const settled = rssBytes(server.pid);
          const used = (await usedMemory(server.port)) - usedBefore;
          record(metric, side, (after - before) / MB);
          record(`${metric} after 1 s idle`, side, (settled - before) / MB);
          record(`used_memory growth, ${dataset.id}`, side, used / MB);
          progress(
            `  ${server.name}: loaded in ${fmtInt(load.ms)} ms; RSS ${fmt(before / MB, 1)} MB -> ${fmt(after / MB, 1)} MB ` +
              `(+${fmt((after - before) / MB, 1)} MB; +${fmt((settled - before) / MB, 1)} MB after 1 s idle); ` +
              `INFO used_memory +${fmt(used / MB, 1)} MB`,
          );
        } finally {
          await server.stop();
        }
      }
    }
  }
}

async function startupRounds(haveRedis: boolean): Promise<void> {
  const count = Math.max(N.startups, rounds);
  progress(`start-up: ${count} fresh starts of each server, spawn to first PONG`);
  for (let i = 0; i < count; i++) {
    record('startup', 'ours', await timeStartup('ours'));
    if (haveRedis) record('startup', 'redis', await timeStartup('redis'));
    record('bare node', 'ours', await timeBareNode());
  }
  progress(
    `  mini-redis-rx ${fmt(med('startup', 'ours'), 1)} ms, redis-server ${fmt(med('startup', 'redis'), 1)} ms, ` +
      `bare node ${fmt(med('bare node', 'ours'), 1)} ms (medians)`,
  );
}

// ---- the client benchmark, in its own process ---------------------------------------------

/** Runs client-bench.ts in a child node (with --expose-gc) against a fresh server of ours. */
async function clientBench(): Promise<ClientBenchResult> {
  const server = await startOurs();
  try {
    const args = [
      '--expose-gc',
      '-r',
      'ts-node/register/transpile-only',
      path.join(__dirname, 'client-bench.ts'),
      '--port',
      String(server.port),
      '--rounds',
      String(rounds),
      '--json',
      ...(quick ? ['--quick'] : []),
    ];
    return await new Promise<ClientBenchResult>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => {
        if (code !== 0) return reject(new Error(`client-bench exited ${code}`));
        try {
          resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as ClientBenchResult);
        } catch (err) {
          reject(new Error(`client-bench printed no JSON: ${out}`));
        }
      });
    });
  } finally {
    await server.stop();
  }
}

// ---- the report ------------------------------------------------------------------------------

const check = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✓' : ' ✗');

function serverTable(haveRedis: boolean): string {
  const rows: string[][] = [];
  const throughput = (metric: string, label: string, target: number) => {
    const ours = med(`${metric} rps`, 'ours');
    const theirs = med(`${metric} rps`, 'redis');
    const r = pairedRatio(`${metric} rps`);
    rows.push([
      label,
      `${fmtInt(ours)} req/s`,
      haveRedis ? `${fmtInt(theirs)} req/s` : 'n/a',
      fmtRatio(r),
      fmt(med(`${metric} p50`, 'ours'), 3),
      haveRedis ? fmt(med(`${metric} p50`, 'redis'), 3) : 'n/a',
      `≥${target.toFixed(2)}x${check(Number.isFinite(r) ? r >= target : undefined)}`,
    ]);
  };
  if (samples.has('SET -P1 rps')) {
    throughput('SET -P1', 'SET, 50 clients, -P 1', 1.0);
    throughput('GET -P1', 'GET, 50 clients, -P 1', 1.0);
  }
  if (samples.has('SET -P16 rps')) {
    throughput('SET -P16', 'SET, 50 clients, -P 16', 0.4);
    throughput('GET -P16', 'GET, 50 clients, -P 16', 0.4);
  }
  if (samples.has('SET 100kB rps')) throughput('SET 100kB', 'SET 100 kB values, 10 clients', 0.9);
  if (samples.has('EVAL rps')) throughput('EVAL', 'EVAL (a script calling SET), 50 clients', 0.5);
  if (samples.has('PUBLISH rps')) {
    const r = pairedRatio('PUBLISH rps');
    const allDelivered = !deliveryProblems.some((p) => p.startsWith('mini-redis-rx'));
    rows.push([
      `PUBLISH → ${SUBSCRIBERS} subscribers, 10 publishers`,
      `${fmtInt(med('PUBLISH rps', 'ours'))} req/s`,
      haveRedis ? `${fmtInt(med('PUBLISH rps', 'redis'))} req/s` : 'n/a',
      fmtRatio(r),
      fmt(med('PUBLISH p50', 'ours'), 3),
      haveRedis ? fmt(med('PUBLISH p50', 'redis'), 3) : 'n/a',
      `≥0.85x, all delivered${check(Number.isFinite(r) ? r >= 0.85 && allDelivered : undefined)}`,
    ]);
    rows.push([
      '  … messages delivered (end to end)',
      `${fmtInt(med('PUBLISH delivered', 'ours'))} msg/s`,
      haveRedis ? `${fmtInt(med('PUBLISH delivered', 'redis'))} msg/s` : 'n/a',
      fmtRatio(pairedRatio('PUBLISH delivered')),
      '',
      '',
      allDelivered ? `every message, every round${check(true)}` : `messages lost${check(false)}`,
    ]);
  }
  if (samples.has('RSS growth')) {
    const r = pairedRatio('RSS growth');
    rows.push([
      `Memory: RSS growth, ${fmtInt(N.memory)} SETs -r 1000000 -d 10`,
      `${fmt(med('RSS growth', 'ours'), 1)} MB`,
      haveRedis ? `${fmt(med('RSS growth', 'redis'), 1)} MB` : 'n/a',
      fmtRatio(r),
      '',
      '',
      `≤1.50x${check(Number.isFinite(r) ? r <= 1.5 : undefined)}`,
    ]);
  }
  if (samples.has('startup')) {
    const ours = med('startup', 'ours');
    rows.push([
      'Start-up: spawn to first PONG',
      `${fmt(ours, 1)} ms`,
      haveRedis ? `${fmt(med('startup', 'redis'), 1)} ms` : 'n/a',
      fmtRatio(pairedRatio('startup')),
      '',
      '',
      `≤150 ms${check(ours <= 150)}`,
    ]);
    rows.push(['  … bare `node -e ""` (reference)', `${fmt(med('bare node', 'ours'), 1)} ms`, '', '', '', '', '']);
  }
  return markdownTable(['Benchmark', 'mini-redis-rx', 'redis-server', 'ours/redis', 'p50 ms (ours)', 'p50 ms (redis)', 'target'], rows);
}

/** Per-round ratios of a metric (ours/redis, round by round). */
function roundRatios(metric: string): number[] {
  const { ours = [], redis = [] } = samples.get(metric) ?? {};
  return ours.slice(0, redis.length).map((v, i) => ratio(v, redis[i]));
}

/** `0.93x–1.04x` over the finite per-round ratios. */
function spread(ratios: readonly number[]): string {
  const xs = ratios.filter(Number.isFinite);
  return xs.length === 0 ? 'n/a' : `${fmtRatio(Math.min(...xs))}–${fmtRatio(Math.max(...xs))}`;
}

/**
 * The data-type table: one row per redis-benchmark test and pipeline depth, then one per
 * memory dataset; each with both medians, the median of the per-round ratios, every
 * per-round ratio and their min–max, and the target.
 */
function typesTable(haveRedis: boolean): string {
  const rows: string[][] = [];
  for (const pipeline of [1, 16] as const) {
    if (!selected(pipeline === 1 ? 'types-p1' : 'types-p16')) continue;
    for (const t of TYPE_TESTS) {
      const target = pipeline === 1 ? t.target.p1 : t.target.p16;
      const label = `${t.label}, -P ${pipeline}`;
      const unavailable = typeUnavailable.get(t.name);
      if (unavailable !== undefined) {
        rows.push([label, 'unknown command', 'not run', 'n/a', '', '', `≥${target.toFixed(2)}x ✗ (\`${unavailable.trim()}\`)`]);
        continue;
      }
      const metric = `${typeMetric(t, pipeline)} rps`;
      const r = pairedRatio(metric);
      const ratios = roundRatios(metric);
      const failures = typeFailures.get(typeMetric(t, pipeline));
      rows.push([
        label,
        `${fmtInt(med(metric, 'ours'))} req/s`,
        haveRedis ? `${fmtInt(med(metric, 'redis'))} req/s` : 'n/a',
        fmtRatio(r),
        ratios.map((x) => (Number.isFinite(x) ? x.toFixed(2) : 'failed')).join(', '),
        spread(ratios),
        `≥${target.toFixed(2)}x${check(Number.isFinite(r) ? r >= target : undefined)}` +
          (failures ? ` (${failures.length} failed run(s): ${failures[0]})` : ''),
      ]);
    }
  }
  if (selected('types-memory')) {
    for (const d of MEMORY_DATASETS) {
      const metric = memoryMetric(d);
      const error = typeMemoryErrors.get(d.id);
      if (error !== undefined) {
        rows.push([`Memory: ${d.label}`, 'refused', haveRedis ? `${fmt(med(metric, 'redis'), 1)} MB` : 'n/a', 'n/a', '', '', `≤2.00x ✗ (\`${error.trim()}\`)`]);
        continue;
      }
      const r = pairedRatio(metric);
      const ratios = roundRatios(metric);
      rows.push([
        `Memory: ${d.label}`,
        `${fmt(med(metric, 'ours'), 1)} MB`,
        haveRedis ? `${fmt(med(metric, 'redis'), 1)} MB` : 'n/a',
        fmtRatio(r),
        ratios.map((x) => (Number.isFinite(x) ? x.toFixed(2) : 'failed')).join(', '),
        spread(ratios),
        `≤2.00x${check(Number.isFinite(r) ? r <= 2 : undefined)}`,
      ]);
      const used = `used_memory growth, ${d.id}`;
      const usedRatios = roundRatios(used);
      rows.push([
        '  … INFO used_memory growth (reference)',
        `${fmt(med(used, 'ours'), 1)} MB`,
        haveRedis ? `${fmt(med(used, 'redis'), 1)} MB` : 'n/a',
        fmtRatio(pairedRatio(used)),
        usedRatios.map((x) => (Number.isFinite(x) ? x.toFixed(2) : 'failed')).join(', '),
        spread(usedRatios),
        '',
      ]);
    }
  }
  return markdownTable(['Benchmark', 'mini-redis-rx', 'redis-server', 'ours/redis', 'per-round ratios', 'min–max', 'target'], rows);
}

/** The data-type section of the report (and of RESULTS.md, between TYPES_BEGIN and TYPES_END). */
function typesSection(haveRedis: boolean, runLine: string): string {
  return [
    TYPES_BEGIN,
    '## Data types: mini-redis-rx vs redis-server (issue 11)',
    '',
    runLine,
    '',
    `redis-benchmark's own tests, 50 clients, each run from an empty keyspace (FLUSHALL first): ` +
      `\`-t lpush,rpush,lpop,rpop,sadd,hset,spop,zadd,zpopmin -n ${fmtInt(NT.p1)}\` at -P 1 (\`-n ${fmtInt(NT.p16)}\` at -P 16), ` +
      `\`-t lrange_100 -n ${fmtInt(NT.lrange100)}\`, \`-t lrange_600 -n ${fmtInt(NT.lrange600)}\` ` +
      `(each after redis-benchmark's own filling LPUSH). As redis-benchmark runs them without -r, SADD, HSET and ZADD ` +
      `write one element again and again, and SPOP and ZPOPMIN pop it once and then answer nil; LPOP and RPOP pop what ` +
      `LPUSH and RPUSH pushed. Memory: RSS growth of a fresh server after loading the dataset with pipelined commands ` +
      `(1,000 per batch) over one connection; below it, for reference, the growth of INFO memory's used_memory (Redis: ` +
      `its allocator's count; ours: V8 heap in use plus Buffers, not-yet-collected garbage included, so the RSS figure ` +
      `also holds V8's young generation growing to its working size under the load, a fixed cost per process). Ratios are ours/redis (higher is better for req/s, lower for MB), the ` +
      `median of the per-round ratios; ${rounds} round(s), servers interleaved.`,
    '',
    typesTable(haveRedis),
    '',
    TYPES_END,
  ].join('\n');
}

const TYPES_BEGIN = '<!-- data types: begin (written by npm run bench -- --only types) -->';
const TYPES_END = '<!-- data types: end -->';

/** RESULTS.md with its data-type section replaced by `section` (or added at the end). */
function withTypesSection(existing: string, section: string): string {
  const begin = existing.indexOf(TYPES_BEGIN);
  const end = existing.indexOf(TYPES_END);
  if (begin !== -1 && end > begin) return existing.slice(0, begin) + section + existing.slice(end + TYPES_END.length);
  return `${existing.replace(/\n*$/, '')}\n\n${section}\n`;
}

function detailsTable(): string {
  const rows: string[][] = [];
  for (const [metric, { ours, redis }] of samples) {
    const digits = metric.endsWith('rps') || metric === 'PUBLISH delivered' ? 0 : metric.endsWith('p50') ? 3 : 1;
    const show = (xs: number[]) => xs.map((x) => (digits === 0 ? fmtInt(x) : fmt(x, digits))).join(', ');
    rows.push([metric, show(ours), show(redis)]);
  }
  return markdownTable(['Metric (units as above; one value per round)', 'mini-redis-rx', 'redis-server'], rows);
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

// ---- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (flag('--profile')) {
    const scenario = value('--profile');
    const pipeline = value('--pipeline');
    await runProfile({
      quick,
      scenario: scenario === 'publish' || scenario === 'big' || scenario === 'types' ? scenario : 'pipelined',
      tests: value('--tests'),
      pipeline: pipeline === undefined ? undefined : Number(pipeline),
    });
    return;
  }
  const clientOnly = flag('--client');
  const haveRedisServer = installed('redis-server');
  const haveBenchmark = installed('redis-benchmark');
  const redisVer = haveRedisServer ? (redisVersion() ?? 'unknown') : 'not installed';
  const loadBefore = os.loadavg();
  const startedAt = new Date();

  progress(
    `mini-redis-rx ${packageVersion()}, node ${process.version}, redis ${redisVer}, ${os.cpus().length} CPUs, ` +
      `${rounds} round(s)${quick ? ', quick mode' : ''}`,
  );
  if (!haveRedisServer) notes.push('redis-server is not installed: only this server was measured, no ratios.');
  if (!haveBenchmark) notes.push('redis-benchmark is not installed: the throughput, pub/sub and memory benchmarks were skipped.');
  notes.forEach((n) => progress(`NOTE: ${n}`));

  if (!clientOnly) {
    if (haveBenchmark) {
      const ours = await startOurs();
      progress(`started mini-redis-rx (pid ${ours.pid}) on port ${ours.port}`);
      const redis = haveRedisServer ? await startRedis() : undefined;
      if (redis) progress(`started redis-server (pid ${redis.pid}) on port ${redis.port}`);
      try {
        if ((['p1', 'p16', 'big', 'eval', 'publish', 'types-p1', 'types-p16'] as const).some(selected)) await throughputRounds(ours, redis);
      } finally {
        const code = await ours.stop();
        if (code !== 0) notes.push(`mini-redis-rx exited with code ${code} on SIGINT (expected 0).`);
        await redis?.stop();
      }
      if (selected('memory')) await memoryRounds(haveRedisServer);
      if (selected('types-memory')) await typeMemoryRounds(haveRedisServer);
    }
    if (selected('startup')) await startupRounds(haveRedisServer);
  }
  let client: ClientBenchResult | undefined;
  if (!flag('--skip-client') && selected('client')) {
    progress('client benchmark: our Observable client vs ioredis, against our server');
    client = await clientBench();
  }

  const loadAfter = os.loadavg();
  const cpu = os.cpus();
  const sections: string[] = [
    '# Benchmark results',
    '',
    `- Date: ${startedAt.toISOString()}`,
    `- Machine: ${cpu.length} CPUs (${cpu[0]?.model ?? 'unknown'}), ${os.platform()} ${os.release()}; ` +
      `load average ${loadBefore.map((l) => l.toFixed(2)).join('/')} before, ${loadAfter.map((l) => l.toFixed(2)).join('/')} after`,
    `- node ${process.version}; redis-server ${redisVer}; mini-redis-rx ${packageVersion()}`,
    `- ${rounds} round(s), servers interleaved (ours, redis, ours, redis, ...), medians shown${quick ? '; QUICK mode (small -n)' : ''}`,
    `- Requests per run: -P 1 ${fmtInt(N.p1)}, -P 16 ${fmtInt(N.p16)}, 100 kB ${fmtInt(N.big)}, EVAL ${fmtInt(N.eval)}, ` +
      `PUBLISH ${fmtInt(N.publish)} (× ${SUBSCRIBERS} subscribers), memory ${fmtInt(N.memory)}`,
    '',
  ];
  const stringParts = (['p1', 'p16', 'big', 'eval', 'publish', 'memory', 'startup'] as const).some(selected);
  const typeParts = (['types-p1', 'types-p16', 'types-memory'] as const).some(selected);
  const runLine =
    `Run: ${startedAt.toISOString()}, ${cpu.length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join('/')} before, ` +
    `${loadAfter.map((l) => l.toFixed(2)).join('/')} after; node ${process.version}, redis-server ${redisVer}${quick ? '; QUICK mode (small -n)' : ''}.`;
  const types = !clientOnly && typeParts && haveBenchmark ? typesSection(haveRedisServer, runLine) : undefined;
  if (!clientOnly && stringParts) {
    sections.push('## Server: mini-redis-rx vs redis-server (redis-benchmark)', '', serverTable(haveRedisServer), '');
    sections.push(
      'Ratios are ours/redis: higher is better for req/s, lower is better for MB and ms. Each ratio is the ' +
        'median over the rounds of the two servers\' ratio in that round (measured back to back, so a slowdown ' +
        'of the whole machine cancels out); the req/s, MB and ms columns are each server\'s median. ' +
        'p50 latencies are redis-benchmark\'s, in ms. Targets are goals, not assertions.',
      '',
    );
  }
  if (types) sections.push(types, '');
  if (client) sections.push('## Client: Observable client vs ioredis (both against mini-redis-rx)', '', clientTable(client), '');
  if (deliveryProblems.length > 0) sections.push('## Pub/sub delivery problems', '', ...deliveryProblems.map((p) => `- ${p}`), '');
  if (notes.length > 0) sections.push('## Notes', '', ...notes.map((n) => `- ${n}`), '');
  if (!clientOnly) {
    sections.push('## Every sample', '', detailsTable(), '');
    if (samples.has('RSS before')) {
      sections.push(
        'RSS is VmRSS from /proc/<pid>/status of a fresh process, read after the first PONG and right after ' +
          'redis-benchmark finishes ("after 1 s idle": read again a second later).',
        '',
      );
    }
  }
  if (client) {
    const c = client;
    sections.push(
      markdownTable(
        ['Client benchmark (ops/s, one value per round)', 'ours', 'ioredis', 'ioredis+autopipelining'],
        (['concurrent', 'sequential'] as const).map((k) => [
          k,
          c[k].ours.map(fmtInt).join(', '),
          c[k].ioredis.map(fmtInt).join(', '),
          c[k].ioredisAuto.map(fmtInt).join(', '),
        ]),
      ),
      '',
    );
  }
  sections.push('Reproduce: `npm run bench` (full), `npm run bench -- --quick`, `npm run bench -- --client`, `npm run bench -- --only types` (the data types alone), `npm run bench -- --profile` (or `--profile publish`, `--profile big`, `--profile types`).', '');

  const report = sections.join('\n');
  process.stdout.write('\n' + report);
  const out = value('--out') ?? (quick || clientOnly || onlyList ? undefined : path.join(__dirname, 'RESULTS.md'));
  if (out) {
    writeFileSync(out, report);
    progress(`wrote ${path.relative(process.cwd(), out)}`);
  } else if (typesOnly && !quick && types !== undefined) {
    const results = path.join(__dirname, 'RESULTS.md');
    writeFileSync(results, withTypesSection(readFileSync(results, 'utf8'), types));
    progress(`--only types: rewrote the data-types section of ${path.relative(process.cwd(), results)}, the rest left as it was`);
  } else {
    progress(`${quick ? 'quick mode' : onlyList ? '--only' : '--client'}: bench/RESULTS.md left as it was (use --out FILE to write one)`);
  }
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => killAll());
