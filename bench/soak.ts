// `npm run soak`: a bounded mixed workload against this project's server, watching its
// memory and responsiveness once a second, with pass/fail checks at the end.
//
//   npm run soak                     # 60 s, writes bench/SOAK.md
//   npm run soak -- --seconds 20     # shorter; prints only (unless --out FILE)
//
// Options: --seconds N (default 60), --warmup N (default a quarter of the run, at most
// 15 s), --rss-tolerance F (default 0.2: the end RSS may be at most 20% above the
// warm-up RSS), --max-ping-ms N (default 1000), --out FILE.
//
// What runs, all at once, on loopback (see lib/soak-workloads.ts):
// - redis-benchmark SET/GET, 20 clients, alternating -P 1 and -P 16 (if installed);
// - pub/sub fan-out: 16 SUBSCRIBE + 4 PSUBSCRIBE subscribers, 4 paced publishers, every
//   message checked (no loss, no duplicate, in order, every PUBLISH counts everyone);
// - connection churn: 4 workers each opening 40 connections a second (SETNAME, SET, GET,
//   INCR, then QUIT / half-close / close / reset);
// - hostile clients: malformed requests (Redis's exact replies and closes checked),
//   random bytes, clients vanishing mid-frame, mid-reply and while subscribed, and two
//   slow readers at a time pipelining GETs of 16 kB without ever reading.
//
// How it measures, and why:
// - The server is the real binary (`node dist/bin/server.js --port 0`) in its own
//   process, so its RSS (VmRSS from /proc/<pid>/status) is its own and nothing of the
//   load generator's.
// - Event-loop delay: the server doesn't expose it, so it is felt from outside, as the
//   round trip of a PING sent 10 times a second by a dedicated idle client in a worker
//   thread (lib/ping-probe.ts); each line shows that second's worst round trip.
// - "Flat after warm-up": the RSS at the end of the warm-up (median of its last 3
//   samples) against the RSS at the end (median of the last 3 samples of the load).
//
// Checks (the exit status is 1 if any fails): no errors from any workload (hostile
// clients being thrown out or reset are expected and only counted); RSS flat; PING round
// trips under the bound; the server never exits; afterwards, no client, subscription or
// pattern left behind in the server, and a clean shutdown (exit 0) on SIGINT; no crash
// signature (uncaught exception, stack trace) in the server's log.

import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { ProbeMessage, ProbeOptions } from './lib/ping-probe';
import { HOST, ROOT, installed, killAll, redisVersion, rssBytes, startOurs } from './lib/processes';
import { RespClient, RespError, type Reply } from './lib/resp';
import {
  Counters,
  FANOUT_CHANNEL,
  PubSub,
  Run,
  Tally,
  VANISH_CHANNEL,
  benchmarkLoop,
  churnLoop,
  hostileLoop,
  setup,
  slowReaderLoop,
  type BenchmarkRun,
  type Context,
} from './lib/soak-workloads';
import { fmt, fmtInt, median } from './lib/stats';

// ---- options --------------------------------------------------------------------------

const argv = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
}
function numberOption(name: string, fallback: number, check: (n: number) => boolean): number {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!check(n)) throw new Error(`${name}: invalid value ${raw}`);
  return n;
}
const SECONDS = numberOption('--seconds', 60, (n) => Number.isInteger(n) && n >= 5);
const WARMUP = numberOption('--warmup', Math.min(15, Math.floor(SECONDS / 4)), (n) => Number.isInteger(n) && n >= 3 && n < SECONDS - 2);
const RSS_TOLERANCE = numberOption('--rss-tolerance', 0.2, (n) => n >= 0);
const MAX_PING_MS = numberOption('--max-ping-ms', 1000, (n) => n > 0);
/** A short run is a try-out: it doesn't overwrite the recorded 60-second result. */
const OUT = option('--out') ?? (SECONDS >= 60 ? path.join(ROOT, 'bench', 'SOAK.md') : undefined);

const PUBSUB = { channelSubscribers: 16, patternSubscribers: 4, publishers: 4, rate: 250, batch: 25 } as const;
const CHURN = { workers: 4, perSecond: 40 } as const;
const HOSTILE = { lanes: 2, pauseMs: 50, slowReaders: 2, holdMs: 3000 } as const;
const PROBE_INTERVAL_MS = 100;

// ---- output: printed as it comes, and kept for bench/SOAK.md ---------------------------

const output: string[] = [];
function out(line = ''): void {
  process.stdout.write(`${line}\n`);
  output.push(line);
}
/** A line for bench/SOAK.md only (the code fences that keep the table's columns). */
function fileOnly(line: string): void {
  output.push(line);
}

const MB = 1024 * 1024;
const mb = (bytes: number) => fmt(bytes / MB, 1);

// ---- per-second samples ---------------------------------------------------------------

interface Sample {
  readonly t: number;
  readonly rss: number;
  readonly used: number;
  readonly pingMaxMs: number;
  readonly pings: number;
  readonly commands: number;
  readonly connections: number;
  readonly clients: number;
  readonly counters: Counters;
}

/** `INFO` as a field map (`connected_clients` -> `5`). */
function infoFields(reply: Reply): Map<string, string> {
  const text = Buffer.isBuffer(reply) ? reply.toString('latin1') : typeof reply === 'string' ? reply : '';
  const fields = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  return fields;
}

const COLUMNS = ['t s', 'RSS MB', 'used MB', 'PING max ms', 'cmds/s', 'conns/s', 'clients', 'published/s', 'delivered/s', 'churn/s', 'hostile'];
const WIDTHS = [5, 7, 8, 12, 9, 8, 8, 12, 12, 8, 8];
const row = (cells: readonly string[]) => cells.map((c, i) => c.padStart(WIDTHS[i])).join(' ');

// ---- the server's log -------------------------------------------------------------------

const NORMAL_LOG = /listening on|received: shutting down|shutdown complete/;
const CRASH_LOG = /uncaught|unhandled|TypeError|RangeError|ReferenceError|FATAL|out of memory|server error|^\s+at .+:\d+:\d+\)?$/i;

function logCollector(stream: NodeJS.ReadableStream, into: string[]): void {
  let partial = '';
  stream.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') into.push(line);
  });
}

// ---- main ---------------------------------------------------------------------------------

async function main(): Promise<number> {
  const haveBenchmark = installed('redis-benchmark');
  out('# Soak test');
  out();
  out(`- Date: ${new Date().toISOString()}`);
  out(`- Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${os.platform()} ${os.release()}; load average ${os.loadavg().map((l) => l.toFixed(2)).join('/')}`);
  out(`- node ${process.version}; redis-benchmark ${haveBenchmark ? `from redis ${redisVersion() ?? '(version unknown)'}` : 'not installed (SET/GET load skipped)'}`);
  out(`- Run: ${SECONDS} s, warm-up ${WARMUP} s; checks: RSS at the end ≤ warm-up RSS + ${fmt(RSS_TOLERANCE * 100, 0)}%, PING round trip ≤ ${MAX_PING_MS} ms`);
  out('- Server: `node dist/bin/server.js --port 0 --log-level info`, a subprocess; RSS = VmRSS from /proc/<pid>/status; "used" = INFO used_memory (V8 heap + Buffers)');
  out(`- Event-loop delay: felt from outside as the round trip of a PING from a dedicated idle client (a worker thread), every ${PROBE_INTERVAL_MS} ms; the column is each second's worst`);
  out(
    `- Load: redis-benchmark SET/GET (20 clients, -P 1 and -P 16 alternating, 10,000 keys, 100 B), ` +
      `pub/sub ${PUBSUB.channelSubscribers}+${PUBSUB.patternSubscribers} subscribers × ${PUBSUB.publishers} publishers at ${PUBSUB.rate} msg/s each, ` +
      `churn ${CHURN.workers}×${CHURN.perSecond} connections/s, hostile: ${HOSTILE.lanes} lanes of malformed/random/vanishing clients + ${HOSTILE.slowReaders} slow readers`,
  );
  out();

  const server = await startOurs();
  const stdoutLog: string[] = [];
  const stderrLog: string[] = [];
  logCollector(server.child.stdout!, stdoutLog);
  logCollector(server.child.stderr!, stderrLog);
  let serverExit: string | undefined;
  const run = new Run();
  server.child.once('exit', (code, signal) => {
    if (!run.stopped) {
      serverExit = `server exited during the soak (code ${code}, signal ${signal})`;
      run.stop();
    }
  });

  const tally = new Tally();
  const counters = new Counters();
  const ctx: Context = { port: server.port, run, tally, counters };
  await setup(server.port);

  // The latency probe.
  const rtts: number[] = [];
  let secondRtts: number[] = [];
  const probe = new Worker(path.join(__dirname, 'lib', 'ping-probe.ts'), {
    workerData: { host: HOST, port: server.port, intervalMs: PROBE_INTERVAL_MS } satisfies ProbeOptions,
    execArgv: ['--require', 'ts-node/register/transpile-only'],
  });
  const probeReady = new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.on('message', (m: ProbeMessage) => {
      if (m.kind === 'ready') resolve();
      else if (m.kind === 'rtt') {
        rtts.push(m.ms);
        secondRtts.push(m.ms);
      } else if (!run.stopped) tally.error('latency probe', m.message);
    });
  });
  await probeReady;

  const stats = await RespClient.connect(server.port);
  const loadGenDelay = monitorEventLoopDelay({ resolution: 10 });
  loadGenDelay.enable();

  // The workloads.
  const benchRuns: BenchmarkRun[] = [];
  const guard = (name: string, task: Promise<void>) => task.catch((err: Error) => tally.error(`${name}: workload crashed`, err.message));
  const tasks: Promise<void>[] = [];
  if (haveBenchmark) tasks.push(guard('redis-benchmark', benchmarkLoop(ctx, benchRuns)));
  const { pubsub, done: publishersDone } = await PubSub.start(ctx, PUBSUB);
  tasks.push(guard('pub/sub', publishersDone));
  for (let w = 0; w < CHURN.workers; w++) tasks.push(guard('churn', churnLoop(ctx, w, CHURN.perSecond)));
  for (let lane = 0; lane < HOSTILE.lanes; lane++) tasks.push(guard('hostile', hostileLoop(ctx, lane, HOSTILE.pauseMs)));
  for (let s = 0; s < HOSTILE.slowReaders; s++) tasks.push(guard('slow reader', slowReaderLoop(ctx, HOSTILE.holdMs)));

  // Once a second: RSS, INFO, the second's PINGs, the workloads' counters.
  fileOnly('```text');
  out(row(COLUMNS));
  const samples: Sample[] = [];
  const started = Date.now();
  let previous = { at: started, commands: 0, connections: 0, counters: { ...counters } };
  for (let t = 1; t <= SECONDS && !run.stopped; t++) {
    await run.sleep(started + t * 1000 - Date.now());
    if (run.stopped) break;
    let rss: number;
    let info: Map<string, string>;
    try {
      rss = rssBytes(server.pid);
      info = infoFields(await stats.command('INFO'));
    } catch (err) {
      tally.error('sampling failed', (err as Error).message);
      break;
    }
    const now = Date.now();
    const seconds = (now - previous.at) / 1000;
    const commands = Number(info.get('total_commands_processed'));
    const connections = Number(info.get('total_connections_received'));
    const sample: Sample = {
      t,
      rss,
      used: Number(info.get('used_memory')),
      pingMaxMs: secondRtts.length > 0 ? Math.max(...secondRtts) : NaN,
      pings: secondRtts.length,
      commands,
      connections,
      clients: Number(info.get('connected_clients')),
      counters: { ...counters },
    };
    secondRtts = [];
    samples.push(sample);
    const rate = (now: number, before: number) => fmtInt((now - before) / seconds);
    out(
      row([
        String(t),
        mb(rss),
        mb(sample.used),
        fmt(sample.pingMaxMs, 1),
        rate(commands, previous.commands),
        rate(connections, previous.connections),
        String(sample.clients),
        rate(counters.published, previous.counters.published),
        rate(counters.delivered, previous.counters.delivered),
        rate(counters.churnConnections, previous.counters.churnConnections),
        String(counters.hostileEpisodes),
      ]),
    );
    previous = { at: now, commands, connections, counters: { ...counters } };
  }

  fileOnly('```');

  // Stop the load, let every workload finish its step, check deliveries.
  run.stop();
  const settled = await Promise.race([
    Promise.all(tasks).then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000)),
  ]);
  if (!settled) tally.error('workloads did not stop within 20 s', 'a request is probably hanging');
  await pubsub.finish();
  loadGenDelay.disable();

  probe.postMessage('stop');
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => void probe.terminate().then(() => resolve()), 5000);
    probe.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });

  // Leak checks: nothing of the soak's clients may be left in the server.
  const leaks: string[] = [];
  let clientsAfter = NaN;
  let idleRss = NaN;
  let dbsize: Reply = null;
  if (serverExit === undefined) {
    try {
      const deadline = Date.now() + 5000;
      for (;;) {
        clientsAfter = Number(infoFields(await stats.command('INFO', 'clients')).get('connected_clients'));
        if (clientsAfter === 1 || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      if (clientsAfter !== 1) leaks.push(`connected_clients is ${clientsAfter} after every soak client closed (expected 1, the checker)`);
      const numsub = await stats.command('PUBSUB', 'NUMSUB', FANOUT_CHANNEL, VANISH_CHANNEL);
      if (!Array.isArray(numsub) || numsub[1] !== 0 || numsub[3] !== 0) leaks.push(`PUBSUB NUMSUB ${FANOUT_CHANNEL} ${VANISH_CHANNEL}: ${JSON.stringify(numsub)}`);
      const numpat = await stats.command('PUBSUB', 'NUMPAT');
      if (numpat !== 0) leaks.push(`PUBSUB NUMPAT: ${numpat instanceof RespError ? numpat.message : String(numpat)} (expected 0)`);
      dbsize = await stats.command('DBSIZE');
      idleRss = rssBytes(server.pid);
      await stats.quit();
    } catch (err) {
      leaks.push(`checking for leftovers failed: ${(err as Error).message}`);
      stats.destroy();
    }
  }

  // Clean shutdown.
  let shutdown: string;
  let shutdownOk = false;
  if (serverExit === undefined) {
    const t0 = Date.now();
    const code = await server.stop();
    shutdownOk = code === 0;
    shutdown = `SIGINT -> exit ${code} in ${Date.now() - t0} ms`;
  } else shutdown = serverExit;
  await new Promise((r) => setTimeout(r, 50)); // let the last log lines arrive

  // ---- summary ----
  const warm = samples.filter((s) => s.t > WARMUP - 3 && s.t <= WARMUP);
  const tail = samples.slice(-3);
  const warmRss = median(warm.map((s) => s.rss));
  const endRss = median(tail.map((s) => s.rss));
  const after = samples.filter((s) => s.t > WARMUP);
  const maxAfter = Math.max(...after.map((s) => s.rss));
  const growth = endRss / warmRss - 1;
  const slope = slopePerMinute(after.map((s) => [s.t, s.rss / MB]));
  const sorted = [...rtts].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  const maxPing = sorted.length > 0 ? sorted[sorted.length - 1] : NaN;
  const crashLines = [...stdoutLog, ...stderrLog].filter((l) => CRASH_LOG.test(l));
  const otherLog = [...stdoutLog, ...stderrLog].filter((l) => !NORMAL_LOG.test(l));

  out();
  out('## Summary');
  out();
  out(`- Duration: ${samples.length} s of load (${WARMUP} s warm-up)`);
  if (haveBenchmark) {
    const perTest = (p: number, test: string) => {
      const rps = benchRuns.filter((r) => r.pipeline === p).flatMap((r) => r.rows.filter((x) => x.test === test).map((x) => x.rps));
      return rps.length === 0 ? 'n/a' : `${fmtInt(median(rps))} req/s`;
    };
    out(
      `- redis-benchmark: ${benchRuns.length} complete runs (the one cut by the end not counted); median SET/GET ` +
        `-P 1 ${perTest(1, 'SET')} / ${perTest(1, 'GET')}, -P 16 ${perTest(16, 'SET')} / ${perTest(16, 'GET')}`,
    );
  }
  out(`- Pub/sub: ${fmtInt(counters.published)} messages published, ${fmtInt(counters.delivered)} delivered (${PUBSUB.channelSubscribers + PUBSUB.patternSubscribers} subscribers each), every one checked`);
  out(`- Churn: ${fmtInt(counters.churnConnections)} connections opened, used and closed`);
  out(`- Hostile: ${fmtInt(counters.hostileEpisodes)} episodes; slow readers pipelined ${fmtInt(counters.slowReaderGets)} GETs of 16 kB without reading`);
  out(`- Server totals: ${fmtInt(samples.at(-1)?.commands ?? NaN)} commands, ${fmtInt(samples.at(-1)?.connections ?? NaN)} connections; DBSIZE after: ${String(dbsize)}`);
  out(
    `- RSS: ${mb(samples[0]?.rss ?? NaN)} MB at 1 s, ${mb(warmRss)} MB at warm-up (${WARMUP} s), ${mb(endRss)} MB at the end ` +
      `(${growth >= 0 ? '+' : ''}${fmt(growth * 100, 1)}%), max after warm-up ${mb(maxAfter)} MB, trend after warm-up ${slope >= 0 ? '+' : ''}${fmt(slope, 1)} MB/min; ${mb(idleRss)} MB idle after the load`,
  );
  out(`- RSS by 10 s window (min–max MB): ${windows(samples).join(', ')}`);
  const maxPingAfter = Math.max(...after.map((s) => s.pingMaxMs).filter(Number.isFinite));
  out(
    `- PING round trip (${fmtInt(rtts.length)} PINGs): p50 ${fmt(pct(50), 2)} ms, p99 ${fmt(pct(99), 2)} ms, ` +
      `max ${fmt(maxPing, 1)} ms (max after warm-up ${fmt(maxPingAfter, 1)} ms)`,
  );
  out(`- The load generator's own event-loop delay (for context): p99 ${fmt(loadGenDelay.percentile(99) / 1e6, 1)} ms, max ${fmt(loadGenDelay.max / 1e6, 1)} ms`);
  out(`- Expected hostile outcomes (${fmtInt(tally.expectedCount)}): ${[...tally.expected].sort().map(([k, n]) => `${k} ${fmtInt(n)}`).join('; ') || 'none'}`);
  out(`- Errors (${tally.errorCount}): ${tally.errorCount === 0 ? 'none' : ''}`);
  for (const [kind, { count, example }] of tally.errors) out(`  - ${kind} ×${count}: ${example}`);
  out(`- Server log: ${otherLog.length === 0 ? 'nothing but the start and shutdown lines' : `${otherLog.length} other lines`}`);
  for (const [line, n] of groupLines(otherLog).slice(0, 10)) out(`  - ×${n} ${line}`);
  out(`- Leftovers after the load: ${leaks.length === 0 ? 'none (connected_clients back to 1, no subscription, no pattern)' : leaks.join('; ')}`);
  out(`- Shutdown: ${shutdown}`);

  const checks: [string, boolean][] = [
    ['server up for the whole soak', serverExit === undefined],
    ['no errors', tally.errorCount === 0],
    [`RSS flat after warm-up (end ≤ warm-up + ${fmt(RSS_TOLERANCE * 100, 0)}%)`, Number.isFinite(growth) && growth <= RSS_TOLERANCE],
    [`PING round trip ≤ ${MAX_PING_MS} ms`, Number.isFinite(maxPing) && maxPing <= MAX_PING_MS],
    ['every workload made progress', counters.published > 0 && counters.churnConnections > 0 && counters.hostileEpisodes > 0 && (!haveBenchmark || benchRuns.length > 0)],
    ['nothing left behind', leaks.length === 0],
    ['clean shutdown (exit 0)', shutdownOk],
    ['no crash in the server log', crashLines.length === 0],
  ];
  out();
  for (const [name, ok] of checks) out(`- ${ok ? 'PASS' : 'FAIL'} ${name}`);
  const passed = checks.every(([, ok]) => ok);
  out();
  out(passed ? 'SOAK PASSED' : 'SOAK FAILED');

  if (OUT !== undefined) {
    const command = `npm run soak${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
    writeFileSync(OUT, `<!-- written by \`${command}\` (bench/soak.ts) -->\n\n${output.join('\n')}\n`);
    process.stderr.write(`[soak] written to ${path.relative(ROOT, OUT)}\n`);
  } else process.stderr.write('[soak] runs shorter than 60 s are not written to bench/SOAK.md (use --out FILE)\n');
  return passed ? 0 : 1;
}

/** Least-squares slope of (seconds, MB) points, in MB per minute. */
function slopePerMinute(points: readonly [number, number][]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? NaN : (num / den) * 60;
}

function windows(samples: readonly Sample[]): string[] {
  const out: string[] = [];
  for (let from = 0; from < samples.length; from += 10) {
    const w = samples.slice(from, from + 10).map((s) => s.rss / MB);
    out.push(`${from}–${from + w.length} s ${fmt(Math.min(...w), 0)}–${fmt(Math.max(...w), 0)}`);
  }
  return out;
}

/** Log lines grouped with numbers (ports, ids) masked, most frequent first. */
function groupLines(lines: readonly string[]): [string, number][] {
  const groups = new Map<string, number>();
  for (const line of lines) {
    const key = line.replace(/\d+/g, '#').slice(0, 160);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

main().then(
  (code) => {
    killAll();
    process.exit(code);
  },
  (err: Error) => {
    process.stderr.write(`[soak] ${err.stack ?? err.message}\n`);
    killAll();
    process.exit(1);
  },
);
