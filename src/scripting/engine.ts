// Loading the Lua engine: once per process, on first use, shared by every caller.
//
// RxJS pattern shown: a lazy, shared, one-time resource. `defer` does nothing until the
// first subscriber (no script ever run: the WebAssembly module is never even read, so
// start-up and every other command cost the same as without scripting); `shareReplay(1)`
// makes every later subscriber, during the load or long after it, get the same loaded
// module instead of loading it again. The package is `require`d inside the defer for the
// same reason: the server's bundle keeps it external and touches it only then.

import { createRequire } from 'node:module';
import { type Observable, defer, from, map, shareReplay } from 'rxjs';
import type { LuaModule } from './lua-vm';

let loaded: LuaModule | undefined;

export const luaModule$: Observable<LuaModule> = defer(() => {
  // Node's own require, made here: the package's loader does `await import('module')`,
  // which a test runner's module sandbox (jest's vm contexts) refuses without a flag.
  // (jest also replaces module.createRequire; process.getBuiltinModule gives Node's.)
  const builtin = (process as { getBuiltinModule?: (name: string) => unknown }).getBuiltinModule?.('node:module') as
    | { createRequire: typeof createRequire }
    | undefined;
  const nodeRequire = (builtin?.createRequire ?? createRequire)(__filename);
  const { LuaApi } = nodeRequire('wasmoon-lua5.1') as typeof import('wasmoon-lua5.1');
  return from(LuaApi.initialize());
}).pipe(
  map((api) => (loaded = api.module as unknown as LuaModule)),
  shareReplay(1),
);

/** The engine if it has finished loading: commands then run at once, without waiting. */
export function loadedLuaModule(): LuaModule | undefined {
  return loaded;
}
