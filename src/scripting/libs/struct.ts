// struct: Roberto Ierusalimschy's library for packing values into binary strings and
// back (Redis's deps/lua/src/lua_struct.c), in Lua.
//
// The C library works with the sizes and byte order of the machine Redis runs on; this
// one is fixed to what Redis has on x86-64 Linux, the usual server: little-endian by
// default, short 2, int 4, long and size_t 8, maximum alignment 8.
//
// Integers go through the C casts of lua_struct.c: a negative number through (long),
// any other through (unsigned long), so fractions are truncated and out-of-range values
// become what x86-64 makes of them (0 from 2^64 up, 0x8000000000000000 below -2^63 and
// for NaN). Formats wider than 8 bytes ('i9' to 'i32') hold the 8-byte value and zeros,
// and read back only 8 bytes, with the sign taken from the bit the C code's shift lands
// on. Positions and sizes are C's size_t: a negative offset wraps to a huge one. A
// 64-bit value read back becomes the nearest double, as in C; a number is split into
// two 32-bit halves to be exact, since doubles hold integers exactly only up to 2^53.
import { LUA_IEEE754, librarySource, type LuaLibrary } from './library';

const body = String.raw`
local LITTLE, BIG = 1, 0
local MAXALIGN = 8
local MAXINTSIZE = 32
local INT_MAX = 2147483647
local TWO32 = 4294967296

local sizes = {
  [98] = 1, [66] = 1, -- b B
  [104] = 2, [72] = 2, -- h H
  [108] = 8, [76] = 8, -- l L
  [84] = 8, -- T
  [102] = 4, -- f
  [100] = 8, -- d
  [120] = 1, -- x
}
local integer_options = { [98] = true, [66] = true, [104] = true, [72] = true, [108] = true, [76] = true,
  [84] = true, [105] = true, [73] = true }

-- x & mask for a non-negative integral x (or a negative one, as its two's complement)
-- and a mask below 32.
local function band_small(x, mask)
  x = x % 32
  local result, bit = 0, 1
  while bit <= mask do
    if x % (bit * 2) >= bit and mask % (bit * 2) >= bit then result = result + bit end
    bit = bit * 2
  end
  return result
end

local function isdigit(c) return c ~= nil and c >= 48 and c <= 57 end

local function isalnum(c)
  return (c >= 48 and c <= 57) or (c >= 65 and c <= 90) or (c >= 97 and c <= 122)
end

-- getnum: the number written at fmt[i..], or the default; and the position after it.
local function getnum(fmt, i, default)
  local c = string_byte(fmt, i)
  if not isdigit(c) then return default, i end
  local a = 0
  repeat
    local digit = c - 48
    if a > 214748364 or a * 10 > INT_MAX - digit then raise('integral size overflow') end
    a = a * 10 + digit
    i = i + 1
    c = string_byte(fmt, i)
  until not isdigit(c)
  return a, i
end

-- optsize: the size of option opt (whose digits start at fmt[i]), and where it ends.
local function optsize(opt, fmt, i)
  local size = sizes[opt]
  if size then return size, i end
  if opt == 99 then return getnum(fmt, i, 1) end -- c
  if opt == 105 or opt == 73 then -- i I
    size, i = getnum(fmt, i, 4)
    if size > MAXINTSIZE then
      raise(string_format('integral size %d is larger than limit of %d', size, MAXINTSIZE))
    end
    return size, i
  end
  return 0, i
end

-- gettoalign: the padding that puts an item of 'size' at an aligned position 'len'.
local function gettoalign(len, align, opt, size)
  if size == 0 or opt == 99 then return 0 end
  if size > align then size = align end
  return band_small(size - band_small(len, size - 1), size - 1)
end

-- controloptions: the endianness and alignment options; returns the new state and
-- where the option ends.
local function controloptions(opt, fmt, i, endian, align)
  if opt == 32 then return endian, align, i end
  if opt == 62 then return BIG, align, i end
  if opt == 60 then return LITTLE, align, i end
  if opt == 33 then
    local a
    a, i = getnum(fmt, i, MAXALIGN)
    if not (a > 0 and math_frexp(a) == 0.5) then
      raise(string_format('alignment %d is not a power of 2', a))
    end
    return endian, a, i
  end
  raise_argerror(1, string_format("invalid format option '%s'", string_char(opt)))
end

-- luaL_checknumber / luaL_checklstring on argument narg of n (for the error: 'level' is
-- where the library function is, see argerror; here always below a pcall).
local function checknumber(args, n, narg)
  local v = tonumber_arg(args[narg])
  if v == nil then
    raise_argerror(narg, 'number expected, got ' .. typename(narg, n, args[narg]))
  end
  return v
end

local function checkstring(args, n, narg)
  local s = tostring_arg(args[narg])
  if s == nil then
    raise_argerror(narg, 'string expected, got ' .. typename(narg, n, args[narg]))
  end
  return s
end

-- A format is a C string: it ends at its first NUL.
local function format_string(args, n)
  return string_match(checkstring(args, n, 1), '^[^%z]*')
end

-- The 64-bit pattern that putinteger's casts make of n, as two 32-bit halves.
local function integer_halves(n)
  local t
  if n < 0 then
    if n < -9223372036854775808 then return 2147483648, 0 end
    t = math_ceil(n)
  elseif n >= 0 then
    if n >= 18446744073709551616 then return 0, 0 end
    t = math_floor(n)
  else
    return 2147483648, 0 -- NaN
  end
  local high = math_floor(t / TWO32)
  local low = t - high * TWO32
  if high < 0 then high = high + TWO32 end
  return high, low
end

local function integer_bytes(n, endian, size)
  local high, low = integer_halves(n)
  local l1, l2, l3, l4 = bytes32(low)
  local h1, h2, h3, h4 = bytes32(high)
  local bytes = { l1, l2, l3, l4, h1, h2, h3, h4 }
  for k = 9, size do bytes[k] = 0 end
  if endian == BIG then
    local reversed = {}
    for k = 1, size do reversed[k] = bytes[size + 1 - k] end
    bytes = reversed
  end
  return string_char(unpack(bytes, 1, size))
end

-- 'count' bytes of a little-endian value, in the order the format's endianness puts them.
local function ordered(bytes, endian)
  if endian == BIG then return string_char(bytes[4], bytes[3], bytes[2], bytes[1]) end
  return string_char(bytes[1], bytes[2], bytes[3], bytes[4])
end

local function pack(n, args)
  local fmt = format_string(args, n)
  -- b_pack pushes a nil after its arguments, so a missing one is "nil", not "no value"
  -- (and only the first missing one is ever reached: nil fails every check).
  n = n + 1
  local endian, align = LITTLE, 1
  local arg = 2
  local total = 0
  local out, count = {}, 0
  local i, length = 1, #fmt
  while i <= length do
    local opt = string_byte(fmt, i)
    local size
    size, i = optsize(opt, fmt, i + 1)
    local toalign = gettoalign(total, align, opt, size)
    total = total + toalign
    if toalign > 0 then
      count = count + 1
      out[count] = string_rep('\0', toalign)
    end
    if integer_options[opt] then
      local number = checknumber(args, n, arg)
      arg = arg + 1
      count = count + 1
      out[count] = integer_bytes(number, endian, size)
    elseif opt == 120 then -- x
      count = count + 1
      out[count] = '\0'
    elseif opt == 102 then -- f
      local number = checknumber(args, n, arg)
      arg = arg + 1
      count = count + 1
      out[count] = ordered({ bytes32(float_bits(number)) }, endian)
    elseif opt == 100 then -- d
      local number = checknumber(args, n, arg)
      arg = arg + 1
      local high, low = double_bits(number)
      local l1, l2, l3, l4 = bytes32(low)
      local h1, h2, h3, h4 = bytes32(high)
      count = count + 1
      if endian == BIG then
        out[count] = string_char(h4, h3, h2, h1, l4, l3, l2, l1)
      else
        out[count] = string_char(l1, l2, l3, l4, h1, h2, h3, h4)
      end
    elseif opt == 99 or opt == 115 then -- c s
      local s = checkstring(args, n, arg)
      arg = arg + 1
      local l = #s
      if size == 0 then size = l end
      -- lua_struct.c names the argument after the string here.
      if l < size then raise_argerror(arg, 'string too short') end
      count = count + 1
      out[count] = string_sub(s, 1, size)
      if opt == 115 then
        count = count + 1
        out[count] = '\0'
        size = size + 1
      end
    else
      endian, align, i = controloptions(opt, fmt, i, endian, align)
    end
    total = total + size
  end
  return table_concat(out, '', 1, count)
end

-- getinteger: the value of 'size' bytes at data[at], as C reads it into an unsigned
-- long (keeping the 8 least significant bytes) and then converts it to a double.
local function read_integer(data, at, endian, signed, size)
  local bytes = { string_byte(data, at, at + size - 1) }
  local le = {}
  for k = 1, 8 do
    if endian == BIG then le[k] = bytes[size + 1 - k] or 0 else le[k] = bytes[k] or 0 end
  end
  local low = le[1] + le[2] * 256 + le[3] * 65536 + le[4] * 16777216
  local high = le[5] + le[6] * 256 + le[7] * 65536 + le[8] * 16777216
  if signed then
    -- The sign bit is where (size*8 - 1) lands in a 64-bit shift (x86 keeps 6 bits).
    local s = (size * 8 - 1) % 64
    if s >= 32 then
      local limit = 2 ^ (s - 32)
      if high >= limit then return (high % limit - limit) * TWO32 + low end
    elseif high > 0 or low >= 2 ^ s then
      local limit = 2 ^ s
      return low % limit - limit
    end
  end
  return high * TWO32 + low
end

-- (size_t)d for a c0 size: as x86-64 converts a double to an unsigned 64-bit integer
-- (nil for a "huge" result, which no string is long enough for).
local function to_size(d)
  if d ~= d then return nil end
  if d >= 18446744073709551616 then return 0 end
  if d <= -1 then return nil end
  if d < 0 then return 0 end
  return math_floor(d)
end

local function unpack_impl(n, args)
  local fmt = format_string(args, n)
  local data = checkstring(args, n, 2)
  local ld = #data
  local pos = 1
  if args[3] ~= nil then pos = tointeger(checknumber(args, n, 3)) end
  if pos == 0 then raise_argerror(3, 'offset must be 1 or greater') end
  -- A 0-based size_t; a negative value stands for a huge one (pos + 2^64).
  pos = pos - 1
  local results, count = {}, 0
  local endian, align = LITTLE, 1
  local i, length = 1, #fmt
  while i <= length do
    local opt = string_byte(fmt, i)
    local size
    size, i = optsize(opt, fmt, i + 1)
    pos = pos + gettoalign(pos, align, opt, size)
    if not (size <= ld and pos >= 0 and pos <= ld - size) then raise_argerror(2, 'data string too short') end
    if n + count + 2 > MAX_C_STACK then raise('stack overflow (too many results)') end
    if integer_options[opt] then
      count = count + 1
      results[count] = read_integer(data, pos + 1, endian, opt >= 97, size)
    elseif opt == 120 then -- x
    elseif opt == 102 then -- f
      local b1, b2, b3, b4 = string_byte(data, pos + 1, pos + 4)
      if endian == BIG then b1, b2, b3, b4 = b4, b3, b2, b1 end
      count = count + 1
      results[count] = float_from_bits(b1 + b2 * 256 + b3 * 65536 + b4 * 16777216)
    elseif opt == 100 then -- d
      local b = { string_byte(data, pos + 1, pos + 8) }
      if endian == BIG then b = { b[8], b[7], b[6], b[5], b[4], b[3], b[2], b[1] } end
      count = count + 1
      results[count] = double_from_bits(b[5] + b[6] * 256 + b[7] * 65536 + b[8] * 16777216,
        b[1] + b[2] * 256 + b[3] * 65536 + b[4] * 16777216)
    elseif opt == 99 then -- c
      if size == 0 then
        local previous = count > 0 and tonumber_arg(results[count])
        if not previous then raise("format 'c0' needs a previous size") end
        size = to_size(previous)
        results[count] = nil
        count = count - 1
        if not (size and size <= ld and pos <= ld - size) then raise_argerror(2, 'data string too short') end
      end
      count = count + 1
      results[count] = string_sub(data, pos + 1, pos + size)
    elseif opt == 115 then -- s
      local e = string_find(data, '\0', pos + 1, true)
      if not e then raise('unfinished string in data') end
      size = e - pos
      count = count + 1
      results[count] = string_sub(data, pos + 1, e - 1)
    else
      endian, align, i = controloptions(opt, fmt, i, endian, align)
    end
    pos = pos + size
  end
  count = count + 1
  results[count] = pos + 1
  return results, count
end

local function size_impl(n, args)
  local fmt = format_string(args, n)
  local endian, align = LITTLE, 1
  local pos = 0
  local i, length = 1, #fmt
  while i <= length do
    local opt = string_byte(fmt, i)
    local size
    size, i = optsize(opt, fmt, i + 1)
    pos = pos + gettoalign(pos, align, opt, size)
    if opt == 115 then
      raise_argerror(1, "option 's' has no fixed size")
    elseif opt == 99 and size == 0 then
      raise_argerror(1, "option 'c0' has no fixed size")
    end
    if not isalnum(opt) then endian, align, i = controloptions(opt, fmt, i, endian, align) end
    pos = pos + size
  end
  return pos
end

local struct = {}

function struct.pack(...)
  local ok, result = pcall(pack, select('#', ...), { ... })
  if ok then return result end
  rethrow(result, 'pack')
end

function struct.unpack(...)
  local ok, results, count = pcall(unpack_impl, select('#', ...), { ... })
  if ok then return unpack_results(results, count) end
  rethrow(results, 'unpack')
end

function struct.size(...)
  local ok, result = pcall(size_impl, select('#', ...), { ... })
  if ok then return result end
  rethrow(result, 'size')
end

return struct
`;

export const struct: LuaLibrary = { name: 'struct', source: librarySource(body, LUA_IEEE754) };
