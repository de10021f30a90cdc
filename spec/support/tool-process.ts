// Runs Redis's own command-line tools (redis-cli, redis-benchmark) as subprocesses, the
// way a user runs them: through pipes, or under a pseudo-terminal (`script`), since
// redis-cli formats its output differently when it writes to a terminal.
//
// Always asynchronous: our server runs inside the test process, so a synchronous
// spawn would freeze the very server the tool is talking to. Every wait (some output,
// the exit) is an event with a timeout, never a sleep, and a timeout shows the output
// so far.
//
// ToolProcess is also the base of spec/cli/subprocess.ts's Child, which runs this
// project's own compiled scripts with node: one way of running and watching a process.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const TOOL_WAIT_MS = 10_000;

/** The path of `name` on PATH, or undefined (synchronous, so a spec can decide at load time). */
export function findTool(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Says loudly that `what` is skipped because `tool` is not installed (see warnRedisMissing). */
export function warnToolMissing(what: string, tool: string, install: string): void {
  const notice = `${what}: SKIPPED: ${tool} is not installed (not found on PATH); install it (${install}) to run these tests.`;
  console.warn(notice);
  process.stderr.write(`${notice}\n`);
}

export interface ToolExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ToolOptions {
  /** Written to its stdin, which is then closed; without it stdin stays open for the caller. */
  readonly input?: string | Buffer;
  /** Added to this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** How its output is decoded: latin1 (the default) keeps every byte as one char. */
  readonly encoding?: BufferEncoding;
  /** The first signal kill() sends (default SIGTERM, then SIGKILL if it lingers). */
  readonly killSignal?: NodeJS.Signals;
}

/** A running tool, its output recorded as it arrives. */
export class ToolProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private readonly exit: Promise<ToolExit>;
  private readonly wakers = new Set<() => void>();
  private ended = false;
  private readonly killSignal: NodeJS.Signals;

  constructor(
    readonly command: string,
    readonly args: readonly string[],
    options: ToolOptions = {},
  ) {
    this.killSignal = options.killSignal ?? 'SIGTERM';
    this.child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const encoding = options.encoding ?? 'latin1';
    this.child.stdout!.setEncoding(encoding).on('data', (text: string) => {
      this.stdout += text;
      this.wake();
    });
    this.child.stderr!.setEncoding(encoding).on('data', (text: string) => {
      this.stderr += text;
      this.wake();
    });
    // A tool that exits before reading all its input is not an error of ours.
    this.child.stdin!.on('error', () => undefined);
    if (options.input !== undefined) this.child.stdin!.end(options.input);
    this.exit = new Promise((resolve) => {
      this.child.once('error', (err) => {
        this.stderr += `spawn failed: ${err.message}`;
      });
      this.child.once('close', (code, signal) => {
        this.ended = true;
        resolve({ code, signal, stdout: this.stdout, stderr: this.stderr });
        this.wake();
      });
    });
  }

  /** Resolves once the output so far on `stream` matches `pattern`. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, ms = TOOL_WAIT_MS): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const match = this[stream].match(pattern);
        if (match) {
          finish();
          resolve(match);
        } else if (this.ended) {
          finish();
          reject(new Error(`${this.describe()} exited while we waited for ${pattern} on ${stream}; ${this.shown()}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${ms} ms waiting for ${pattern} on ${stream} of ${this.describe()}; ${this.shown()}`));
      }, ms);
      const finish = (): void => {
        clearTimeout(timer);
        this.wakers.delete(check);
      };
      this.wakers.add(check);
      check();
    });
  }

  /** Resolves when the process has exited and its output is read. */
  exited(ms = TOOL_WAIT_MS): Promise<ToolExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${this.describe()} to exit; ${this.shown()}`)), ms);
    });
    return Promise.race([this.exit, timeout]).finally(() => clearTimeout(timer));
  }

  /** Ends the process (its kill signal, then SIGKILL) and waits for it. */
  async kill(): Promise<ToolExit> {
    if (!this.ended) this.child.kill(this.killSignal);
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    try {
      return await this.exit;
    } finally {
      clearTimeout(killer);
    }
  }

  private describe(): string {
    return [path.basename(this.command), ...this.args].join(' ');
  }

  private shown(): string {
    return `stdout so far: ${JSON.stringify(this.stdout)}, stderr so far: ${JSON.stringify(this.stderr)}`;
  }

  private wake(): void {
    for (const waker of [...this.wakers]) waker();
  }
}

/** Runs a tool to completion with its output going to pipes; `input` is its stdin (empty by default). */
export async function runTool(
  command: string,
  args: readonly string[],
  options: ToolOptions & { ms?: number } = {},
): Promise<ToolExit> {
  const tool = new ToolProcess(command, args, { ...options, input: options.input ?? '' });
  try {
    return await tool.exited(options.ms);
  } catch (err) {
    await tool.kill();
    throw err;
  }
}

/** Quotes one word for sh. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs a tool under a pseudo-terminal (util-linux `script`), so that it sees a tty on
 * stdout as in a user's shell. The terminal turns "\n" into "\r\n"; the output is
 * given back with "\n" so it compares with the piped form.
 */
export async function runInTerminal(command: string, args: readonly string[], ms?: number): Promise<ToolExit> {
  const script = findTool('script');
  if (script === undefined) throw new Error('script (util-linux) is not installed');
  const line = [command, ...args].map(shellQuote).join(' ');
  // -q: no "Script started" banner; -e: exit with the command's status; /dev/null: keep no typescript file.
  const result = await runTool(script, ['-qec', line, '/dev/null'], { ms });
  return { ...result, stdout: result.stdout.replace(/\r\n/g, '\n') };
}
