// The Lua libraries a script finds as globals, in the order Redis 7.0 loads them
// (script_lua.c luaLoadLibraries: cjson, struct, cmsgpack, bit).
import { bit } from './bit';
import { cjson } from './cjson';
import { cmsgpack } from './cmsgpack';
import type { LuaLibrary } from './library';
import { struct } from './struct';

export type { LuaLibrary } from './library';

export const luaLibraries: readonly LuaLibrary[] = [cjson, struct, cmsgpack, bit];
