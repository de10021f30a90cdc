// The scripting interpreter: one Lua state set up the way Redis 7.0 sets up its own
// (eval.c scriptingInit, script_lua.c luaRegisterRedisAPI), and the two things done
// with it: compile a script into a function kept in the Lua registry, and run such a
// function for one EVAL / FCALL (luaCallFunction).
//
// The `redis` table's functions are JavaScript (host functions, see lua-vm.ts);
// redis.call hands its arguments to commands/script-call.ts, which runs the command
// synchronously against the Db, and converts the reply back (lua-reply.ts). Nothing
// here is asynchronous: a script is a plain call from start to end, so nothing else can
// run in between, which is Redis's atomicity.
//
// A runaway script: Redis lets other clients in (they get -BUSY) and SCRIPT KILL stop
// it. One JavaScript thread cannot serve anyone while Lua runs, so the instruction
// hook stops the script itself once it has run longer than busy-reply-threshold, with
// the error a killed script gets (a difference the README states).

import { createHash } from 'node:crypto';
import type { Frame } from '../protocol/frame';
import { formatDouble } from '../protocol/double';
import { callFromScript } from '../commands/script-call';
import { markCounted } from '../commands/counted-errors';
import { lookup } from '../commands/registry';
import { log } from '../log';
import { REDIS_VERSION } from '../commands/server/redis-version';
import { type LuaModule, LuaType, LuaVm, LUA_GCCOUNT, LUA_GCSTEP, LUA_GLOBALSINDEX, LUA_MASKCOUNT, LUA_MASKLINE, LUA_MULTRET, LUA_REGISTRYINDEX } from './lua-vm';
import { popReply, pushErrorTable, pushReply } from './lua-reply';
import { PRELUDE, PRELUDE_CHUNK, READONLY_ERROR } from './prelude';
import type { ScriptRun } from './script-run';
import type { LuaLibrary } from './libs/library';
import { oneLine } from '../protocol/one-line';

/** Redis runs the hook every 100,000 instructions (luaCallFunction). */
const HOOK_EVERY = 100_000;
/** A GC step every 50 calls, as Redis (LUA_GC_CYCLE_PERIOD). */
const GC_PERIOD = 50;
/** Where the hidden table of globals is kept in the registry (see prelude.ts). */
const GLOBALS = '__redis_globals';
/** Where the globals as they were before the sandbox are kept (the libraries' environment). */
const BUILTINS = '__redis_builtins';

const [MAJOR, MINOR, PATCH] = REDIS_VERSION.split('.').map(Number);

/** Whether a compile succeeded, and Lua's error message when it did not. */
export type Compiled = { readonly ok: true } | { readonly ok: false; readonly error: string };

export class LuaState {
  readonly vm: LuaVm;
  /** The invocation running now, if any: what redis.call and the hook work for. */
  current: ScriptRun | undefined;
  /** How long a script may run before the hook stops it (busy-reply-threshold), in ms; 0: never. */
  timeLimitMs = 5000;
  private calls = 0;
  private readonly hook: number;
  private killing = false;
  private rand48 = 0x1234abcd330en;

  constructor(module: LuaModule, libraries: readonly LuaLibrary[]) {
    const vm = (this.vm = new LuaVm(module));
    const m = module;
    const L = vm.L;
    m._luaL_openlibs(L);
    this.registerRedisApi();
    this.registerMath();
    // The libraries load on first use (a script that never touches cjson never pays for
    // it): the prelude's globals hand `load_library(name)` the missing name. Their chunks
    // run against `builtins`, the globals as they were before the sandbox (they capture
    // debug.getinfo and newproxy, which scripts cannot see).
    const byName = new Map(libraries.map((library) => [library.name, library]));
    m._lua_createtable(L, 0, 64);
    m._lua_pushvalue(L, -1);
    vm.setField(LUA_REGISTRYINDEX, BUILTINS);
    m._lua_createtable(L, 0, 64);
    m._lua_pushvalue(L, -1);
    vm.setField(LUA_REGISTRYINDEX, GLOBALS);
    if (!vm.load(Buffer.from(READONLY_ERROR, 'latin1'), PRELUDE_CHUNK) || !vm.pcall(0, 1, 0)) throw new Error(vm.toLatin1(-1));
    vm.pushFunction((v) => this.loadLibrary(v, byName));
    vm.pushLatin1(libraries.map((library) => library.name).join(','));
    // Stack: builtins, globals, readonly_error, load_library, names; the prelude goes under them.
    if (!vm.load(Buffer.from(PRELUDE, 'latin1'), PRELUDE_CHUNK)) throw new Error(vm.toLatin1(-1));
    m._lua_insert(L, -6);
    if (!vm.pcall(5, 0, 0)) throw new Error(`Lua prelude failed: ${vm.toLatin1(-1)}`);
    vm.setTop(0);
    this.hook = m.addFunction(() => this.onHook(), 'vii');
  }

  /** The prelude's load_library(name): runs the library's chunk, pushes its table (trampolined). */
  private loadLibrary(vm: LuaVm, byName: ReadonlyMap<string, LuaLibrary>): number {
    const m = vm.module;
    const name = vm.toLatin1(1) ?? '';
    vm.setTop(0);
    const library = byName.get(name);
    if (library === undefined || !vm.load(Buffer.from(library.source, 'latin1'), `=${name}`)) {
      vm.pushLatin1(`Lua library ${name} failed to load`);
      return vm.raise();
    }
    vm.getField(LUA_REGISTRYINDEX, BUILTINS);
    m._lua_setfenv(vm.L, -2);
    // The argument true: "your functions will be called through trampolines" (library.ts).
    m._lua_pushboolean(vm.L, 1);
    if (!vm.pcall(1, 1, 0)) return vm.raise();
    this.wrapFunctions(name);
    return 1;
  }

  /**
   * Replaces each function of the library table on top of the stack by a C function
   * that calls it. The libraries are Lua, Redis's are C: through a C function a
   * script's tail call (`return cjson.decode(x)`) keeps the script's frame, so an error
   * still names the script's line, as in Redis.
   */
  private wrapFunctions(library: string): void {
    const vm = this.vm;
    const m = vm.module;
    const L = vm.L;
    const names: string[] = [];
    m._lua_pushnil(L);
    while (m._lua_next(L, -2) !== 0) {
      if (vm.type(-1) === LuaType.Function && vm.type(-2) === LuaType.String) names.push(vm.toLatin1(-2)!);
      m._lua_settop(L, -2);
    }
    for (const name of names) {
      const slot = `__lib:${library}.${name}`;
      vm.getField(-1, name);
      vm.setField(LUA_REGISTRYINDEX, slot);
      vm.pushFunction((v) => {
        v.getField(LUA_REGISTRYINDEX, slot);
        v.module._lua_insert(v.L, 1);
        // An error inside unwinds through here to the script's pcall, as lua_error does.
        v.module._lua_call(v.L, v.top() - 1, LUA_MULTRET);
        return v.top();
      });
      vm.setField(-2, name);
    }
  }

  /**
   * Compiles `body` as a chunk named `chunkName` (Redis: `@user_script`) and stores the
   * function in the registry under `name`. Answers Lua's error message on failure.
   */
  compile(body: Uint8Array, chunkName: string, name: string): Compiled {
    const vm = this.vm;
    if (!vm.load(body, chunkName)) {
      const error = vm.toLatin1(-1) ?? 'unknown error';
      vm.setTop(0);
      return { ok: false, error };
    }
    vm.setField(LUA_REGISTRYINDEX, name);
    return { ok: true };
  }

  /** Forgets a compiled function. */
  forget(name: string): void {
    this.vm.module._lua_pushnil(this.vm.L);
    this.vm.setField(LUA_REGISTRYINDEX, name);
  }

  /**
   * Runs the function stored as `name` for one invocation: EVAL (KEYS and ARGV are
   * globals) or FCALL (they are the function's two arguments). Answers the reply.
   */
  run(name: string, run: ScriptRun, keys: readonly Buffer[], args: readonly Buffer[]): Frame {
    const vm = this.vm;
    const m = vm.module;
    const L = vm.L;
    vm.setTop(0);
    vm.getField(LUA_REGISTRYINDEX, GLOBALS);
    vm.getField(-1, '__redis__err__handler');
    vm.getField(LUA_REGISTRYINDEX, name);
    if (run.evalMode) {
      this.pushArray(keys);
      vm.setField(1, 'KEYS');
      this.pushArray(args);
      vm.setField(1, 'ARGV');
    } else {
      this.pushArray(keys);
      this.pushArray(args);
    }
    this.current = run;
    this.killing = false;
    run.caller.db.freezeClock();
    if (this.timeLimitMs > 0) m._lua_sethook(L, this.hook, LUA_MASKCOUNT, HOOK_EVERY);
    let reply: Frame;
    try {
      const ok = vm.pcall(run.evalMode ? 0 : 2, 1, 2);
      // The globals table goes first: the stack then holds what Redis's does (the
      // handler and the result), so a deeply nested result meets Lua's stack limit
      // at the same depth.
      m._lua_remove(L, 1);
      reply = ok ? popReply(vm, run.resp) : this.errorReply(run);
    } finally {
      m._lua_sethook(L, 0, 0, 0);
      run.caller.db.thawClock();
      this.current = undefined;
      if (++this.calls === GC_PERIOD) {
        m._lua_gc(L, LUA_GCSTEP, GC_PERIOD);
        this.calls = 0;
      }
      vm.setTop(0);
    }
    return reply;
  }

  /** The Lua memory in use, in bytes (INFO's used_memory_lua). */
  memory(): number {
    return this.vm.module._lua_gc(this.vm.L, LUA_GCCOUNT, 0) * 1024;
  }

  close(): void {
    this.vm.close();
  }

  /** The error a failed run answers (luaCallFunction's error branch). */
  private errorReply(run: ScriptRun): Frame {
    const vm = this.vm;
    if (vm.type(-1) !== LuaType.Table) {
      const message = vm.toLatin1(-1) ?? 'execution failure';
      return { type: 'error', value: oneLine(`ERR Error running script ${run.name}, ${message.slice(0, 100)}`.replace(/[\r\n]+$/, '')) };
    }
    const field = (key: string): string | undefined => {
      const type = vm.getField(-1, key);
      const value = type === LuaType.String || type === LuaType.Number ? vm.toLatin1(-1) : undefined;
      vm.setTop(-2);
      return value;
    };
    const message = field('err') ?? '';
    const source = field('source');
    const line = field('line');
    const counted = vm.getField(-1, 'ignore_error_stats_update') === LuaType.Boolean && vm.module._lua_toboolean(vm.L, -1) !== 0;
    vm.setTop(-2);
    const where = source !== undefined && line !== undefined ? ` script: ${run.name}, on ${source}:${line}.` : '';
    const text = `${message}${where}`;
    const reply: Frame = { type: 'error', value: oneLine(text.startsWith('-') ? text.slice(1) : text) };
    return counted ? markCounted(reply) : reply;
  }

  private pushArray(items: readonly Buffer[]): void {
    const vm = this.vm;
    vm.module._lua_createtable(vm.L, items.length, 0);
    for (let i = 0; i < items.length; i++) {
      vm.pushBytes(items[i]);
      vm.module._lua_rawseti(vm.L, -2, i + 1);
    }
  }

  // The instruction hook (Redis's luaMaskCountHook). Past the time limit the script is
  // stopped; the hook then fires on every line, so a pcall loop cannot swallow it.
  private onHook(): void {
    const run = this.current;
    if (run === undefined) return;
    if (!this.killing) {
      if (Date.now() - run.startedAt < this.timeLimitMs) return;
      log.warn(`Lua script killed: still in execution after ${this.timeLimitMs} milliseconds (busy-reply-threshold). Script name is: ${run.name}.`);
      this.killing = true;
      this.vm.module._lua_sethook(this.vm.L, this.hook, LUA_MASKLINE, 0);
    }
    pushErrorTable(this.vm, 'Script killed by user with SCRIPT KILL...');
    this.vm.raise();
  }

  // ---------------------------------------------------------------------------------
  // The redis table (luaRegisterRedisAPI).

  private registerRedisApi(): void {
    const vm = this.vm;
    const m = vm.module;
    const L = vm.L;
    m._lua_createtable(L, 0, 32);
    const fn = (name: string, host: (vm: LuaVm) => number): void => {
      vm.pushFunction(host);
      vm.setField(-2, name);
    };
    const num = (name: string, value: number): void => {
      m._lua_pushnumber(L, value);
      vm.setField(-2, name);
    };
    fn('call', (v) => this.redisCall(v, true));
    fn('pcall', (v) => this.redisCall(v, false));
    fn('log', (v) => this.redisLog(v));
    num('LOG_DEBUG', 0);
    num('LOG_VERBOSE', 1);
    num('LOG_NOTICE', 2);
    num('LOG_WARNING', 3);
    num('REDIS_VERSION_NUM', (MAJOR << 16) | (MINOR << 8) | PATCH);
    vm.pushLatin1(REDIS_VERSION);
    vm.setField(-2, 'REDIS_VERSION');
    fn('setresp', (v) => this.setResp(v));
    fn('sha1hex', (v) => sha1hex(v));
    fn('error_reply', (v) => singleField(v, 'err'));
    fn('status_reply', (v) => singleField(v, 'ok'));
    fn('set_repl', (v) => this.setRepl(v));
    num('REPL_NONE', 0);
    num('REPL_AOF', 1);
    num('REPL_SLAVE', 2);
    num('REPL_REPLICA', 2);
    num('REPL_ALL', 3);
    fn('acl_check_cmd', (v) => this.aclCheckCmd(v));
    // The debugger's functions do nothing outside a debugging session (SCRIPT DEBUG is not supported).
    fn('breakpoint', (v) => {
      v.module._lua_pushboolean(v.L, 0);
      return 1;
    });
    fn('debug', () => 0);
    // Effects replication is the only mode in 7.0: replicate_commands() just says yes.
    fn('replicate_commands', (v) => {
      v.module._lua_pushboolean(v.L, 1);
      return 1;
    });
    vm.setField(LUA_GLOBALSINDEX, 'redis');
  }

  /** The arguments of redis.call as Redis reads them (luaArgsToRedisArgv), or undefined after pushing the error. */
  private callArguments(vm: LuaVm): Buffer[] | undefined {
    const argc = vm.top();
    if (argc === 0) {
      pushErrorTable(vm, 'Please specify at least one argument for this redis lib call');
      return undefined;
    }
    const args: Buffer[] = new Array<Buffer>(argc);
    for (let j = 1; j <= argc; j++) {
      const type = vm.type(j);
      // A number is printed with %.17g, not Lua's %.14g, so no precision is lost.
      const bytes =
        type === LuaType.Number
          ? Buffer.from(formatDouble(vm.module._lua_tonumber(vm.L, j)), 'latin1')
          : type === LuaType.String
            ? vm.toBytes(j)
            : undefined;
      if (bytes === undefined) {
        vm.setTop(0);
        pushErrorTable(vm, 'Lua redis lib command arguments must be strings or integers');
        return undefined;
      }
      args[j - 1] = bytes;
    }
    vm.setTop(0);
    return args;
  }

  private redisCall(vm: LuaVm, raise: boolean): number {
    const run = this.current;
    if (run === undefined) {
      pushErrorTable(vm, 'redis.call/pcall can only be called inside a script invocation');
      return vm.raise();
    }
    const args = this.callArguments(vm);
    if (args === undefined) return raise ? vm.raise() : 1;
    let result: ReturnType<typeof callFromScript>;
    // A JavaScript exception must not cross the WebAssembly frames of Lua (it would skip
    // Lua's own unwinding): a command that throws becomes a Lua error, raised below.
    try {
      result = callFromScript(args, run.context, {
        readOnly: run.readOnly,
        wrote: () => {
          run.wrote = true;
        },
      });
    } catch (error) {
      log.error(`redis.call ${args[0].toString('latin1')} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      result = { refused: `internal error in '${args[0].toString('latin1')}'` };
    }
    if ('refused' in result) {
      run.caller.server.countError(`ERR ${result.refused}`);
      pushErrorTable(vm, result.refused, true);
      return raise ? vm.raise() : 1;
    }
    if (result.reply.type === 'error') run.caller.server.countError(result.reply.value);
    pushReply(vm, result.reply, run.resp);
    if (raise && result.reply.type === 'error') return vm.raise();
    return 1;
  }

  private redisLog(vm: LuaVm): number {
    const argc = vm.top();
    const fail = (message: string): number => {
      pushErrorTable(vm, message);
      return vm.raise();
    };
    if (argc < 2) return fail('redis.log() requires two arguments or more.');
    if (vm.type(1) !== LuaType.Number && !isNumeric(vm.toLatin1(1))) return fail('First argument must be a number (log level).');
    const level = Math.trunc(vm.module._lua_tonumber(vm.L, 1));
    if (level < 0 || level > 3) return fail('Invalid debug level.');
    const parts: string[] = [];
    for (let j = 2; j <= argc; j++) {
      const type = vm.type(j);
      if (type === LuaType.String || type === LuaType.Number) parts.push(vm.toLatin1(j)!);
    }
    const text = parts.join(' ');
    if (level === 3) log.warn(text);
    else if (level === 2) log.info(text);
    else log.debug(text);
    return 0;
  }

  private setResp(vm: LuaVm): number {
    const run = this.current;
    const fail = (message: string): number => {
      pushErrorTable(vm, message);
      return vm.raise();
    };
    if (run === undefined) return fail('redis.setresp can only be called inside a script invocation');
    if (vm.top() !== 1) return fail('redis.setresp() requires one argument.');
    const resp = Math.trunc(vm.module._lua_tonumber(vm.L, 1));
    if (resp !== 2 && resp !== 3) return fail('RESP version must be 2 or 3.');
    run.resp = resp;
    return 0;
  }

  private setRepl(vm: LuaVm): number {
    const fail = (message: string): number => {
      pushErrorTable(vm, message);
      return vm.raise();
    };
    if (this.current === undefined) return fail('redis.set_repl can only be called inside a script invocation');
    if (vm.top() !== 1) return fail('redis.set_repl() requires two arguments.');
    const flags = Math.trunc(vm.module._lua_tonumber(vm.L, -1));
    if ((flags & ~3) !== 0) return fail('Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.');
    return 0;
  }

  private aclCheckCmd(vm: LuaVm): number {
    if (this.current === undefined) {
      pushErrorTable(vm, 'redis.acl_check_cmd can only be called inside a script invocation');
      return vm.raise();
    }
    const args = this.callArguments(vm);
    if (args === undefined) return vm.raise();
    if (lookup(args[0].toString('latin1')) === undefined) {
      pushErrorTable(vm, 'Invalid command passed to redis.acl_check_cmd()');
      return vm.raise();
    }
    // No ACL users here: the default user may run everything.
    vm.module._lua_pushboolean(vm.L, 1);
    return 1;
  }

  // ---------------------------------------------------------------------------------
  // math.random and math.randomseed: Redis's own generator (rand.c, the 48-bit linear
  // congruential generator of lrand48), so a script sees the sequence Redis gives it.

  private registerMath(): void {
    const vm = this.vm;
    vm.getField(LUA_GLOBALSINDEX, 'math');
    vm.pushFunction((v) => this.random(v));
    vm.setField(-2, 'random');
    vm.pushFunction((v) => this.randomSeed(v));
    vm.setField(-2, 'randomseed');
    vm.setTop(0);
  }

  private lrand48(): number {
    this.rand48 = (this.rand48 * 0x5deece66dn + 0xbn) & 0xffffffffffffn;
    return Number(this.rand48 >> 17n);
  }

  private random(vm: LuaVm): number {
    const m = vm.module;
    const L = vm.L;
    if (this.current === undefined) {
      m._luaL_error(L, vm.cname('math.random can only be called inside a script invocation'));
      return 0;
    }
    const MAX = 0x7fffffff;
    const r = (this.lrand48() % MAX) / MAX;
    switch (vm.top()) {
      case 0:
        m._lua_pushnumber(L, r);
        return 1;
      case 1: {
        const u = m._luaL_checkinteger(L, 1) | 0;
        if (u < 1) m._luaL_argerror(L, 1, vm.cname('interval is empty'));
        m._lua_pushnumber(L, Math.floor(r * u) + 1);
        return 1;
      }
      case 2: {
        const l = m._luaL_checkinteger(L, 1) | 0;
        const u = m._luaL_checkinteger(L, 2) | 0;
        if (l > u) m._luaL_argerror(L, 2, vm.cname('interval is empty'));
        m._lua_pushnumber(L, Math.floor(r * (u - l + 1)) + l);
        return 1;
      }
      default:
        m._luaL_error(L, vm.cname('wrong number of arguments'));
        return 0;
    }
  }

  private randomSeed(vm: LuaVm): number {
    const m = vm.module;
    if (this.current === undefined) {
      m._luaL_error(vm.L, vm.cname('math.randomseed can only be called inside a script invocation'));
      return 0;
    }
    const seed = m._luaL_checkinteger(vm.L, 1) | 0;
    this.rand48 = (BigInt(seed >>> 0) << 16n) | 0x330en;
    return 0;
  }
}

/** redis.sha1hex(s). */
function sha1hex(vm: LuaVm): number {
  if (vm.top() !== 1) {
    pushErrorTable(vm, 'wrong number of arguments');
    return vm.raise();
  }
  const bytes = vm.toBytes(1) ?? Buffer.alloc(0);
  vm.pushLatin1(createHash('sha1').update(bytes).digest('hex'));
  return 1;
}

/** redis.error_reply(s) and redis.status_reply(s): {err = s} (with an error code) and {ok = s}. */
function singleField(vm: LuaVm, field: 'err' | 'ok'): number {
  if (vm.top() !== 1 || vm.type(-1) !== LuaType.String) {
    pushErrorTable(vm, 'wrong number or type of arguments');
    return 1;
  }
  if (field === 'err') {
    const text = vm.toLatin1(1)!;
    pushErrorTable(vm, text.startsWith('-') ? text : `-${text}`);
    return 1;
  }
  vm.module._lua_createtable(vm.L, 0, 1);
  vm.module._lua_pushvalue(vm.L, 1);
  vm.setField(-2, 'ok');
  return 1;
}

const isNumeric = (text: string | undefined): boolean => text !== undefined && text.trim() !== '' && !Number.isNaN(Number(text));

