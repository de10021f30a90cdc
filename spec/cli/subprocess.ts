// Subprocess helpers for the CLI and example specs: they run the compiled JavaScript in
// dist/ with node, as a user would run it.
//
// ensureBuilt() makes sure dist/ is there and newer than the sources (`npm test` builds
// first, so usually there is nothing to do); two jest workers needing a build at once
// take turns through a lock directory, the loser waiting on a file-system event.
//
// Child wraps a running script: it is spec/support/tool-process.ts's ToolProcess (every
// wait, for a line of output or the exit, is an event with a timeout, never a sleep,
// and a timeout says what was awaited and shows the output so far) started as
// `node <script>` from the project root.

import { type ChildProcess, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTool, TOOL_WAIT_MS, ToolProcess, type ToolExit, type ToolOptions } from '../support/tool-process';

export const ROOT = path.resolve(__dirname, '..', '..');
export const WAIT_MS = TOOL_WAIT_MS;
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

export type Exit = ToolExit;

/** Node with one of the project's scripts, run from the project root. */
function nodeScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv): [string, string[], ToolOptions] {
  // utf8: these scripts print text (a user's messages), not raw bytes; SIGKILL: the
  // clean-up of a test need not wait for a graceful exit.
  return [process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, env, encoding: 'utf8', killSignal: 'SIGKILL' }];
}

/** A running node script, its output recorded as it arrives (see ToolProcess). */
export class Child extends ToolProcess {
  constructor(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
    super(...nodeScript(script, args, env));
  }

  /** The node process itself (to signal it, or write to its stdin). */
  get process(): ChildProcess {
    return this.child;
  }
}

/** Runs a script to completion (stdin empty and closed). */
export function run(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, ms = WAIT_MS): Promise<Exit> {
  const [command, commandArgs, options] = nodeScript(script, args, env);
  return runTool(command, commandArgs, { ...options, ms });
}
