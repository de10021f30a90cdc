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
//     "table index is nil"), raise_argerror() an argument error (below).
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

-- The server calls each library function through a C function of its own (a
-- "trampoline", lua-state.ts), so that a script's tail call \`return cjson.decode(x)\`
-- keeps the script's frame, as with Redis's C libraries. It loads the chunk with the
-- argument true; the frames above a library function are then one deeper.
local SHIFT = (...) and 1 or 0

-- Messages raised below the entry function travel as tables, so that the entry
-- function can tell them from anything else and rethrow them at its caller.
local function raise(message) error({ message }, 0) end
local function raise_bare(message) error({ message, true }, 0) end
local function raise_argerror(narg, message) error({ message, false, narg }, 0) end

local argerror

-- Called (not tail-called) by a library function with what its pcall caught, and the
-- library's name for that function (for an argument error).
local function rethrow(err, fname)
  if type(err) == 'table' then
    if err[3] then argerror(2, err[3], err[1], fname) end
    if err[2] then error(err[1], 0) end
    error(err[1], 3 + SHIFT)
  end
  error(err, 0)
end

-- luaL_argerror. 'level' is the library function's level as seen by the caller of
-- argerror: 1 when the library function calls argerror itself, 2 from a helper that it
-- calls, and so on (never through a tail call, which would remove a frame).
argerror = function(level, narg, message, fname)
  local name = fname
  local caller = getinfo(level + 2 + SHIFT, 'S')
  if not (caller and caller.what == 'tail') then
    local ar = getinfo(level + 1 + SHIFT, 'n')
    name = ar.name or '?'
    if ar.namewhat == 'method' then
      narg = narg - 1
      if narg == 0 then
        error(string_format("calling '%s' on bad self (%s)", name, message), level + 2 + SHIFT)
      end
    end
  end
  error(string_format("bad argument #%d to '%s' (%s)", narg, name, message), level + 2 + SHIFT)
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

-- Returns t[1..n], up to the 7999 values a C function could have returned: unpack()
-- itself holds three arguments on its stack, so two values go around it.
local function unpack_results(t, n)
  if n <= 2 then return unpack(t, 1, n) end
  return t[1], t[2], unpack(t, 3, n)
end

local zero = 0
local negative_zero = -zero
-- NaNs of a known sign (strtod("nan") is positive), and how to read a NaN's sign: the
-- bits are out of reach, but printf shows the sign.
local function is_negative_nan(x) return string_byte(string_format('%f', x)) == 45 end
local positive_nan = tonumber('nan') or (zero / zero)
if is_negative_nan(positive_nan) then positive_nan = -positive_nan end
local negative_nan = -positive_nan
-- The four bytes of an unsigned 32-bit number, least significant first.
local function bytes32(u)
  local b1 = u % 256
  u = (u - b1) / 256
  local b2 = u % 256
  u = (u - b2) / 256
  local b3 = u % 256
  return b1, b2, b3, (u - b3) / 256
end
`;

/**
 * IEEE 754 in Lua, for the libraries that read and write floats and doubles as bytes
 * (struct, cmsgpack). Lua 5.1 has no bit operations and no access to a number's bits,
 * so the bits are computed from math.frexp, and a double is rounded to float precision
 * by hand (round half to even, overflow to infinity, subnormals), as a C cast does. A
 * NaN keeps its sign; its payload is lost (quiet NaN).
 */
export const LUA_IEEE754 = String.raw`
local function round_half_even(s)
  local f = math_floor(s)
  local d = s - f
  if d > 0.5 or (d == 0.5 and f % 2 == 1) then return f + 1 end
  return f
end

-- (double)(float)x
local function to_float(x)
  if x ~= x or x == 0 or x == math_huge or x == -math_huge then return x end
  local a = x
  if a < 0 then a = -a end
  local m, e = math_frexp(a)
  local r
  if e >= -125 then
    r = math_ldexp(round_half_even(m * 16777216), e - 24)
    if r >= 340282366920938463463374607431768211456 then r = math_huge end
  else
    r = math_ldexp(round_half_even(math_ldexp(a, 149)), -149)
  end
  if x < 0 then return -r end
  return r
end

-- The bits of (float)x, as an unsigned 32-bit number.
local function float_bits(x)
  local sign = 0
  if x ~= x then
    if is_negative_nan(x) then sign = 2147483648 end
    return sign + 2143289344
  end
  x = to_float(x)
  if x < 0 or (x == 0 and 1 / x < 0) then
    sign = 2147483648
    x = -x
  end
  if x == math_huge then return sign + 2139095040 end
  if x == 0 then return sign end
  local m, e = math_frexp(x)
  if e >= -125 then return sign + (e + 126) * 8388608 + (m * 16777216 - 8388608) end
  return sign + math_ldexp(x, 149)
end

-- The bits of x, as two unsigned 32-bit numbers (high, low).
local function double_bits(x)
  local sign = 0
  if x ~= x then
    if is_negative_nan(x) then sign = 2147483648 end
    return sign + 2146959360, 0
  end
  if x < 0 or (x == 0 and 1 / x < 0) then
    sign = 2147483648
    x = -x
  end
  if x == math_huge then return sign + 2146435072, 0 end
  if x == 0 then return sign, 0 end
  local m, e = math_frexp(x)
  local biased, fraction
  if e >= -1021 then
    biased, fraction = e + 1022, m * 9007199254740992 - 4503599627370496
  else
    biased, fraction = 0, math_ldexp(x, 1074)
  end
  local high = math_floor(fraction / 4294967296)
  return sign + biased * 1048576 + high, fraction - high * 4294967296
end

local function float_from_bits(u)
  local negative = u >= 2147483648
  if negative then u = u - 2147483648 end
  local biased, fraction = math_floor(u / 8388608), u % 8388608
  local x
  if biased == 255 then
    if fraction ~= 0 then return negative and negative_nan or positive_nan end
    x = math_huge
  elseif biased == 0 then
    x = math_ldexp(fraction, -149)
  else
    x = math_ldexp(fraction + 8388608, biased - 150)
  end
  if negative then return -x end
  return x
end

local function double_from_bits(high, low)
  local negative = high >= 2147483648
  if negative then high = high - 2147483648 end
  local biased = math_floor(high / 1048576)
  local fraction = (high % 1048576) * 4294967296 + low
  local x
  if biased == 2047 then
    if fraction ~= 0 then return negative and negative_nan or positive_nan end
    x = math_huge
  elseif biased == 0 then
    x = math_ldexp(fraction, -1074)
  else
    x = math_ldexp(fraction + 4503599627370496, biased - 1075)
  end
  if negative then return -x end
  return x
end

`;

/** A library chunk: the shared helpers (and those of `extra`), then the library's own code. */
export function librarySource(body: string, ...extra: string[]): string {
  return [LUA_COMMON, ...extra, body].join('\n');
}
