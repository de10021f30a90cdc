// Runs the compiled `mini-redis-server` binary as a child process, the way a user runs
// it, and waits (on its log output, never on a timer) until it is listening.

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
// The bundled binary that package.json's `bin` points at: what `npx mini-redis-server` runs.
export const SERVER_BIN = join(ROOT, 'dist', 'bin', 'server.js');

/** `npm test` builds first; running one spec file alone needs `npm run build` once. */
export function assertBuilt(): void {
  if (!existsSync(SERVER_BIN)) throw new Error(`${SERVER_BIN} is missing: run \`npm run build\` first (npm test does).`);
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

export function startServerProcess(args: string[] = [], timeoutMs = 10000): Promise<ServerProcess> {
  assertBuilt();
  const child = spawn(process.execPath, [SERVER_BIN, '--port', '0', ...args], {
    env: { ...process.env, LOG_LEVEL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not report listening within ${timeoutMs} ms; output:\n${output}`));
    }, timeoutMs);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on [^\s]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), output: () => output, exited });
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening; output:\n${output}`));
    });
  });
}
