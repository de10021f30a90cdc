// A thin wrapper over `redis-benchmark --csv`: runs it against a port and returns, per
// test, requests per second and the latency percentiles redis-benchmark 7 prints
// (avg, min, p50, p95, p99, max, in ms).
//
// Why redis-benchmark: it is the tool the field uses to measure Redis, so the numbers
// mean the same thing for our server as for redis-server, measured by the same client
// in the same run. Its CSV output is stable and easy to parse.

import { spawn } from 'node:child_process';
import { HOST, track } from './processes';

export interface BenchmarkRow {
  readonly test: string;
  readonly rps: number;
  readonly avgMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Splits one CSV line of quoted fields: `"SET","1234.5"` -> ['SET', '1234.5']. */
function fields(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"]|"")*)"|([^,]+)/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
  return out;
}

/** Parses redis-benchmark's CSV (header line, then one line per test). */
export function parseCsv(stdout: string): BenchmarkRow[] {
  const lines = stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('"'));
  if (lines.length === 0) return [];
  const header = fields(lines[0]);
  if (header[0] !== 'test') throw new Error(`unexpected redis-benchmark CSV header: ${lines[0]}`);
  const col = (name: string) => header.indexOf(name);
  const num = (row: string[], name: string) => (col(name) === -1 ? NaN : Number(row[col(name)]));
  return lines.slice(1).map((line) => {
    const row = fields(line);
    return {
      test: row[0],
      rps: num(row, 'rps'),
      avgMs: num(row, 'avg_latency_ms'),
      p50Ms: num(row, 'p50_latency_ms'),
      p95Ms: num(row, 'p95_latency_ms'),
      p99Ms: num(row, 'p99_latency_ms'),
      maxMs: num(row, 'max_latency_ms'),
    };
  });
}

/**
 * Runs `redis-benchmark -h 127.0.0.1 -p PORT --csv ...args` and returns its rows, keyed
 * by test name as redis-benchmark prints it (`SET`, `GET`, `publish ch hello`).
 */
export function redisBenchmark(port: number, args: readonly string[]): Promise<Map<string, BenchmarkRow>> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-benchmark', ['-h', HOST, '-p', String(port), '--csv', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    track(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    // Against a server without CONFIG, redis-benchmark warns "Could not fetch server
    // CONFIG" and carries on; that is expected here.
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`redis-benchmark ${args.join(' ')} exited ${code}: ${stderr.trim()}`));
      const rows = parseCsv(stdout);
      if (rows.length === 0) return reject(new Error(`redis-benchmark printed no results: ${stdout}${stderr}`));
      resolve(new Map(rows.map((row) => [row.test, row])));
    });
  });
}
