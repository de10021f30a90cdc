// The Lua 5.1 virtual machine, binary-safe: a thin layer over the C API that the npm
// package wasmoon-lua5.1 exports from its WebAssembly build of the official Lua 5.1.5
// (the same Lua that Redis embeds, so scripts, numbers and error texts behave as there).
//
// Why not wasmoon's own JavaScript API: it converts every string through UTF-8, and
// Redis values are bytes. Here strings cross the boundary as bytes (Buffers copied into
// and out of the WebAssembly memory), and JavaScript functions become Lua C functions
// through the module's function table (`addFunction`), exactly as a C extension would
// register them.
//
// RxJS pattern shown: none here; this is the synchronous engine that a script runs on.
// Loading it is asynchronous (WebAssembly compiles off the main path), and engine.ts
// turns that one-time load into a shared Observable.

/** The C API functions used here, as the Emscripten module exports them. */
export interface LuaModule {
  readonly HEAPU8: Uint8Array;
  readonly HEAP32: Int32Array;
  readonly HEAPU32: Uint32Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  addFunction(fn: (...args: number[]) => number | void, signature: string): number;
  _luaL_newstate(): number;
  _lua_close(L: number): void;
  _luaL_loadbuffer(L: number, buffer: number, size: number, name: number): number;
  _lua_pcall(L: number, nargs: number, nresults: number, errfunc: number): number;
  _lua_call(L: number, nargs: number, nresults: number): void;
  _lua_setfenv(L: number, index: number): number;
  _lua_error(L: number): number;
  _lua_gettop(L: number): number;
  _lua_settop(L: number, index: number): void;
  _lua_pushvalue(L: number, index: number): void;
  _lua_remove(L: number, index: number): void;
  _lua_insert(L: number, index: number): void;
  _lua_type(L: number, index: number): number;
  _lua_tonumber(L: number, index: number): number;
  _lua_toboolean(L: number, index: number): number;
  _lua_tolstring(L: number, index: number, lengthOut: number): number;
  _lua_objlen(L: number, index: number): number;
  _lua_pushnil(L: number): void;
  _lua_pushnumber(L: number, n: number): void;
  _lua_pushboolean(L: number, b: number): void;
  _lua_pushlstring(L: number, s: number, length: number): void;
  _lua_pushcclosure(L: number, fn: number, n: number): void;
  _lua_createtable(L: number, narr: number, nrec: number): void;
  _lua_rawget(L: number, index: number): void;
  _lua_rawgeti(L: number, index: number, n: number): void;
  _lua_rawset(L: number, index: number): void;
  _lua_rawseti(L: number, index: number, n: number): void;
  _lua_getfield(L: number, index: number, key: number): void;
  _lua_setfield(L: number, index: number, key: number): void;
  _lua_next(L: number, index: number): number;
  _lua_checkstack(L: number, extra: number): number;
  _lua_sethook(L: number, fn: number, mask: number, count: number): void;
  _lua_gc(L: number, what: number, data: number): number;
  _luaL_openlibs(L: number): void;
  _luaL_error(L: number, format: number): number;
  _luaL_checkinteger(L: number, arg: number): number;
  _luaL_argerror(L: number, arg: number, message: number): number;
}

export const LUA_REGISTRYINDEX = -10000;
export const LUA_GLOBALSINDEX = -10002;
export const LUA_MULTRET = -1;
export const LUA_MASKLINE = 4;
export const LUA_MASKCOUNT = 8;
export const LUA_GCCOUNT = 3;
export const LUA_GCSTEP = 5;

/** lua_type's answers. */
export const enum LuaType {
  None = -1,
  Nil = 0,
  Boolean = 1,
  LightUserdata = 2,
  Number = 3,
  String = 4,
  Table = 5,
  Function = 6,
  Userdata = 7,
  Thread = 8,
}

/** A Lua function written in JavaScript: reads its arguments from the stack, pushes its results, returns how many. */
export type HostFunction = (vm: LuaVm) => number;

/**
 * One Lua state and the byte-level helpers around it. Everything is synchronous: a
 * script runs to its end inside one call, which is what makes it atomic.
 */
export class LuaVm {
  readonly L: number;
  /** A scratch area in the WebAssembly memory for strings going in, grown on demand. */
  private scratch = 0;
  private scratchSize = 0;
  /** Four bytes where lua_tolstring writes a string's length. */
  private readonly lengthCell: number;
  /** Interned C strings (field names), allocated once. */
  private readonly names = new Map<string, number>();

  constructor(readonly module: LuaModule) {
    this.L = module._luaL_newstate();
    this.lengthCell = module._malloc(4);
    this.reserve(256);
  }

  close(): void {
    this.module._lua_close(this.L);
  }

  private reserve(size: number): number {
    if (size > this.scratchSize) {
      if (this.scratch !== 0) this.module._free(this.scratch);
      this.scratchSize = Math.max(size, this.scratchSize * 2);
      this.scratch = this.module._malloc(this.scratchSize);
    }
    return this.scratch;
  }

  /** A NUL-terminated copy of `name` in the WebAssembly memory, kept for the VM's lifetime. */
  cname(name: string): number {
    let pointer = this.names.get(name);
    if (pointer === undefined) {
      pointer = this.module._malloc(name.length + 1);
      const heap = this.module.HEAPU8;
      for (let i = 0; i < name.length; i++) heap[pointer + i] = name.charCodeAt(i);
      heap[pointer + name.length] = 0;
      this.names.set(name, pointer);
    }
    return pointer;
  }

  /** Pushes bytes as a Lua string. */
  pushBytes(bytes: Uint8Array): void {
    const pointer = this.reserve(bytes.length);
    this.module.HEAPU8.set(bytes, pointer);
    this.module._lua_pushlstring(this.L, pointer, bytes.length);
  }

  /** Pushes a latin1 string (one char, one byte) as a Lua string. */
  pushLatin1(text: string): void {
    const n = text.length;
    const pointer = this.reserve(n);
    const heap = this.module.HEAPU8;
    for (let i = 0; i < n; i++) heap[pointer + i] = text.charCodeAt(i);
    this.module._lua_pushlstring(this.L, pointer, n);
  }

  /** The string (or number, converted as Lua does) at `index` as bytes; undefined if neither. */
  toBytes(index: number): Buffer | undefined {
    const pointer = this.module._lua_tolstring(this.L, index, this.lengthCell);
    if (pointer === 0) return undefined;
    const length = this.module.HEAPU32[this.lengthCell >> 2];
    return Buffer.from(this.module.HEAPU8.subarray(pointer, pointer + length));
  }

  /** The same as a latin1 string (for messages and names). */
  toLatin1(index: number): string | undefined {
    const pointer = this.module._lua_tolstring(this.L, index, this.lengthCell);
    if (pointer === 0) return undefined;
    const length = this.module.HEAPU32[this.lengthCell >> 2];
    return Buffer.from(this.module.HEAPU8.buffer, this.module.HEAPU8.byteOffset + pointer, length).toString('latin1');
  }

  type(index: number): LuaType {
    return this.module._lua_type(this.L, index);
  }

  top(): number {
    return this.module._lua_gettop(this.L);
  }

  setTop(index: number): void {
    this.module._lua_settop(this.L, index);
  }

  /** Pushes t[key] for the table at `index`, without metamethods. */
  rawGetField(index: number, key: string): LuaType {
    const absolute = index < 0 && index > LUA_REGISTRYINDEX ? this.top() + index + 1 : index;
    this.pushLatin1(key);
    this.module._lua_rawget(this.L, absolute);
    return this.type(-1);
  }

  /** Sets t[name] = the value on top (popped), with metamethods, as lua_setfield. */
  setField(index: number, name: string): void {
    this.module._lua_setfield(this.L, index, this.cname(name));
  }

  getField(index: number, name: string): LuaType {
    this.module._lua_getfield(this.L, index, this.cname(name));
    return this.type(-1);
  }

  /** Makes a JavaScript function callable from Lua: pushes it as a C function. */
  pushFunction(fn: HostFunction): void {
    const pointer = this.module.addFunction(() => fn(this), 'ii');
    this.module._lua_pushcclosure(this.L, pointer, 0);
  }

  /**
   * Raises a Lua error with the value on top of the stack. Only from inside a host
   * function: lua_error unwinds (a longjmp, in WebAssembly an exception) back to the
   * pcall that runs the script.
   */
  raise(): never {
    this.module._lua_error(this.L);
    throw new Error('lua_error returned');
  }

  /** Compiles `source` as a chunk named `name`; pushes the function, or the error message. */
  load(source: Uint8Array, name: string): boolean {
    const pointer = this.reserve(source.length);
    this.module.HEAPU8.set(source, pointer);
    return this.module._luaL_loadbuffer(this.L, pointer, source.length, this.cname(name)) === 0;
  }

  /** lua_pcall: true when the call returned, false when it raised (the error is on top). */
  pcall(nargs: number, nresults: number, handlerIndex: number): boolean {
    return this.module._lua_pcall(this.L, nargs, nresults, handlerIndex) === 0;
  }
}
