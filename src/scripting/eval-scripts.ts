// EVAL's side of scripting, per server: the script cache (sha1 -> body and shebang
// flags, what SCRIPT LOAD / EXISTS / FLUSH work on), and running a cached script for
// EVAL, EVALSHA and their _RO forms as Redis 7.0 does (eval.c evalGenericCommand,
// script.c scriptPrepareForRun).
//
// The cache is not bounded, as in Redis 7.0 (7.4 started evicting EVAL scripts): a
// client that generates a new script per call fills it until SCRIPT FLUSH.

import { createHash } from 'node:crypto';
import type { ConnectionContext } from '../commands/command';
import type { Frame } from '../protocol/frame';
import type { LuaModule } from './lua-vm';
import { LuaState } from './lua-state';
import { luaLibraries } from './libs';
import { ScriptRun } from './script-run';
import { type ScriptFlags, parseShebang } from './shebang';
import { oneLineTrimmed } from '../protocol/one-line';

export interface CachedScript {
  readonly body: Buffer;
  readonly flags: ScriptFlags;
}

const NOSCRIPT: Frame = { type: 'error', value: 'NOSCRIPT No matching script. Please use EVAL.' };
const WRITE_FLAG_RO: Frame = { type: 'error', value: 'ERR Can not execute a script with write flag using *_ro command.' };

/** What EVAL / EVALSHA asked for, parsed. */
export interface EvalRequest {
  /** The body (EVAL) or the sha (EVALSHA). */
  readonly script: Buffer;
  readonly bySha: boolean;
  readonly readOnly: boolean;
  readonly keys: readonly Buffer[];
  readonly args: readonly Buffer[];
}

export class EvalScripts {
  private state: LuaState | undefined;
  private readonly scripts = new Map<string, CachedScript>();
  /** The last body hashed, and its sha: a client repeating one EVAL hashes it once. */
  private lastBody: Buffer | undefined;
  private lastSha = '';

  constructor(private readonly module: () => LuaModule) {}

  get size(): number {
    return this.scripts.size;
  }

  /** Whether the cache holds `sha` (in any letter case, as Redis's dict compares). */
  has(sha: string): boolean {
    return this.scripts.has(sha.toLowerCase());
  }

  /** SCRIPT FLUSH: a new interpreter, an empty cache (Redis's scriptingReset). */
  flush(): void {
    this.state?.close();
    this.state = undefined;
    this.scripts.clear();
    this.lastBody = undefined;
  }

  /** Lua's memory, in bytes (0 before the first script). */
  memory(): number {
    return this.state?.memory() ?? 0;
  }

  private lua(): LuaState {
    return (this.state ??= new LuaState(this.module(), luaLibraries));
  }

  private sha1(body: Buffer): string {
    if (this.lastBody !== undefined && this.lastBody.equals(body)) return this.lastSha;
    this.lastSha = createHash('sha1').update(body).digest('hex');
    this.lastBody = Buffer.from(body);
    return this.lastSha;
  }

  /**
   * SCRIPT LOAD, and EVAL of a script not cached yet (luaCreateFunction): the shebang
   * read, the body compiled as `@user_script` (the shebang line blanked, its newline
   * kept so line numbers stay right), the function kept as `f_<sha>`.
   */
  load(body: Buffer): { readonly sha: string } | { readonly error: Frame } {
    const sha = this.sha1(body);
    if (this.scripts.has(sha)) return { sha };
    const shebang = parseShebang(body);
    if ('error' in shebang) return { error: { type: 'error', value: `ERR ${shebang.error}` } };
    const compiled = this.lua().compile(body.subarray(shebang.length), '@user_script', `f_${sha}`);
    if (!compiled.ok) return { error: { type: 'error', value: oneLineTrimmed(`ERR Error compiling script (new function): ${compiled.error}`) } };
    this.scripts.set(sha, { body: Buffer.from(body), flags: shebang.flags });
    return { sha };
  }

  /** EVAL, EVALSHA, EVAL_RO, EVALSHA_RO. */
  eval(request: EvalRequest, caller: ConnectionContext): Frame {
    let sha: string;
    if (request.bySha) {
      sha = request.script.toString('latin1').toLowerCase();
      if (!this.scripts.has(sha)) return NOSCRIPT;
    } else {
      const loaded = this.load(request.script);
      if ('error' in loaded) return loaded.error;
      sha = loaded.sha;
    }
    const { flags } = this.scripts.get(sha)!;
    // Scripts with a shebang declare what they do; without one ("compat mode") they may
    // write unless run with *_RO.
    if (!flags.compat && !flags.noWrites && request.readOnly) return WRITE_FLAG_RO;
    const readOnly = request.readOnly || (!flags.compat && flags.noWrites);
    const lua = this.lua();
    lua.timeLimitMs = busyReplyThreshold(caller);
    const run = new ScriptRun(caller, sha, readOnly, true);
    return lua.run(`f_${sha}`, run, request.keys, request.args);
  }
}

/** busy-reply-threshold (lua-time-limit), in ms: how long a script may run. */
export function busyReplyThreshold(context: ConnectionContext): number {
  const value = Number(context.server.config.get('busy-reply-threshold') ?? '5000');
  return Number.isFinite(value) ? value : 5000;
}

