// bit: Mike Pall's LuaBitOp 1.0.2 (Redis's deps/lua/src/lua_bit.c), in Lua: 32-bit
// operations on Lua's doubles.
//
// What a script sees is LuaBitOp's normalisation of its arguments: a number is added to
// 2^52 + 2^51 and the low 32 bits of the sum's mantissa are taken, which wraps integers
// modulo 2^32 and rounds fractions to the nearest integer, ties to even (so
// tobit(2.5) is 2 and tobit(2^32 + 1) is 1); results are signed 32-bit numbers. The
// arithmetic here is on unsigned 32-bit values held in doubles, which hold them exactly;
// AND, OR and XOR go four bits at a time through 16x16 tables, there being no bit
// operations in Lua 5.1.
import { librarySource, type LuaLibrary } from './library';

const body = String.raw`
local TWO31, TWO32 = 2147483648, 4294967296
local MAGIC = 6755399441055744 -- 2^52 + 2^51
local TWO52, TWO53 = 4503599627370496, 9007199254740992

-- The 32 bits of a number (or numeric string) as LuaBitOp's barg takes them, unsigned;
-- nil for anything else.
local function tobits(v)
  -- tonumber is lua_tonumber for a number or a string, and nil for anything else.
  local s = tonumber(v)
  if s == nil then return nil end
  s = s + MAGIC
  if s >= TWO52 and s < TWO53 then return s % TWO32 end
  -- Far from zero the sum's exponent moves and the low word is a different slice of the
  -- number (or zero: infinities and NaN have an empty mantissa).
  if s ~= s or s == math_huge or s == -math_huge or s == 0 then return 0 end
  if s < 0 then s = -s end
  local m = math_frexp(s)
  return (m * TWO53 - TWO52) % TWO32
end

local function signed(b)
  if b >= TWO31 then return b - TWO32 end
  return b
end

-- The bad-argument error for argument narg of n ('level': see argerror).
local function bad(level, narg, n, v, fname)
  argerror(level + 1, narg, 'number expected, got ' .. typename(narg, n, v), fname)
end

-- a AND b, a OR b, a XOR b of two nibbles, at [a * 16 + b].
local AND4, OR4, XOR4 = {}, {}, {}
for a = 0, 15 do
  for b = 0, 15 do
    local land, lor, lxor, bit = 0, 0, 0, 1
    for _ = 1, 4 do
      local x, y = math_floor(a / bit) % 2, math_floor(b / bit) % 2
      if x == 1 and y == 1 then land = land + bit end
      if x == 1 or y == 1 then lor = lor + bit end
      if x ~= y then lxor = lxor + bit end
      bit = bit * 2
    end
    AND4[a * 16 + b], OR4[a * 16 + b], XOR4[a * 16 + b] = land, lor, lxor
  end
end

local function band2(a, b)
  local r, m = 0, 1
  while a > 0 and b > 0 do
    local x, y = a % 16, b % 16
    r = r + AND4[x * 16 + y] * m
    a, b, m = (a - x) / 16, (b - y) / 16, m * 16
  end
  return r
end

local function bor2(a, b)
  local r, m = 0, 1
  while a > 0 and b > 0 do
    local x, y = a % 16, b % 16
    r = r + OR4[x * 16 + y] * m
    a, b, m = (a - x) / 16, (b - y) / 16, m * 16
  end
  return r + (a + b) * m
end

local function bxor2(a, b)
  local r, m = 0, 1
  while a > 0 and b > 0 do
    local x, y = a % 16, b % 16
    r = r + XOR4[x * 16 + y] * m
    a, b, m = (a - x) / 16, (b - y) / 16, m * 16
  end
  return r + (a + b) * m
end

local bit = {}

function bit.tobit(...)
  local b = tobits((...))
  if b == nil then bad(1, 1, select('#', ...), (...), 'tobit') end
  return signed(b)
end

function bit.bnot(...)
  local b = tobits((...))
  if b == nil then bad(1, 1, select('#', ...), (...), 'bnot') end
  return signed(TWO32 - 1 - b)
end

-- band, bor, bxor: LuaBitOp reads the first argument, then the others from the last one
-- down, which decides which bad argument an error names.
local function fold(name, op, ...)
  local n = select('#', ...)
  local b = tobits((...))
  if b == nil then bad(2, 1, n, (...), name) end
  for i = n, 2, -1 do
    local v = select(i, ...)
    local x = tobits(v)
    if x == nil then bad(2, i, n, v, name) end
    b = op(b, x)
  end
  return b
end

function bit.band(...)
  local a, b = ...
  if select('#', ...) == 2 then
    local x, y = tobits(a), tobits(b)
    if x and y then return signed(band2(x, y)) end
  end
  local r = fold('band', band2, ...)
  return signed(r)
end

function bit.bor(...)
  local a, b = ...
  if select('#', ...) == 2 then
    local x, y = tobits(a), tobits(b)
    if x and y then return signed(bor2(x, y)) end
  end
  local r = fold('bor', bor2, ...)
  return signed(r)
end

function bit.bxor(...)
  local a, b = ...
  if select('#', ...) == 2 then
    local x, y = tobits(a), tobits(b)
    if x and y then return signed(bxor2(x, y)) end
  end
  local r = fold('bxor', bxor2, ...)
  return signed(r)
end

-- The value and the shift count (its low five bits) of a shift or rotation.
local function shift_args(name, ...)
  local n = select('#', ...)
  local v, count = ...
  local b = tobits(v)
  if b == nil then bad(2, 1, n, v, name) end
  local c = tobits(count)
  if c == nil then bad(2, 2, n, count, name) end
  return b, c % 32
end

function bit.lshift(...)
  local b, n = shift_args('lshift', ...)
  return signed((b * 2 ^ n) % TWO32)
end

function bit.rshift(...)
  local b, n = shift_args('rshift', ...)
  return signed(math_floor(b / 2 ^ n))
end

function bit.arshift(...)
  local b, n = shift_args('arshift', ...)
  return math_floor(signed(b) / 2 ^ n)
end

function bit.rol(...)
  local b, n = shift_args('rol', ...)
  return signed((b * 2 ^ n) % TWO32 + math_floor(b / 2 ^ (32 - n)))
end

function bit.ror(...)
  local b, n = shift_args('ror', ...)
  return signed(math_floor(b / 2 ^ n) + (b * 2 ^ (32 - n)) % TWO32)
end

function bit.bswap(...)
  local b = tobits((...))
  if b == nil then bad(1, 1, select('#', ...), (...), 'bswap') end
  local b1, b2, b3, b4 = bytes32(b)
  return signed(((b1 * 256 + b2) * 256 + b3) * 256 + b4)
end

function bit.tohex(...)
  local n = select('#', ...)
  local v, digits = ...
  local b = tobits(v)
  if b == nil then bad(1, 1, n, v, 'tohex') end
  local count = 8
  if n >= 2 then
    count = tobits(digits)
    if count == nil then bad(1, 2, n, digits, 'tohex') end
    count = signed(count)
  end
  local format = '%04x%04x'
  if count < 0 then
    -- In C, -INT_MIN overflows; gcc, allowed to assume it does not, also ends at 8.
    count = -count
    format = '%04X%04X'
  end
  if count > 8 then count = 8 end
  if count == 0 then return '' end
  return string_sub(string_format(format, math_floor(b / 65536), b % 65536), 9 - count)
end

return bit
`;

export const bit: LuaLibrary = { name: 'bit', source: librarySource(body) };
