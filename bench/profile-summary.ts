// Reads a V8 .cpuprofile (written by `node --cpu-prof`) and prints where the time went:
// the top functions by SELF time (time spent in the function's own code, not in what it
// calls) with file:line, the same functions' inclusive time, and the split by area (our
// code, rxjs, Node internals, GC, V8 builtins, idle).
//
// Why self time: for a server under load, the question is "which lines burn the CPU",
// and self time answers it directly; inclusive time then says which of our functions the
// cost sits under (runBatch includes Db.set, which includes Buffer.from, ...).
// Locations in dist/*.js are mapped back to src/*.ts through the build's source maps,
// with Node's own SourceMap class, so the lines shown are the lines to edit.
//
// Usage: ts-node --transpile-only bench/profile-summary.ts <file.cpuprofile | dir> [--top N]
// (a directory means its newest .cpuprofile).

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownTable } from './lib/stats';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number; // 0-based
  readonly columnNumber: number; // 0-based
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const ROOT = path.resolve(__dirname, '..');

/** The newest .cpuprofile in `dir`. */
export function newestProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  return files[0];
}

// ---- locations, through source maps ------------------------------------------------------

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(file: string): SourceMap | null {
  if (!maps.has(file)) {
    let map: SourceMap | null = null;
    const mapFile = `${file}.map`;
    if (existsSync(mapFile)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
      } catch {
        map = null;
      }
    }
    maps.set(file, map);
  }
  return maps.get(file)!;
}

/** `src/protocol/request.ts:97` (mapped) or `node:net:123` or `(native)`. */
function location(frame: CallFrame): string {
  const { url, lineNumber, columnNumber } = frame;
  if (url === '') return '(native)';
  if (!url.startsWith('file://')) return `${url}:${lineNumber + 1}`;
  const file = fileURLToPath(url);
  const map = sourceMapFor(file);
  if (map !== null && lineNumber >= 0) {
    const entry = map.findEntry(lineNumber, Math.max(columnNumber, 0)) as {
      originalSource?: string;
      originalLine?: number;
    };
    if (entry.originalSource !== undefined && entry.originalLine !== undefined) {
      const source = entry.originalSource.startsWith('file://')
        ? fileURLToPath(entry.originalSource)
        : path.resolve(path.dirname(file), entry.originalSource);
      return `${path.relative(ROOT, source)}:${entry.originalLine + 1}`;
    }
  }
  return `${path.relative(ROOT, file)}:${lineNumber + 1}`;
}

function area(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8/native (program)';
  if (url === '') return 'V8 builtins / native';
  if (url.startsWith('node:')) return 'Node internals';
  if (url.includes('/node_modules/rxjs/')) return 'rxjs';
  if (url.includes('/node_modules/')) return 'other packages';
  if (url.includes('/dist/src/') || url.includes('/src/')) return 'mini-redis-rx';
  return 'other';
}

// ---- the summary ------------------------------------------------------------------------------

export interface Summary {
  readonly file: string;
  readonly totalMs: number;
  readonly busyMs: number;
  readonly text: string;
}

export function summarize(file: string, top = 15): Summary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const keyOf = (f: CallFrame) => `${f.functionName}|${f.url}|${f.lineNumber}|${f.columnNumber}`;

  // A sample's duration is the time until the next sample (as Chrome DevTools counts it).
  const { samples, timeDeltas } = profile;
  const duration = (i: number) => (i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0);

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const frames = new Map<string, CallFrame>();
  const areas = new Map<string, number>();
  // The distinct functions on each node's stack, computed once per node.
  const stackKeys = new Map<number, readonly string[]>();
  const keysOnStack = (id: number): readonly string[] => {
    let keys = stackKeys.get(id);
    if (keys === undefined) {
      const set = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const frame = byId.get(n)!.callFrame;
        if (frame.functionName !== '(root)') set.add(keyOf(frame));
      }
      keys = [...set];
      stackKeys.set(id, keys);
    }
    return keys;
  };

  let totalUs = 0;
  let idleUs = 0;
  for (let i = 0; i < samples.length; i++) {
    const us = duration(i);
    const node = byId.get(samples[i]);
    if (node === undefined) continue;
    const frame = node.callFrame;
    const key = keyOf(frame);
    frames.set(key, frame);
    totalUs += us;
    if (frame.functionName === '(idle)') idleUs += us;
    self.set(key, (self.get(key) ?? 0) + us);
    const a = area(frame);
    areas.set(a, (areas.get(a) ?? 0) + us);
    for (const k of keysOnStack(node.id)) total.set(k, (total.get(k) ?? 0) + us);
  }
  for (const node of profile.nodes) frames.set(keyOf(node.callFrame), node.callFrame);

  const busyUs = Math.max(totalUs - idleUs, 1);
  const pct = (us: number) => `${((100 * us) / busyUs).toFixed(1)}%`;
  const ms = (us: number) => (us / 1000).toFixed(0);
  const name = (f: CallFrame) => f.functionName || '(anonymous)';

  const topSelf = [...self.entries()]
    .filter(([k]) => frames.get(k)!.functionName !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  const selfTable = markdownTable(
    ['#', 'self ms', 'self %', 'incl. %', 'function', 'location', 'area'],
    topSelf.map(([k, us], i) => {
      const f = frames.get(k)!;
      return [String(i + 1), ms(us), pct(us), pct(total.get(k) ?? us), name(f), location(f), area(f)];
    }),
  );

  const ours = [...total.entries()]
    .filter(([k]) => area(frames.get(k)!) === 'mini-redis-rx')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  const inclusiveTable = markdownTable(
    ['#', 'incl. ms', 'incl. %', 'self %', 'function (our code)', 'location'],
    ours.map(([k, us], i) => {
      const f = frames.get(k)!;
      return [String(i + 1), ms(us), pct(us), pct(self.get(k) ?? 0), name(f), location(f)];
    }),
  );

  const areaTable = markdownTable(
    ['area', 'self ms', '% of busy time'],
    [...areas.entries()]
      .filter(([a]) => a !== 'idle')
      .sort((a, b) => b[1] - a[1])
      .map(([a, us]) => [a, ms(us), pct(us)]),
  );

  const text = [
    `Profile: ${path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file)}`,
    `Wall time sampled: ${ms(totalUs)} ms, busy (not idle): ${ms(busyUs)} ms (${((100 * busyUs) / Math.max(totalUs, 1)).toFixed(0)}%). ` +
      'Percentages are of busy time.',
    '',
    `### Top ${top} functions by self time`,
    '',
    selfTable,
    '',
    '### Time by area (self time)',
    '',
    areaTable,
    '',
    `### Our functions by inclusive time (top ${top})`,
    '',
    inclusiveTable,
    '',
  ].join('\n');
  return { file, totalMs: totalUs / 1000, busyMs: busyUs / 1000, text };
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const topAt = argv.indexOf('--top');
  const top = topAt === -1 ? 15 : Number(argv[topAt + 1]);
  const target = argv.find((a, i) => !a.startsWith('--') && (topAt === -1 || i !== topAt + 1)) ?? '/tmp/prof';
  const file = statSync(target).isDirectory() ? newestProfile(target) : target;
  process.stdout.write(summarize(file, top).text);
}
