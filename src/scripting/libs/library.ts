// The shape of a Lua library that the scripting engine preloads, and the Lua helpers that
// the four Redis libraries (cjson, struct, cmsgpack, bit) share.
//
// Redis compiles these libraries into its Lua as C. Our Lua is an unmodified WebAssembly
// build, so each library is a Lua 5.1 chunk instead, and has to imitate what a C
// function looks like from a script:
//   - Errors. luaL_error prefixes the message with the position of the Lua line that
//     called the C function ("user_script:1: ..."); a C function has no line of its own.
//     A Lua function gets the same prefix with error(message, 2) from its own frame. Deep
//     inside a parser the frame count is unknown, so the libraries run their work under
//     pcall and rethrow() from the entry function: raise() marks a message that wants
//     the caller's position, raise_bare() one that Lua's core raised without one (e.g.
//     "table index is nil").
//   - Argument errors. luaL_argerror names the function as the caller spelled it
//     ("bad argument #1 to 'decode'"), from debug information about the calling frame;
//     argerror() reads the same information. The one place where a Lua function cannot
//     match is a tail call (`return cjson.decode(x)`): Lua drops the caller's frame for
//     a Lua callee but not for a C one, so both the position prefix and the name are
//     lost. For the name we fall back to the library's own name for the function,
//     which is what such a call almost always spells.
//   - Conversions. C casts a double to an integer by truncation, and an out-of-range
//     value to the "integer indefinite" 0x8000000000000000 (x86-64); tointeger() and
//     toint32() reproduce lua_tointeger followed by a cast to int.
//   - Stack limits. A C function may hold at most LUAI_MAXCSTACK (8000) values on its
//     stack, so Redis's parsers fail at a nesting depth that depends on how many values
//     they keep per level; the libraries count those values to fail where Redis fails.
//
// Every library captures the globals it uses when its chunk runs, so that a script that
// shadows or (before the sandbox locks the globals) replaces `type` or `string.format`
// cannot change how the library behaves.

/** A library as the scripting engine loads it. */
export interface LuaLibrary {
  /** The global it becomes (`cjson`, `struct`, `cmsgpack`, `bit`). */
  readonly name: string;
  /** A Lua 5.1 chunk: called with no arguments, it returns the library table. */
  readonly source: string;
}

/** LUAI_MAXCSTACK in Redis's luaconf.h: how many stack slots a C function may use. */
export const LUA_MAX_C_STACK = 8000;

/**
 * Lua helpers put at the top of every library chunk (each library gets its own copy,
 * as locals of its chunk).
 */
export const LUA_COMMON = String.raw`
local type, select, error, tostring, tonumber, next, rawget, rawset, pcall, unpack =
  type, select, error, tostring, tonumber, next, rawget, rawset, pcall, unpack
local setmetatable, getmetatable, newproxy = setmetatable, getmetatable, newproxy
local string_format, string_byte, string_char, string_sub, string_find, string_match, string_gsub, string_rep, string_lower =
  string.format, string.byte, string.char, string.sub, string.find, string.match, string.gsub, string.rep, string.lower
local table_concat = table.concat
local math_floor, math_ceil, math_frexp, math_ldexp, math_huge =
  math.floor, math.ceil, math.frexp, math.ldexp, math.huge
local getinfo = debug.getinfo

local MAX_C_STACK = ${LUA_MAX_C_STACK}

-- Messages raised below the entry function travel as tables, so that the entry
-- function can tell them from anything else and rethrow them at its caller.
local function raise(message) error({ message }, 0) end
local function raise_bare(message) error({ message, true }, 0) end

-- Called (not tail-called) by a library function with what its pcall caught.
local function rethrow(err)
  if type(err) == 'table' then
    if err[2] then error(err[1], 0) end
    error(err[1], 3)
  end
  error(err, 0)
end

-- luaL_argerror. 'level' is the library function's level as seen by the caller of
-- argerror: 1 when the library function calls argerror itself, 2 from a helper that it
-- calls, and so on (never through a tail call, which would remove a frame).
local function argerror(level, narg, message, fname)
  local name = fname
  local caller = getinfo(level + 2, 'S')
  if not (caller and caller.what == 'tail') then
    local ar = getinfo(level + 1, 'n')
    name = ar.name or '?'
    if ar.namewhat == 'method' then
      narg = narg - 1
      if narg == 0 then
        error(string_format("calling '%s' on bad self (%s)", name, message), level + 2)
      end
    end
  end
  error(string_format("bad argument #%d to '%s' (%s)", narg, name, message), level + 2)
end

-- luaL_typename for argument narg of a call that received n arguments.
local function typename(narg, n, value)
  if narg > n then return 'no value' end
  return type(value)
end

-- lua_tonumber: numbers, and strings that read as numbers; nil otherwise.
local function tonumber_arg(value)
  local t = type(value)
  if t == 'number' then return value end
  if t == 'string' then return tonumber(value) end
  return nil
end

-- lua_tostring on a string or a number (LUA_NUMBER_FMT); nil otherwise.
local function tostring_arg(value)
  local t = type(value)
  if t == 'string' then return value end
  if t == 'number' then return string_format('%.14g', value) end
  return nil
end

-- (lua_Integer) of a double on x86-64: truncation, 0x8000000000000000 when out of range.
local function tointeger(n)
  if n ~= n or n >= 9223372036854775808 or n < -9223372036854775808 then return -9223372036854775808 end
  if n >= 0 then return math_floor(n) end
  return math_ceil(n)
end

-- The low 32 bits of an integral double, as a signed int (what a cast to int keeps).
local function toint32(i)
  i = i % 4294967296
  if i >= 2147483648 then i = i - 4294967296 end
  return i
end
`;

/** A library chunk: the shared helpers, then the library's own code. */
export function librarySource(body: string): string {
  return `${LUA_COMMON}\n${body}`;
}
