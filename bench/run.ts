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
// [publish|big] (profile our server under pipelined SET/GET, PUBLISH fan-out or 100 kB
// SETs; see profile.ts), --only LIST (some of p1,p16,big,publish,memory,startup,client,
// comma-separated; RESULTS.md is then left alone), --out FILE.

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
import { runProfile } from './profile';

// ---- options ----------------------------------------------------------------------

const { flag, value, quick, rounds } = benchArgs();

/** The parts --only names (all of them without it). */
const PARTS = ['p1', 'p16', 'big', 'publish', 'memory', 'startup', 'client'] as const;
type Part = (typeof PARTS)[number];
const onlyList = value('--only')?.split(',').map((p) => p.trim());
const unknownPart = onlyList?.find((p) => !(PARTS as readonly string[]).includes(p));
if (unknownPart !== undefined) throw new Error(`--only: unknown part ${unknownPart} (known: ${PARTS.join(', ')})`);
const selected = (part: Part): boolean => onlyList === undefined || onlyList.includes(part);

/**
 * Requests per redis-benchmark run: about 1-3 s each for our server on a 2-core machine
 * (PUBLISH to 50 subscribers is much slower per request, hence its small count). Runs
 * of a second or less moved by ±20% from one to the next on a shared machine; two
 * seconds and more average much of that out.
 */
const N = quick
  ? { p1: 20_000, p16: 100_000, big: 1_000, publish: 2_000, memory: 100_000, startups: 3, clientConcurrent: 20_000 }
  : { p1: 200_000, p16: 1_000_000, big: 20_000, publish: 40_000, memory: 1_000_000, startups: 5, clientConcurrent: 100_000 };
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

interface Case {
  readonly id: string;
  readonly label: string;
  readonly args: readonly string[];
  /** redis-benchmark test name -> metric id */
  readonly tests: Readonly<Record<string, string>>;
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
];

function recordRows(side: Side, tests: Readonly<Record<string, string>>, rows: Map<string, BenchmarkRow>): string {
  const parts: string[] = [];
  for (const [test, metric] of Object.entries(tests)) {
    const row = rows.get(test);
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
async function warmUp(servers: ReadonlyArray<readonly [ServerProcess, Side]>): Promise<void> {
  progress('warm-up: every case once, a tenth of the requests, not recorded');
  for (const c of CASES) {
    if (!selected(c.id as Part)) continue;
    for (const [server] of servers) await redisBenchmark(server.port, tenth(c.args));
  }
  if (!selected('publish')) return;
  for (const [server] of servers) await publishRun(server, Math.max(1, Math.round(N.publish / 10)));
}

async function throughputRounds(ours: ServerProcess, redis: ServerProcess | undefined): Promise<void> {
  const servers: Array<[ServerProcess, Side]> = [[ours, 'ours']];
  if (redis) servers.push([redis, 'redis']);
  await warmUp(servers);
  for (let round = 1; round <= rounds; round++) {
    const tag = `round ${round}/${rounds}`;
    for (const c of CASES) {
      if (!selected(c.id as Part)) continue;
      progress(`${tag}: ${c.label} (redis-benchmark ${c.args.join(' ')})`);
      for (const [server, side] of servers) {
        const rows = await redisBenchmark(server.port, c.args);
        progress(`  ${server.name}: ${recordRows(side, c.tests, rows)}`);
      }
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
    await runProfile({ quick, scenario: scenario === 'publish' || scenario === 'big' ? scenario : 'pipelined' });
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
        if (PARTS.slice(0, 4).some(selected)) await throughputRounds(ours, redis);
      } finally {
        const code = await ours.stop();
        if (code !== 0) notes.push(`mini-redis-rx exited with code ${code} on SIGINT (expected 0).`);
        await redis?.stop();
      }
      if (selected('memory')) await memoryRounds(haveRedisServer);
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
    `- Requests per run: -P 1 ${fmtInt(N.p1)}, -P 16 ${fmtInt(N.p16)}, 100 kB ${fmtInt(N.big)}, ` +
      `PUBLISH ${fmtInt(N.publish)} (× ${SUBSCRIBERS} subscribers), memory ${fmtInt(N.memory)}`,
    '',
  ];
  if (!clientOnly) {
    sections.push('## Server: mini-redis-rx vs redis-server (redis-benchmark)', '', serverTable(haveRedisServer), '');
    sections.push(
      'Ratios are ours/redis: higher is better for req/s, lower is better for MB and ms. Each ratio is the ' +
        'median over the rounds of the two servers\' ratio in that round (measured back to back, so a slowdown ' +
        'of the whole machine cancels out); the req/s, MB and ms columns are each server\'s median. ' +
        'p50 latencies are redis-benchmark\'s, in ms. Targets are goals, not assertions.',
      '',
    );
  }
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
  sections.push('Reproduce: `npm run bench` (full), `npm run bench -- --quick`, `npm run bench -- --client`, `npm run bench -- --profile` (or `--profile publish`, `--profile big`).', '');

  const report = sections.join('\n');
  process.stdout.write('\n' + report);
  const out = value('--out') ?? (quick || clientOnly || onlyList ? undefined : path.join(__dirname, 'RESULTS.md'));
  if (out) {
    writeFileSync(out, report);
    progress(`wrote ${path.relative(process.cwd(), out)}`);
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
