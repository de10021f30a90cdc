// cmsgpack: Redis's MessagePack library (lua-cmsgpack 0.4.0 by Salvatore Sanfilippo,
// deps/lua/src/lua_cmsgpack.c), in Lua.
//
// The encoder makes the C library's choices, which a script can see in the bytes:
//   - A Lua table is an array when its keys are exactly 1..n, otherwise a map; tables
//     nested 16 deep are written as nil (the guard against cycles).
//   - A number that an int64 holds exactly is an integer, in the smallest format;
//     any other is a float (0xca) when a float holds it exactly, else a double.
//   - Strings use the str formats (fixstr, str8 from 32 bytes, str16, str32), never bin;
//     functions, userdata and threads become nil.
// The decoder reads what the C one reads (no bin or ext types: "Bad data format"), and
// turns uint64 values from 2^63 up into negative numbers, as the C code's cast to a
// signed Lua integer does.
import { LUA_IEEE754, librarySource, type LuaLibrary } from './library';

const body = String.raw`
local MAX_NESTING = 16
local TWO32 = 4294967296
local INT_MAX = 2147483647

-- ===== Encoding =====

local function be16(n) return string_char(math_floor(n / 256), n % 256) end
local function be32(n)
  local b1, b2, b3, b4 = bytes32(n)
  return string_char(b4, b3, b2, b1)
end
-- The 8 big-endian bytes of an integral n in [-2^63, 2^63), two's complement.
local function be64(n)
  local high = math_floor(n / TWO32)
  local low = n - high * TWO32
  if high < 0 then high = high + TWO32 end
  return be32(high) .. be32(low)
end

local function encode_integer(n)
  if n >= 0 then
    if n <= 127 then return string_char(n) end
    if n <= 255 then return '\204' .. string_char(n) end
    if n <= 65535 then return '\205' .. be16(n) end
    if n <= 4294967295 then return '\206' .. be32(n) end
    return '\207' .. be64(n)
  end
  if n >= -32 then return string_char(256 + n) end
  if n >= -128 then return '\208' .. string_char(256 + n) end
  if n >= -32768 then return '\209' .. be16(65536 + n) end
  if n >= -2147483648 then return '\210' .. be32(TWO32 + n) end
  return '\211' .. be64(n)
end

local function encode_number(n)
  -- IS_INT64_EQUIVALENT: not infinite and (int64_t)n == n.
  if n == n and n % 1 == 0 and n >= -9223372036854775808 and n < 9223372036854775808 then
    return encode_integer(n)
  end
  if n ~= n or to_float(n) ~= n then
    local high, low = double_bits(n)
    return '\203' .. be32(high) .. be32(low)
  end
  return '\202' .. be32(float_bits(n))
end

local function encode_string(s)
  local length = #s
  if length < 32 then return string_char(160 + length) .. s end
  if length <= 255 then return '\217' .. string_char(length) .. s end
  if length <= 65535 then return '\218' .. be16(length) .. s end
  return '\219' .. be32(length) .. s
end

-- table_is_an_array: keys exactly 1..n (each a positive integer that an int holds).
local function is_array(t)
  local count, max = 0, 0
  local k = next(t)
  while k ~= nil do
    if type(k) ~= 'number' or k <= 0 or k % 1 ~= 0 or k > INT_MAX then return false end
    if k > max then max = k end
    count = count + 1
    k = next(t, k)
  end
  return max == count
end

local encode_value

-- 'top' counts the values on the C encoder's stack, this table included.
local function encode_table(t, level, top, buffer, n)
  if top + 2 > MAX_C_STACK then raise('stack overflow (in function table_is_an_array)') end
  if is_array(t) then
    local length = #t
    n = n + 1
    if length <= 15 then
      buffer[n] = string_char(144 + length)
    elseif length <= 65535 then
      buffer[n] = '\220' .. be16(length)
    else
      buffer[n] = '\221' .. be32(length)
    end
    if top + 1 > MAX_C_STACK then raise('stack overflow (in function mp_encode_lua_table_as_array)') end
    for i = 1, length do n = encode_value(rawget(t, i), level + 1, top + 1, buffer, n) end
    return n
  end
  if top + 3 > MAX_C_STACK then raise('stack overflow (in function mp_encode_lua_table_as_map)') end
  local count = 0
  local k = next(t)
  while k ~= nil do
    count = count + 1
    k = next(t, k)
  end
  n = n + 1
  if count <= 15 then
    buffer[n] = string_char(128 + count)
  elseif count <= 65535 then
    buffer[n] = '\222' .. be16(count)
  else
    buffer[n] = '\223' .. be32(count)
  end
  local v
  k, v = next(t)
  while k ~= nil do
    n = encode_value(k, level + 1, top + 3, buffer, n)
    n = encode_value(v, level + 1, top + 2, buffer, n)
    k, v = next(t, k)
  end
  return n
end

encode_value = function(value, level, top, buffer, n)
  local kind = type(value)
  if kind == 'table' and level < MAX_NESTING then return encode_table(value, level, top, buffer, n) end
  n = n + 1
  if kind == 'string' then
    buffer[n] = encode_string(value)
  elseif kind == 'number' then
    buffer[n] = encode_number(value)
  elseif kind == 'boolean' then
    buffer[n] = value and '\195' or '\194'
  else
    buffer[n] = '\192'
  end
  return n
end

local function pack(count, args)
  local buffer, n = {}, 0
  for i = 1, count do n = encode_value(args[i], 0, count + i, buffer, n) end
  return table_concat(buffer, '', 1, n)
end

-- ===== Decoding =====

local EOF = 'Missing bytes in input.'
local BADFMT = 'Bad data format in input.'
local TOO_MANY = 'stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)'

local function u16(s, at)
  local b1, b2 = string_byte(s, at, at + 1)
  return b1 * 256 + b2
end
local function u32(s, at)
  local b1, b2, b3, b4 = string_byte(s, at, at + 3)
  return ((b1 * 256 + b2) * 256 + b3) * 256 + b4
end
-- 8 big-endian bytes as a signed 64-bit integer, rounded to a double once.
local function i64(s, at)
  local high, low = u32(s, at), u32(s, at + 4)
  if high >= 2147483648 then high = high - TWO32 end
  return high * TWO32 + low
end

local decode_value

-- t[k] = v as lua_settable does it in C: a nil or NaN key is an error without position.
local function settable(t, k, v)
  if k == nil then raise_bare('table index is nil') end
  if k ~= k then raise_bare('table index is NaN') end
  t[k] = v
end

local function decode_array(s, at, length, top)
  local t = {}
  if top + 2 > MAX_C_STACK then raise('stack overflow (in function mp_decode_to_lua_array)') end
  for i = 1, length do
    local v
    v, at = decode_value(s, at, top + 2)
    t[i] = v
  end
  return t, at
end

local function decode_map(s, at, length, top)
  local t = {}
  for _ = 1, length do
    local k, v
    k, at = decode_value(s, at, top + 1)
    v, at = decode_value(s, at, top + 2)
    settable(t, k, v)
  end
  return t, at
end

-- The value whose encoding starts at s[at], and the position after it. 'top' counts
-- the values on the C decoder's stack below this one.
decode_value = function(s, at, top)
  local left = #s - at + 1
  if left < 1 then raise(EOF) end
  if top + 1 > MAX_C_STACK then raise(TOO_MANY) end
  local c = string_byte(s, at)
  if c <= 127 then return c, at + 1 end
  if c >= 224 then return c - 256, at + 1 end
  if c >= 160 and c <= 191 then
    local length = c - 160
    if left < 1 + length then raise(EOF) end
    return string_sub(s, at + 1, at + length), at + 1 + length
  end
  if c >= 144 and c <= 159 then return decode_array(s, at + 1, c - 144, top) end
  if c <= 143 then return decode_map(s, at + 1, c - 128, top) end
  if c == 192 then return nil, at + 1 end
  if c == 194 then return false, at + 1 end
  if c == 195 then return true, at + 1 end
  if c == 204 then -- uint 8
    if left < 2 then raise(EOF) end
    return string_byte(s, at + 1), at + 2
  end
  if c == 208 then -- int 8
    if left < 2 then raise(EOF) end
    local b = string_byte(s, at + 1)
    if b >= 128 then b = b - 256 end
    return b, at + 2
  end
  if c == 205 or c == 209 then -- uint 16, int 16
    if left < 3 then raise(EOF) end
    local v = u16(s, at + 1)
    if c == 209 and v >= 32768 then v = v - 65536 end
    return v, at + 3
  end
  if c == 206 or c == 210 then -- uint 32, int 32
    if left < 5 then raise(EOF) end
    local v = u32(s, at + 1)
    if c == 210 and v >= 2147483648 then v = v - TWO32 end
    return v, at + 5
  end
  if c == 207 or c == 211 then -- uint 64, int 64: both land in a signed Lua integer
    if left < 9 then raise(EOF) end
    return i64(s, at + 1), at + 9
  end
  if c == 202 then -- float
    if left < 5 then raise(EOF) end
    return float_from_bits(u32(s, at + 1)), at + 5
  end
  if c == 203 then -- double
    if left < 9 then raise(EOF) end
    return double_from_bits(u32(s, at + 1), u32(s, at + 5)), at + 9
  end
  if c == 217 then -- str 8
    if left < 2 then raise(EOF) end
    local length = string_byte(s, at + 1)
    if left < 2 + length then raise(EOF) end
    return string_sub(s, at + 2, at + 1 + length), at + 2 + length
  end
  if c == 218 then -- str 16
    if left < 3 then raise(EOF) end
    local length = u16(s, at + 1)
    if left < 3 + length then raise(EOF) end
    return string_sub(s, at + 3, at + 2 + length), at + 3 + length
  end
  if c == 219 then -- str 32
    if left < 5 then raise(EOF) end
    local length = u32(s, at + 1)
    if left - 5 < length then raise(EOF) end
    return string_sub(s, at + 5, at + 4 + length), at + 5 + length
  end
  if c == 220 then -- array 16
    if left < 3 then raise(EOF) end
    return decode_array(s, at + 3, u16(s, at + 1), top)
  end
  if c == 221 then -- array 32
    if left < 5 then raise(EOF) end
    return decode_array(s, at + 5, u32(s, at + 1), top)
  end
  if c == 222 then -- map 16
    if left < 3 then raise(EOF) end
    return decode_map(s, at + 3, u16(s, at + 1), top)
  end
  if c == 223 then -- map 32
    if left < 5 then raise(EOF) end
    return decode_map(s, at + 5, u32(s, at + 1), top)
  end
  raise(BADFMT)
end

-- mp_unpack_full. 'base' is how many values the C function has on its stack before
-- the first result (its arguments).
local function unpack_full(s, limit, offset, base)
  local length = #s
  if offset < 0 or limit < 0 then
    raise(string_format('Invalid request to unpack with offset of %d and limit of %d.', toint32(offset), toint32(length)))
  elseif offset > length then
    raise(string_format('Start offset %d greater than input length %d.', toint32(offset), toint32(length)))
  end
  local decode_all = limit == 0 and offset == 0
  if decode_all then limit = INT_MAX end
  local results, count = {}, 0
  local at = offset + 1
  while at <= length and count < limit do
    local value
    value, at = decode_value(s, at, base + count)
    count = count + 1
    results[count] = value
  end
  if decode_all then return results, count end
  if base + count + 1 > MAX_C_STACK then raise('stack overflow (in function mp_unpack_full)') end
  for i = count, 1, -1 do results[i + 1] = results[i] end
  if at > length then results[1] = -1 else results[1] = at - 1 end
  return results, count + 1
end

-- luaL_checkinteger / luaL_optinteger for argument narg of n (value v).
local function integer_arg(level, fname, narg, n, v, default)
  if default ~= nil and v == nil then return default end
  local number = tonumber_arg(v)
  if number == nil then argerror(level + 1, narg, 'number expected, got ' .. typename(narg, n, v), fname) end
  return tointeger(number)
end

local function string_arg(level, fname, n, v)
  local s = tostring_arg(v)
  if s == nil then argerror(level + 1, 1, 'string expected, got ' .. typename(1, n, v), fname) end
  return s
end

local cmsgpack = {}

function cmsgpack.pack(...)
  local n = select('#', ...)
  if n == 0 then argerror(1, 0, 'MessagePack pack needs input.', 'pack') end
  if n + n > MAX_C_STACK then argerror(1, 0, 'Too many arguments for MessagePack pack.', 'pack') end
  local ok, result = pcall(pack, n, { ... })
  if ok then return result end
  rethrow(result, 'pack')
end

function cmsgpack.unpack(...)
  local n = select('#', ...)
  local s = string_arg(1, 'unpack', n, (...))
  local ok, results, count = pcall(unpack_full, s, 0, 0, n)
  if ok then return unpack_results(results, count) end
  rethrow(results, 'unpack')
end

function cmsgpack.unpack_one(...)
  local n = select('#', ...)
  local s, offset = ...
  offset = integer_arg(1, 'unpack_one', 2, n, offset, 0)
  s = string_arg(1, 'unpack_one', n, s)
  local ok, results, count = pcall(unpack_full, s, 1, offset, 1)
  if ok then return unpack_results(results, count) end
  rethrow(results, 'unpack_one')
end

function cmsgpack.unpack_limit(...)
  local n = select('#', ...)
  local s, limit, offset = ...
  limit = integer_arg(1, 'unpack_limit', 2, n, limit)
  offset = integer_arg(1, 'unpack_limit', 3, n, offset, 0)
  s = string_arg(1, 'unpack_limit', n, s)
  local ok, results, count = pcall(unpack_full, s, limit, offset, 1)
  if ok then return unpack_results(results, count) end
  rethrow(results, 'unpack_limit')
end

cmsgpack._NAME = 'cmsgpack'
cmsgpack._VERSION = 'lua-cmsgpack 0.4.0'
cmsgpack._COPYRIGHT = 'Copyright (C) 2012, Salvatore Sanfilippo'
cmsgpack._DESCRIPTION = 'MessagePack C implementation for Lua'

return cmsgpack
`;

export const cmsgpack: LuaLibrary = { name: 'cmsgpack', source: librarySource(body, LUA_IEEE754) };
