// redis-benchmark (Redis 7's load generator) against our server: the tool DESIGN.md
// names for measuring us side by side with Redis, so it must run cleanly.
//
// Before benchmarking, redis-benchmark asks the server for `CONFIG GET save` and
// `CONFIG GET appendonly` (to warn about persistence skewing figures); a server that
// cannot answer gets "WARNING: Could not fetch server CONFIG" printed. Then 50 parallel
// connections hammer the server, with and without pipelining (-P), and with inline
// commands (PING_INLINE sends `PING\r\n`, not RESP).
//
// Only that the run completes and reports each test is asserted, never a figure:
// timings do not belong in tests. Each test also runs against a real redis-server, the
// control.
import { describeTargets, type CompatTarget } from '../support/compat-targets';
import { findTool, runTool, warnToolMissing, type ToolExit } from '../support/tool-process';

const BENCHMARK = findTool('redis-benchmark');
if (BENCHMARK === undefined) warnToolMissing('redis-benchmark compatibility', 'redis-benchmark', 'apt-get install redis-tools');
const describeBenchmark = BENCHMARK === undefined ? describe.skip : describe;

/** The result lines of a -q run: the progress lines are overwritten with "\r". */
function results(run: ToolExit): string[] {
  return run.stdout
    .split(/[\r\n]/)
    .map((line) => line.trim())
    .filter((line) => / requests per second/.test(line));
}

describeBenchmark(`redis-benchmark${BENCHMARK === undefined ? ' (skipped: redis-benchmark not installed)' : ''}`, () => {
  describeTargets('redis-benchmark against each server', (target: CompatTarget) => {
    const benchmark = (args: readonly string[]): Promise<ToolExit> =>
      runTool(BENCHMARK!, ['-h', target.host, '-p', String(target.port), ...args], { ms: 20_000 });

    test('-t set,get -n 2000 -q runs, reads the server CONFIG without a warning, reports both tests', async () => {
      const run = await benchmark(['-t', 'set,get', '-n', '2000', '-q']);
      expect(`${run.stdout}${run.stderr}`).not.toContain('WARNING');
      expect(run.code).toBe(0);
      expect(results(run).map((line) => line.replace(/[\d.]+/g, 'N'))).toEqual([
        'SET: N requests per second, pN=N msec',
        'GET: N requests per second, pN=N msec',
      ]);
    });

    test('pipelined (-P 16): inline and multibulk PING, INCR, MSET', async () => {
      const run = await benchmark(['-t', 'ping,incr,mset', '-n', '2000', '-P', '16', '-q']);
      expect(`${run.stdout}${run.stderr}`).not.toContain('WARNING');
      expect(run.code).toBe(0);
      expect(results(run).map((line) => line.split(':')[0])).toEqual(['PING_INLINE', 'PING_MBULK', 'INCR', 'MSET (10 keys)']);
    });
  });
});
