// The harness of the Lua library specs: a table of Lua snippets, each run twice, inside a
// real redis-server 7.0 (EVAL, where the C libraries answer) and in a fresh wasmoon
// Lua 5.1 state where our Lua libraries are loaded, and the two answers compared.
//
// A snippet is wrapped so that what crosses back is one ASCII string describing Lua
// values, never a RESP conversion: `pcall` runs it, and every value it returns (or the
// error message) is serialised by the same Lua code in both places (`ser`: strings in
// double quotes, left unescaped, with control, backslash and non-ASCII bytes as \ddd,
// numbers with '%.17g', tables with sorted keys). Binary results (msgpack, struct.pack) read
// better wrapped in `hex(...)`. The wrapper fits on the snippet's first line, so an
// error's position ("user_script:1:") is the snippet's own, the same in both places.
//
// An expression snippet is passed as arguments to a function, never returned directly:
// `return f(x)` is a tail call, and a tail-called Lua function loses its caller's frame
// where a C function does not (see src/scripting/libs/library.ts). A block snippet
// should do the same (`local r = f(x) return r`), except in the cases that show that
// difference on purpose.
//
// Redis keeps a Lua state (and cjson's settings) between EVALs; each snippet runs after
// SCRIPT FLUSH, which gives it a fresh one, and on our side after a fresh load of the
// libraries.
//
// A case may carry the answer Redis gives (`expect`). It is checked against our
// libraries always, and against Redis too when it is installed, so an answer written by
// hand is itself checked against the oracle. Without redis-server only those run, and
// the comparison is skipped with a notice. A known difference carries, besides, the
// answer our libraries give instead (`ours`).
import { luaLibraries } from '../../../src/scripting/libs/index';
import { SKIPPED_NO_REDIS, findRedisServer, startRealRedis, warnRedisMissing, type RealRedis } from '../../support/real-redis';
import { RawConnection } from '../../support/raw-connection';
import { pipeline } from '../../support/resp2-call';
import type { Resp2Reply } from '../../support/resp2-reader';

/** One snippet: an expression, or a block (starting with a statement) that returns. */
export interface LuaCase {
  readonly lua: string;
  /** Redis's serialised answer, e.g. `true "[1,2]"` or `false "user_script:1: ..."`. */
  readonly expect?: string;
  /** For a known difference: the answer our libraries give instead of `expect`. */
  readonly ours?: string;
}

/** A case as a snippet, or [snippet, Redis's answer], or [snippet, Redis's answer, ours]. */
export type CaseRow = string | readonly [string, string] | readonly [string, string, string];

export const cases = (rows: readonly CaseRow[]): LuaCase[] =>
  rows.map((row) => (typeof row === 'string' ? { lua: row } : { lua: row[0], expect: row[1], ours: row[2] }));

const HELPERS = String.raw`
local cjson_ = cjson
local function ser(v, seen)
  local t = type(v)
  if t == 'string' then
    return '"' .. string.gsub(v, '[%c\\\128-\255]', function(c) return '\\' .. string.byte(c) end) .. '"'
  elseif t == 'number' then
    if v ~= v then return string.format('%f', v) end
    if v == math.huge then return 'inf' elseif v == -math.huge then return '-inf' end
    if v == 0 and 1 / v < 0 then return '-0' end
    return string.format('%.17g', v)
  elseif t == 'table' then
    seen = seen or {}
    if seen[v] then return '<cycle>' end
    seen[v] = true
    local items = {}
    for k, x in next, v do items[#items + 1] = '[' .. ser(k, seen) .. ']=' .. ser(x, seen) end
    seen[v] = nil
    table.sort(items)
    return '{' .. table.concat(items, ',') .. '}'
  elseif t == 'userdata' and cjson_ and v == cjson_.null then
    return 'null'
  end
  return t == 'nil' and 'nil' or (t == 'boolean' and tostring(v)) or t
end
local function hex(s)
  return (string.gsub(s, '.', function(c) return string.format('%02x', string.byte(c)) end))
end
local function pass(...) return ... end
local function results(...)
  local out = {}
  for i = 1, select('#', ...) do out[i] = ser((select(i, ...))) end
  return table.concat(out, ' ')
end
`
  .trim()
  .split('\n')
  .map((line) => line.trim())
  .join(' ');

const isBlock = (lua: string): boolean => /^\s*(local|return|for|if|do|while)\b/.test(lua);

/** The script both sides run: helpers and the snippet on line 1. */
export function caseScript(lua: string): string {
  const body = isBlock(lua) ? lua : `return pass(${lua})`;
  return `${HELPERS} return results(pcall(function() ${body}\nend))`;
}

/** A wasmoon Lua state with our libraries compiled once and reloaded for every case. */
export class OurLua {
  private constructor(private readonly lua: LuaEngine) {}

  static async create(): Promise<OurLua> {
    // wasmoon's loader does a dynamic import(), which Jest's module sandbox refuses
    // without --experimental-vm-modules; Node's own require loads it outside the sandbox.
    const nodeModule = (process as unknown as { getBuiltinModule(id: string): typeof import('node:module') }).getBuiltinModule('node:module');
    const nodeRequire = nodeModule.createRequire(__filename);
    const { Lua } = nodeRequire('wasmoon-lua5.1') as { Lua: { create(): Promise<LuaEngine> } };
    const lua = await Lua.create();
    for (const library of luaLibraries) {
      lua.ctx.__source = library.source;
      lua.doStringSync(`__load_${library.name} = assert(loadstring(__source, '=${library.name}'))`);
    }
    return new OurLua(lua);
  }

  /** Runs a case in fresh copies of the libraries; the serialised answer. */
  run(lua: string): string {
    const reload = luaLibraries.map((library) => `${library.name} = __load_${library.name}()`).join(' ');
    try {
      this.lua.doStringSync(reload);
      this.lua.ctx.__case = caseScript(lua);
      return String(this.lua.doStringSync("return assert(loadstring(__case, '@user_script'))()"));
    } catch (err) {
      return `ERROR: ${(err as Error).message}`;
    }
  }

  close(): void {
    this.lua.global.close();
  }
}

interface LuaEngine {
  ctx: Record<string, unknown>;
  global: { close(): void };
  doStringSync(code: string): unknown;
}

const replyText = (reply: Resp2Reply): string => {
  if (reply.kind === 'bulk' && reply.bytes !== null) return reply.bytes.toString('latin1');
  if (reply.kind === 'error') return `ERROR: ${reply.text}`;
  return `unexpected reply ${JSON.stringify(reply)}`;
};

/** Runs every case in redis-server, each after SCRIPT FLUSH; the answers in order. */
async function runInRedis(redis: RealRedis, all: readonly LuaCase[]): Promise<string[]> {
  const conn = await RawConnection.connect(redis.endpoint);
  try {
    const answers: string[] = [];
    const BATCH = 100;
    for (let start = 0; start < all.length; start += BATCH) {
      const batch = all.slice(start, start + BATCH);
      const replies = await pipeline(
        conn,
        batch.flatMap((c) => [['SCRIPT', 'FLUSH'], ['EVAL', caseScript(c.lua), '0']]),
      );
      for (let i = 1; i < replies.length; i += 2) answers.push(replyText(replies[i]));
    }
    return answers;
  } finally {
    conn.destroy();
  }
}

const redisBinary = findRedisServer();

/**
 * Registers the two blocks of a library's spec: the cases with an expected answer
 * (always), and every case compared with redis-server (when it is installed).
 */
export function describeLibraryCases(title: string, all: readonly LuaCase[]): void {
  let ours: OurLua | undefined;
  beforeAll(async () => {
    ours = await OurLua.create();
  });
  afterAll(() => ours?.close());
  const run = (lua: string): string => {
    if (ours === undefined) throw new Error('the Lua state is not created yet');
    return ours.run(lua);
  };

  const known = all.filter((c) => c.expect !== undefined);
  describe(`${title}: known answers`, () => {
    test.each(known.map((c) => [c.lua, c.ours ?? c.expect!]))('%s', (lua, expected) => {
      expect(run(lua)).toBe(expected);
    });
  });

  if (redisBinary === undefined) {
    warnRedisMissing(`${title} against redis-server (the known answers still run)`);
    describe.skip(`${title} against redis-server ${SKIPPED_NO_REDIS}`, () => {
      test('compares every case with Redis', () => undefined);
    });
    return;
  }

  describe(`${title} against redis-server`, () => {
    let theirs: string[] = [];
    beforeAll(async () => {
      const redis = await startRealRedis(redisBinary);
      if (redis === null) throw new Error('redis-server disappeared from PATH');
      try {
        theirs = await runInRedis(redis, all);
      } finally {
        await redis.stop();
      }
    }, 60_000);
    test.each(all.map((c, i) => [c.lua, i] as const))('%s', (lua, i) => {
      const c = all[i];
      if (c.expect !== undefined) expect(theirs[i]).toBe(c.expect);
      if (c.ours === undefined) expect(run(lua)).toBe(theirs[i]);
      else expect(run(lua)).toBe(c.ours);
    });
  });
}
