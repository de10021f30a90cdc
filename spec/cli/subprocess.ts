// Subprocess helpers for the CLI and example specs: they run the compiled JavaScript in
// dist/ with node, as a user would run it.
//
// ensureBuilt() makes sure dist/ is there and newer than the sources (`npm test` builds
// first, so usually there is nothing to do); two jest workers needing a build at once
// take turns through a lock directory, the loser waiting on a file-system event.
//
// Child wraps a running process: every wait (a line of output, the exit) is an event
// with a timeout, never a sleep, and a timeout says what was awaited and shows the
// output so far.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const WAIT_MS = 10_000;
const STALE_LOCK_MS = 5 * 60_000;

const OUTPUTS = ['dist/bin/cli.js', 'dist/src/cli/cli.js', 'dist/examples/hello-world.js', 'dist/examples/pub.js', 'dist/examples/sub.js', 'dist/examples/chat.js'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const sources = Math.max(newestSource(path.join(ROOT, 'src')), newestSource(path.join(ROOT, 'examples')));
  return OUTPUTS.every((out) => {
    const file = path.join(ROOT, out);
    return fs.existsSync(file) && fs.statSync(file).mtimeMs >= sources;
  });
}

function waitForRemoval(dir: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = fs.watch(path.dirname(dir), () => {
      if (!fs.existsSync(dir)) {
        watcher.close();
        resolve();
      }
    });
    if (!fs.existsSync(dir)) {
      watcher.close();
      resolve();
    }
  });
}

/** Builds dist/ (npm run build) unless it is already up to date. */
export async function ensureBuilt(): Promise<void> {
  if (isFresh()) return;
  const lock = path.join(ROOT, 'dist', '.build-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  try {
    // A lock left by a build that was killed is not waited on.
    if (Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS) fs.rmdirSync(lock);
  } catch {
    // no lock: fine
  }
  try {
    fs.mkdirSync(lock);
  } catch {
    await waitForRemoval(lock); // another worker is building
    return;
  }
  try {
    console.log('dist/ is missing or older than the sources: running `npm run build` first');
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) console.warn(`npm run build exited with ${build.status}:\n${build.stdout}${build.stderr}`);
  } finally {
    fs.rmdirSync(lock);
  }
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running node process, its output recorded as it arrives. */
export class Child {
  readonly process: ChildProcess;
  stdout = '';
  stderr = '';
  private readonly exit: Promise<Exit>;
  private readonly wakers = new Set<() => void>();
  /** Exited, and its output fully read. */
  private closed = false;

  constructor(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
    this.process = spawn(process.execPath, [path.join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stdout!.setEncoding('utf8').on('data', (text: string) => {
      this.stdout += text;
      this.wake();
    });
    this.process.stderr!.setEncoding('utf8').on('data', (text: string) => {
      this.stderr += text;
      this.wake();
    });
    this.exit = new Promise((resolve) => {
      this.process.once('close', (code, signal) => {
        this.closed = true;
        resolve({ code, signal, stdout: this.stdout, stderr: this.stderr });
        this.wake();
      });
    });
  }

  /** Resolves once `stream`'s output so far matches `pattern`. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, ms = WAIT_MS): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const match = this[stream].match(pattern);
        if (match) {
          finish();
          resolve(match);
        } else if (this.closed) {
          finish();
          reject(new Error(`process exited while waiting for ${pattern} on ${stream}; ${this.shown()}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out waiting for ${pattern} on ${stream}; ${this.shown()}`));
      }, ms);
      const finish = (): void => {
        clearTimeout(timer);
        this.wakers.delete(check);
      };
      this.wakers.add(check);
      check();
    });
  }

  /** Resolves when the process has exited (and its output is closed). */
  exited(ms = WAIT_MS): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for the process to exit; ${this.shown()}`)), ms);
    });
    return Promise.race([this.exit, timeout]).finally(() => clearTimeout(timer));
  }

  /** Kills the process if it is still running (afterAll / failure clean-up). */
  async kill(): Promise<void> {
    if (!this.closed) this.process.kill('SIGKILL');
    await this.exit;
  }

  private shown(): string {
    return `stdout so far: ${JSON.stringify(this.stdout)}, stderr so far: ${JSON.stringify(this.stderr)}`;
  }

  private wake(): void {
    for (const waker of [...this.wakers]) waker();
  }
}

/** Runs a script to completion. */
export function run(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, ms = WAIT_MS): Promise<Exit> {
  const child = new Child(script, args, env);
  child.process.stdin!.end();
  return child.exited(ms).catch(async (err: unknown) => {
    await child.kill();
    throw err;
  });
}
