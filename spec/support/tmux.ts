// Drives an interactive terminal program (redis-cli's prompt) through tmux: a detached
// tmux session is a real terminal the test can type into (send-keys) and read back as
// the user would see it (capture-pane).
//
// A terminal screen has no "done" event, so waiting for output means polling the
// screen at a short interval, with an overall timeout; a timeout shows the screen.
// One private tmux server per session (its own socket file, no user config): tests
// never touch a tmux the developer is using, and kill() ends everything, socket included
// (tmux leaves its socket file behind when the server ends with its last session).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findTool } from './tool-process';

const POLL_MS = 20;
export const SCREEN_WAIT_MS = 5000;

let sessions = 0;

function tmux(socket: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'tmux',
      ['-S', socket, '-f', '/dev/null', ...args],
      { env: { ...process.env, TERM: process.env.TERM || 'xterm' } },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`tmux ${args.join(' ')} failed: ${err.message} ${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

export const tmuxInstalled = (): boolean => findTool('tmux') !== undefined;

export class TmuxSession {
  private constructor(private readonly socket: string) {}

  /** Starts `command` (a shell command line) in a detached width x height terminal. */
  static async start(command: string, size = { width: 200, height: 40 }): Promise<TmuxSession> {
    const socket = path.join(os.tmpdir(), `mini-redis-rx-tmux-${process.pid}-${++sessions}.sock`);
    await tmux(socket, ['new-session', '-d', '-s', 'main', '-x', String(size.width), '-y', String(size.height), command]);
    return new TmuxSession(socket);
  }

  /** Types `text` literally (no key names). */
  async type(text: string): Promise<void> {
    await tmux(this.socket, ['send-keys', '-t', 'main', '-l', text]);
  }

  /** Presses keys by name: 'Enter', 'Tab', 'C-u', ... */
  async press(...keys: string[]): Promise<void> {
    await tmux(this.socket, ['send-keys', '-t', 'main', ...keys]);
  }

  /** The screen's lines, trailing blanks removed, trailing empty lines dropped. */
  async screen(): Promise<string[]> {
    const text = await tmux(this.socket, ['capture-pane', '-p', '-t', 'main']);
    const lines = text.split('\n').map((line) => line.replace(/\s+$/, ''));
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  /** Polls the screen until `accept(lines)` holds; resolves with those lines. */
  async waitForScreen(what: string, accept: (lines: string[]) => boolean, ms = SCREEN_WAIT_MS): Promise<string[]> {
    const deadline = Date.now() + ms;
    let lines: string[] = [];
    for (;;) {
      lines = await this.screen().catch(() => lines);
      if (accept(lines)) return lines;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${ms} ms waiting for ${what}; the screen:\n${lines.join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** True while the program in the session runs (tmux ends the session when it exits). */
  async running(): Promise<boolean> {
    return tmux(this.socket, ['has-session', '-t', 'main']).then(
      () => true,
      () => false,
    );
  }

  /** Waits (polling) until the program has exited. */
  async waitForExit(ms = SCREEN_WAIT_MS): Promise<void> {
    const deadline = Date.now() + ms;
    while (await this.running()) {
      if (Date.now() > deadline) throw new Error(`the program in tmux did not exit within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Ends the session and its tmux server (fine if it has already ended). */
  async kill(): Promise<void> {
    await tmux(this.socket, ['kill-server']).catch(() => undefined);
    fs.rmSync(this.socket, { force: true });
  }
}
