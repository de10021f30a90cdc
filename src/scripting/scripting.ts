// Scripting per server: the EVAL script cache and interpreter, and the FUNCTION
// libraries with theirs (two Lua states, as in Redis, so SCRIPT FLUSH never touches a
// library). Kept in a WeakMap keyed by the server's state rather than in ServerState
// itself, so that a server that never runs a script holds nothing of it.

import type { Observable } from 'rxjs';
import type { ServerState } from '../commands/server-state';
import { loadedLuaModule, luaModule$ } from './engine';
import { EvalScripts } from './eval-scripts';
import { FunctionLibraries } from './functions';

export class Scripting {
  readonly scripts = new EvalScripts(() => loadedLuaModule()!);
  /** FUNCTION's libraries, in a Lua state of their own. */
  readonly functions = new FunctionLibraries(() => loadedLuaModule()!);
}

const byServer = new WeakMap<ServerState, Scripting>();

export function scriptingOf(server: ServerState): Scripting {
  let scripting = byServer.get(server);
  if (scripting === undefined) byServer.set(server, (scripting = new Scripting()));
  return scripting;
}

/** A scripting command's `prepare`: the engine's load while it is not loaded yet. */
export function engineNeeded(): Observable<unknown> | undefined {
  return loadedLuaModule() === undefined ? luaModule$ : undefined;
}
