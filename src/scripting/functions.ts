// FUNCTION's side of scripting, per server: the libraries (name -> code and the
// functions it registered), the Lua state they live in, and running one for FCALL /
// FCALL_RO, as Redis 7.0 does (functions.c, function_lua.c).
//
// The Lua state is a second LuaState, separate from EVAL's as in Redis: SCRIPT FLUSH
// leaves the libraries alone, and FUNCTION FLUSH leaves EVAL's cache alone. Every
// library runs its top-level code once, at FUNCTION LOAD, in a restricted environment
// (function-env.ts) where the only thing it can do is redis.register_function; each
// registered callback is kept in the Lua registry and FCALL calls it with two arguments,
// the KEYS table and the ARGV table.
//
// Names: function names are case-insensitive (Redis's functions dict compares them so),
// library names are not. Libraries are listed in the order they were created (Redis
// lists them in hash-table order, which no client can rely on).
//
// A set of libraries is a LibrarySet: the current one, and, for FUNCTION RESTORE, a
// scratch one the payload is loaded into before it is joined to the current one (so a
// failing restore changes nothing), as Redis's functionsLibCtx.

import type { ConnectionContext } from '../commands/command';
import type { Frame } from '../protocol/frame';
import { busyReplyThreshold } from './eval-scripts';
import { FUNCTION_ENV, FUNCTION_ENV_CHUNK, FUNCTION_READONLY_ERROR } from './function-env';
import { luaLibraries } from './libs';
import { pushErrorTable } from './lua-reply';
import { LuaState } from './lua-state';
import { type LuaModule, LuaType, type LuaVm, LUA_GLOBALSINDEX, LUA_MASKCOUNT, LUA_REGISTRYINDEX } from './lua-vm';
import { ScriptRun } from './script-run';
import { FLAG_NAMES, type ScriptFlags, parseFlagList, splitArgs } from './shebang';
import { oneLineTrimmed } from '../protocol/one-line';

export interface LibraryFunction {
  /** As registered (FUNCTION LIST and error texts show it so). */
  readonly name: string;
  readonly flags: ScriptFlags;
  readonly description: Buffer | undefined;
  /** Where the callback is kept in the Lua registry. */
  readonly registry: string;
  readonly library: Library;
}

export interface Library {
  readonly name: string;
  /** The whole code, shebang included (FUNCTION LIST WITHCODE, FUNCTION DUMP). */
  readonly code: Buffer;
  /** Lower-cased name -> function. */
  readonly functions: Map<string, LibraryFunction>;
}

/** A set of libraries and the index of their functions (Redis's functionsLibCtx). */
export class LibrarySet {
  readonly libraries = new Map<string, Library>();
  readonly functions = new Map<string, LibraryFunction>();

  get functionCount(): number {
    return this.functions.size;
  }

  link(library: Library): void {
    for (const [key, fn] of library.functions) this.functions.set(key, fn);
    this.libraries.set(library.name, library);
  }

  unlink(library: Library): void {
    for (const key of library.functions.keys()) this.functions.delete(key);
    this.libraries.delete(library.name);
  }
}

export type RestorePolicy = 'append' | 'replace' | 'flush';

const FUNCTION_NOT_FOUND: Frame = { type: 'error', value: 'ERR Function not found' };
const WRITE_FLAG_RO: Frame = { type: 'error', value: 'ERR Can not execute a script with write flag using *_ro command.' };
const BAD_NAME = 'Library names can only contain letters, numbers, or underscores(_) and must be at least one character long';
/** FUNCTION LOAD's time limit for a library's top-level code (Redis's LOAD_TIMEOUT_MS). */
const LOAD_TIMEOUT_MS = 500;
const ENV = '__function_env';
const ENV_SWITCH = '__function_env_switch';
const PENDING = '__function_pending_callback';

/** A function being registered while its library loads. */
interface Loading {
  readonly functions: Map<string, { name: string; flags: ScriptFlags; description: Buffer | undefined; registry: string }>;
  readonly startedAt: number;
}

export class FunctionLibraries {
  private state: LuaState | undefined;
  private current = new LibrarySet();
  private loading: Loading | undefined;
  private nextId = 0;
  private loadHook = 0;

  constructor(private readonly module: () => LuaModule) {}

  get libraries(): ReadonlyMap<string, Library> {
    return this.current.libraries;
  }

  get functionCount(): number {
    return this.current.functionCount;
  }

  /** Lua's memory, in bytes (0 before the first library). */
  memory(): number {
    return this.state?.memory() ?? 0;
  }

  /** FUNCTION LOAD [REPLACE] code: the library's name, or the error text (without ERR). */
  load(code: Buffer, replace: boolean): { readonly name: string } | { readonly error: string } {
    return this.create(code, replace, this.current);
  }

  /** FUNCTION DELETE name: false when there is no such library. */
  delete(name: string): boolean {
    const library = this.current.libraries.get(name);
    if (library === undefined) return false;
    this.current.unlink(library);
    this.free(library);
    return true;
  }

  /**
   * FUNCTION FLUSH: no libraries. Their callbacks (and the locals they close over) are
   * dropped from the registry; the interpreter stays, as in Redis's functionsLibCtxClear.
   */
  flush(): void {
    for (const library of this.current.libraries.values()) this.free(library);
    this.current = new LibrarySet();
  }

  /**
   * FUNCTION RESTORE: `codes` (the payload's libraries) loaded into a scratch set, then
   * joined to the current one by `policy` (Redis's libraryJoin). Undefined on success.
   */
  restore(codes: readonly Buffer[], policy: RestorePolicy): string | undefined {
    const scratch = new LibrarySet();
    const discard = (): void => {
      for (const library of scratch.libraries.values()) this.free(library);
    };
    for (const code of codes) {
      const created = this.create(code, false, scratch);
      if ('error' in created) {
        discard();
        return created.error;
      }
    }
    if (policy === 'flush') {
      for (const library of this.current.libraries.values()) this.free(library);
      this.current = scratch;
      return undefined;
    }
    const replaced: Library[] = [];
    const undo = (): void => {
      for (const library of replaced) this.current.link(library);
    };
    for (const library of scratch.libraries.values()) {
      const old = this.current.libraries.get(library.name);
      if (old === undefined) continue;
      if (policy !== 'replace') {
        undo();
        discard();
        return `Library ${library.name} already exists`;
      }
      this.current.unlink(old);
      replaced.push(old);
    }
    for (const [key, fn] of scratch.functions) {
      if (this.current.functions.has(key)) {
        undo();
        discard();
        return `Function ${fn.name} already exists`;
      }
    }
    for (const library of scratch.libraries.values()) this.current.link(library);
    for (const library of replaced) this.free(library);
    return undefined;
  }

  /** The flags FCALL would run `name` with, if there is such a function. */
  find(name: string): LibraryFunction | undefined {
    return this.current.functions.get(name.toLowerCase());
  }

  /** FCALL and FCALL_RO (fcallCommandGeneric, scriptPrepareForRun). */
  fcall(name: string, keys: readonly Buffer[], args: readonly Buffer[], readOnly: boolean, caller: ConnectionContext): Frame {
    const fn = this.find(name);
    if (fn === undefined) return FUNCTION_NOT_FOUND;
    if (readOnly && !fn.flags.noWrites) return WRITE_FLAG_RO;
    const lua = this.lua();
    lua.timeLimitMs = busyReplyThreshold(caller);
    const run = new ScriptRun(caller, fn.name, readOnly || fn.flags.noWrites, false);
    return lua.run(fn.registry, run, keys, args);
  }

  // ---------------------------------------------------------------------------------

  private lua(): LuaState {
    if (this.state !== undefined) return this.state;
    const state = new LuaState(this.module(), luaLibraries);
    const vm = state.vm;
    const m = vm.module;
    // The load-time environment (function-env.ts): its chunk gets register_function,
    // the read-only error and the redis table; it answers the environment and its switch.
    if (!vm.load(Buffer.from(FUNCTION_ENV, 'latin1'), FUNCTION_ENV_CHUNK)) throw new Error(vm.toLatin1(-1));
    vm.pushFunction((v) => this.registerFunction(v));
    if (!vm.load(Buffer.from(FUNCTION_READONLY_ERROR, 'latin1'), FUNCTION_ENV_CHUNK) || !vm.pcall(0, 1, 0)) throw new Error(vm.toLatin1(-1));
    vm.getField(LUA_GLOBALSINDEX, 'redis');
    if (!vm.pcall(3, 2, 0)) throw new Error(`function environment failed: ${vm.toLatin1(-1)}`);
    vm.setField(LUA_REGISTRYINDEX, ENV_SWITCH);
    vm.setField(LUA_REGISTRYINDEX, ENV);
    vm.setTop(0);
    this.loadHook = m.addFunction(() => this.onLoadHook(), 'vii');
    this.state = state;
    return state;
  }

  private switchEnv(vm: LuaVm, loading: boolean): void {
    vm.getField(LUA_REGISTRYINDEX, ENV_SWITCH);
    vm.module._lua_pushboolean(vm.L, loading ? 1 : 0);
    vm.pcall(1, 0, 0);
  }

  /** Forgets a library's callbacks. */
  private free(library: Library): void {
    if (this.state === undefined) return;
    for (const fn of library.functions.values()) this.state.forget(fn.registry);
  }

  /** functionsCreateWithLibraryCtx: the metadata read, the code run, the library linked into `set`. */
  private create(code: Buffer, replace: boolean, set: LibrarySet): { readonly name: string } | { readonly error: string } {
    const meta = readMetadata(code);
    if ('error' in meta) return meta;
    if (!validName(meta.name)) return { error: BAD_NAME };
    if (meta.engine.toLowerCase() !== 'lua') return { error: `Engine '${meta.engine}' not found` };
    const old = set.libraries.get(meta.name);
    if (old !== undefined && !replace) return { error: `Library '${meta.name}' already exists` };
    if (old !== undefined) set.unlink(old);
    const fail = (library: Library | undefined, error: string): { readonly error: string } => {
      if (library !== undefined) this.free(library);
      if (old !== undefined) set.link(old);
      return { error };
    };
    const ran = this.runLibrary(code.subarray(meta.bodyStart));
    if ('error' in ran) {
      for (const fn of ran.partial) this.state!.forget(fn.registry);
      return fail(undefined, ran.error);
    }
    const library: Library = { name: meta.name, code: Buffer.from(code), functions: new Map() };
    for (const [key, fn] of ran.functions) library.functions.set(key, { ...fn, library });
    if (library.functions.size === 0) return fail(library, 'No functions registered');
    for (const [key, fn] of library.functions) {
      if (set.functions.has(key)) return fail(library, `Function ${fn.name} already exists`);
    }
    set.link(library);
    if (old !== undefined) this.free(old);
    return { name: meta.name };
  }

  /**
   * luaEngineCreate: compiles the body as `@user_function` (its first line is the
   * shebang's newline, so line numbers count the shebang) and runs it in the load-time
   * environment, collecting what it registers.
   */
  private runLibrary(
    body: Buffer,
  ):
    | { readonly functions: Loading['functions'] }
    | { readonly error: string; readonly partial: readonly { registry: string }[] } {
    const lua = this.lua();
    const vm = lua.vm;
    const m = vm.module;
    vm.setTop(0);
    if (!vm.load(body, '@user_function')) {
      const error = oneLineTrimmed(`Error compiling function: ${vm.toLatin1(-1) ?? 'unknown error'}`);
      vm.setTop(0);
      return { error, partial: [] };
    }
    vm.getField(LUA_REGISTRYINDEX, ENV);
    (m as LuaModule & { _lua_setfenv(L: number, index: number): number })._lua_setfenv(vm.L, -2);
    const loading: Loading = { functions: new Map(), startedAt: Date.now() };
    this.loading = loading;
    this.switchEnv(vm, true);
    m._lua_sethook(vm.L, this.loadHook, LUA_MASKCOUNT, 100_000);
    let error: string | undefined;
    try {
      // No error handler, as in Redis: a string error is the message, a table its `err`.
      if (!vm.pcall(0, 0, 0)) {
        let message: string;
        if (vm.type(-1) === LuaType.Table) {
          vm.getField(-1, 'err');
          message = vm.toLatin1(-1) ?? '';
        } else {
          message = `ERR ${vm.toLatin1(-1) ?? ''}`;
        }
        error = oneLineTrimmed(`Error registering functions: ${message}`);
      }
    } finally {
      m._lua_sethook(vm.L, 0, 0, 0);
      this.loading = undefined;
      vm.setTop(0);
      this.switchEnv(vm, false);
      vm.setTop(0);
    }
    if (error !== undefined) return { error, partial: [...loading.functions.values()] };
    return { functions: loading.functions };
  }

  /** FUNCTION LOAD's time limit (luaEngineLoadHook). */
  private onLoadHook(): void {
    const loading = this.loading;
    const vm = this.state?.vm;
    if (loading === undefined || vm === undefined) return;
    if (Date.now() - loading.startedAt <= LOAD_TIMEOUT_MS) return;
    vm.module._lua_sethook(vm.L, this.loadHook, 4 /* LUA_MASKLINE */, 0);
    pushErrorTable(vm, 'FUNCTION LOAD timeout');
    vm.raise();
  }

  // ---------------------------------------------------------------------------------
  // redis.register_function (luaRegisterFunction): positional (name, callback) or one
  // table of named arguments {function_name, callback, flags, description}.

  private registerFunction(vm: LuaVm): number {
    const m = vm.module;
    const L = vm.L;
    const fail = (message: string): number => {
      pushErrorTable(vm, message);
      return vm.raise();
    };
    const loading = this.loading;
    if (loading === undefined) return fail('redis.register_function can only be called on FUNCTION LOAD command');
    const argc = vm.top();
    if (argc < 1 || argc > 2) return fail('wrong number of arguments to redis.register_function');
    const stringish = (index: number): boolean => {
      const type = vm.type(index);
      return type === LuaType.String || type === LuaType.Number;
    };
    let name: string | undefined;
    let description: Buffer | undefined;
    let flags: ScriptFlags = parseFlagList([]) as ScriptFlags;
    let callback = false;
    if (argc === 1) {
      if (vm.type(1) !== LuaType.Table) {
        return fail('calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).');
      }
      m._lua_pushnil(L);
      while (m._lua_next(L, 1) !== 0) {
        if (!stringish(-2)) return fail('named argument key given to redis.register_function is not a string');
        // A copy of the key: lua_tolstring on a number key itself would confuse lua_next.
        m._lua_pushvalue(L, -2);
        const key = (vm.toLatin1(-1) ?? '').toLowerCase();
        vm.setTop(-2);
        if (key === 'function_name') {
          if (!stringish(-1)) return fail('function_name argument given to redis.register_function must be a string');
          name = vm.toLatin1(-1);
        } else if (key === 'description') {
          if (!stringish(-1)) return fail('description argument given to redis.register_function must be a string');
          description = vm.toBytes(-1);
        } else if (key === 'callback') {
          if (vm.type(-1) !== LuaType.Function) return fail('callback argument given to redis.register_function must be a function');
          m._lua_pushvalue(L, -1);
          vm.setField(LUA_REGISTRYINDEX, PENDING);
          callback = true;
        } else if (key === 'flags') {
          if (vm.type(-1) !== LuaType.Table) return fail('flags argument to redis.register_function must be a table representing function flags');
          const read = this.readFlags(vm);
          if (read === undefined) return fail('unknown flag given');
          flags = read;
        } else {
          return fail('unknown argument given to redis.register_function');
        }
        vm.setTop(-2);
      }
      if (name === undefined) return fail('redis.register_function must get a function name argument');
      if (!callback) return fail('redis.register_function must get a callback argument');
    } else {
      if (!stringish(1)) return fail('first argument to redis.register_function must be a string');
      name = vm.toLatin1(1)!;
      if (vm.type(2) !== LuaType.Function) return fail('second argument to redis.register_function must be a function');
      m._lua_pushvalue(L, 2);
      vm.setField(LUA_REGISTRYINDEX, PENDING);
    }
    // functionLibCreateFunction (Redis's text for a bad function name says "Library").
    if (!validName(name)) return fail(BAD_NAME);
    const key = name.toLowerCase();
    if (loading.functions.has(key)) return fail('Function already exists in the library');
    const registry = `__function_${++this.nextId}`;
    vm.getField(LUA_REGISTRYINDEX, PENDING);
    vm.setField(LUA_REGISTRYINDEX, registry);
    m._lua_pushnil(L);
    vm.setField(LUA_REGISTRYINDEX, PENDING);
    loading.functions.set(key, { name, flags, description, registry });
    return 0;
  }

  /** The flags table on top of the stack (luaRegisterFunctionReadFlags); undefined: an unknown flag. */
  private readFlags(vm: LuaVm): ScriptFlags | undefined {
    const names: string[] = [];
    for (let j = 1; ; j++) {
      vm.module._lua_rawgeti(vm.L, -1, j);
      const type = vm.type(-1);
      if (type === LuaType.Nil) {
        vm.setTop(-2);
        break;
      }
      const text = type === LuaType.String || type === LuaType.Number ? vm.toLatin1(-1) : undefined;
      vm.setTop(-2);
      // Redis compares flag names case-insensitively here.
      const known = text === undefined ? undefined : FLAG_NAMES.find(([flag]) => flag === text.toLowerCase());
      if (known === undefined) return undefined;
      names.push(known[0]);
    }
    const parsed = parseFlagList(names);
    return 'unknown' in parsed ? undefined : parsed;
  }
}

/** [a-zA-Z0-9_]+ (functionsVerifyName). */
function validName(name: string): boolean {
  return /^[a-zA-Z0-9_]+$/.test(name);
}

/** The shebang of a library (functionExtractLibMetaData): engine, name, where the body starts. */
function readMetadata(code: Buffer): { readonly engine: string; readonly name: string; readonly bodyStart: number } | { readonly error: string } {
  if (code.length < 2 || code[0] !== 0x23 || code[1] !== 0x21) return { error: 'Missing library metadata' };
  const end = code.indexOf(0x0a);
  if (end === -1) return { error: 'Invalid library metadata' };
  const parts = splitArgs(code.subarray(0, end).toString('latin1'));
  if (parts === undefined || parts.length === 0) return { error: 'Invalid library metadata' };
  const engine = parts[0].slice(2);
  let name: string | undefined;
  for (const part of parts.slice(1)) {
    if (part.slice(0, 5).toLowerCase() === 'name=') {
      if (name !== undefined) return { error: 'Invalid metadata value, name argument was given multiple times' };
      name = part.slice(5);
      continue;
    }
    return { error: `Invalid metadata value given: ${part}` };
  }
  if (name === undefined) return { error: 'Library name was not given' };
  // The body keeps the shebang's newline, so the user's first line is line 2.
  return { engine, name, bodyStart: end };
}

