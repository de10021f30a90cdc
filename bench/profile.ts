// `npm run bench -- --profile`: a CPU profile of this server under the pipelined
// (-P 16) SET/GET load, the case where the server's own per-command code — framing,
// decoding, dispatch, reply encoding, writing — is the bottleneck rather than syscalls.
// `npm run bench -- --profile publish`: the same under PUBLISH fan-out to 50 raw
// subscribers (redis-benchmark -c 10 publish ch hello), the per-message delivery path.
// `npm run bench -- --profile big`: SET of 100 kB values (redis-benchmark -c 10 -d
// 100000), the large-value path (framing across chunks, copies).
//
// It starts `node --cpu-prof --cpu-prof-dir=DIR dist/src/cli/server.js`, runs the load
// against it, stops it with SIGINT (the server exits 0, and node writes the profile on
// exit), then summarizes the profile with profile-summary.ts and writes the summary to
// bench/PROFILE.md (bench/PROFILE-publish.md, bench/PROFILE-big.md). DIR is /tmp/prof, or BENCH_PROF_DIR.
// `npm run bench -- --profile types`: redis-benchmark's data-type tests (issue 11) at -P 16,
// the nine simple ones by default, or those named by --tests (e.g. `--tests lrange_600`),
// at another depth with --pipeline N; written to bench/PROFILE-types.md.
// With --quick: fewer requests, and the .md files are left alone.

import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVER_MODULES_JS, installed, startOurs } from './lib/processes';
import { redisBenchmark } from './lib/redis-benchmark';
import { fmt, fmtInt, progress } from './lib/stats';
import { Subscribers } from './lib/subscribers';
import { newestProfile, summarize } from './profile-summary';

export interface ProfileOptions {
  readonly quick: boolean;
  readonly scenario: 'pipelined' | 'publish' | 'big' | 'types';
  /** For `types`: redis-benchmark's -t list (default: the nine simple data-type tests). */
  readonly tests?: string;
  /** For `types`: -P (default 16). */
  readonly pipeline?: number;
}

export async function runProfile(options: ProfileOptions): Promise<void> {
  if (!installed('redis-benchmark')) throw new Error('--profile needs redis-benchmark, which is not installed');
  const dir = process.env.BENCH_PROF_DIR ?? '/tmp/prof';
  mkdirSync(dir, { recursive: true });
  const publish = options.scenario === 'publish';
  const scenarios = {
    pipelined: {
      n: options.quick ? 200_000 : 1_000_000,
      args: (n: number) => ['-c', '50', '-P', '16', '-t', 'set,get', '-n', String(n)],
      title: 'redis-benchmark -P 16 SET/GET',
      out: 'PROFILE.md',
    },
    publish: {
      n: options.quick ? 2_000 : 20_000,
      args: (n: number) => ['-c', '10', '-n', String(n), 'publish', 'ch', 'hello'],
      title: 'PUBLISH ch hello to 50 subscribers (redis-benchmark -c 10)',
      out: 'PROFILE-publish.md',
    },
    big: {
      n: options.quick ? 2_000 : 20_000,
      args: (n: number) => ['-c', '10', '-d', '100000', '-t', 'set', '-n', String(n)],
      title: 'SET of 100 kB values (redis-benchmark -c 10 -d 100000)',
      out: 'PROFILE-big.md',
    },
    types: {
      n: (/lrange/.test(options.tests ?? '') ? 50_000 : 500_000) / (options.quick ? 5 : 1),
      args: (n: number) => [
        '-c', '50', '-P', String(options.pipeline ?? 16),
        '-t', options.tests ?? 'lpush,rpush,lpop,rpop,sadd,hset,spop,zadd,zpopmin',
        '-n', String(n),
      ],
      title: `redis-benchmark data-type tests (${options.tests ?? 'lpush ... zpopmin'}, -P ${options.pipeline ?? 16})`,
      out: 'PROFILE-types.md',
    },
  };
  const scenario = scenarios[options.scenario];
  const n = scenario.n;
  const args = scenario.args(n);
  const title = scenario.title;

  // The per-module build, not the bundle: the profile's frames then name our source files.
  const server = await startOurs({ nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`], script: SERVER_MODULES_JS });
  progress(`profiling mini-redis-rx (pid ${server.pid}, port ${server.port}): redis-benchmark ${args.join(' ')}`);
  let rows;
  let delivered = '';
  try {
    const subs = publish ? await Subscribers.open(server.port, 50, 'ch', 'hello') : undefined;
    const started = process.hrtime.bigint();
    rows = await redisBenchmark(server.port, args);
    if (subs) {
      const ms = await subs.waitFor(n, started);
      delivered = `; ${fmtInt(subs.total)}/${fmtInt(50 * n)} messages delivered, ${fmtInt(subs.total / (ms / 1000))} msg/s`;
      subs.close();
    }
  } finally {
    const code = await server.stop();
    progress(`server stopped with SIGINT, exit code ${code}`);
  }
  const load =
    [...rows.values()].map((r) => `${r.test} ${fmtInt(r.rps)} req/s (p50 ${fmt(r.p50Ms, 3)} ms)`).join(', ') + delivered;
  progress(`under profiling: ${load}`);

  const file = newestProfile(dir);
  const summary = summarize(file, 15);
  const report = [
    `# CPU profile: mini-redis-rx under ${title}`,
    '',
    `- Date: ${new Date().toISOString()}; node ${process.version}; ${os.cpus().length} CPUs; ` +
      `load average ${os.loadavg().map((l) => l.toFixed(2)).join('/')}`,
    `- Load: \`redis-benchmark ${args.join(' ')}\` → ${load} (the profiler itself costs some throughput)`,
    `- Profile file: ${file}`,
    '',
    summary.text,
  ].join('\n');
  process.stdout.write('\n' + report);
  if (options.quick) return progress('quick mode: the PROFILE .md file was left as it was');
  const out = path.join(__dirname, scenario.out);
  writeFileSync(out, report);
  progress(`wrote ${path.relative(process.cwd(), out)}`);
}
