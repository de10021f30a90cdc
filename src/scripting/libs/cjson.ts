// cjson: Redis's JSON library (Lua CJSON 2.1.0, deps/lua/src/lua_cjson.c), in Lua.
//
// Scripts depend on its exact output, so this follows the C code's decisions rather
// than JSON's: numbers are printed with '%.14g' (so 3.0 is "3" and 0.1 is "0.1"), '/'
// is escaped as "\/", a table is an array when all its keys are positive integers and
// it is not "excessively sparse", and errors carry the C library's texts. The decoder
// accepts what C's strtod accepts where a number may start (hex, "+1", "inf", "nan"),
// since Redis's build leaves decode_invalid_numbers on.
//
// JSON null decodes to cjson.null. In Redis that is a NULL light userdata; here it is a
// userdata made by newproxy, shared by every cjson.new() instance as the C one is, whose
// tostring is Redis's "userdata: (nil)".
//
// Each cjson table (the global and every cjson.new()) has its own configuration, kept
// for the life of the Lua state, as the C library keeps it in an upvalue.
import { librarySource, type LuaLibrary } from './library';

const body = String.raw`
local T_OBJ_BEGIN, T_OBJ_END, T_ARR_BEGIN, T_ARR_END, T_STRING, T_NUMBER, T_BOOLEAN, T_NULL, T_COLON, T_COMMA, T_END, T_ERROR =
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
local token_names = {
  'T_OBJ_BEGIN', 'T_OBJ_END', 'T_ARR_BEGIN', 'T_ARR_END', 'T_STRING', 'T_NUMBER',
  'T_BOOLEAN', 'T_NULL', 'T_COLON', 'T_COMMA', 'T_END', 'T_ERROR',
}
local single_char_tokens = {
  [123] = T_OBJ_BEGIN, [125] = T_OBJ_END, [91] = T_ARR_BEGIN, [93] = T_ARR_END,
  [44] = T_COMMA, [58] = T_COLON,
}
local INT_MAX = 2147483647

local null = newproxy(true)
do
  local mt = getmetatable(null)
  mt.__tostring = function() return 'userdata: (nil)' end
  mt.__metatable = false
end

local infinity = math_huge

-- ===== Encoding =====

local escapes = {}
for i = 0, 31 do escapes[string_char(i)] = string_format('\\u%04x', i) end
escapes['\b'] = '\\b'
escapes['\t'] = '\\t'
escapes['\n'] = '\\n'
escapes['\f'] = '\\f'
escapes['\r'] = '\\r'
escapes['"'] = '\\"'
escapes['\\'] = '\\\\'
escapes['/'] = '\\/'
escapes['\127'] = '\\u007f'
local ESCAPED = '[%z\1-\031"/\\\127]'

-- int * int as C computes it: the low 32 bits, signed.
local function int_multiply(a, b)
  local high, low = math_floor(b / 65536), b % 65536
  return toint32(((a * high) % 4294967296) * 65536 + a * low)
end

local function encode_number(cfg, value)
  if value ~= value or value == infinity or value == -infinity then
    local invalid = cfg.encode_invalid_numbers
    if invalid == 0 then raise('Cannot serialise number: must not be NaN or Inf') end
    if invalid == 2 then return 'null' end
    if value ~= value then return 'nan' end
  elseif value % 1 == 0 and value ~= 0 and value < cfg.plain_integers and value > -cfg.plain_integers then
    -- Integers that '%.14g' prints digit for digit: '%d' prints the same, faster.
    return string_format('%d', value)
  end
  return string_format(cfg.number_format, value)
end

-- lua_array_length: the array's length, or -1 for an object. Tracks 'max' as the C int
-- it is, so a key above INT_MAX turns it negative (and the table into an object).
local function array_length(cfg, t)
  local max, items = 0, 0
  local k = next(t)
  while k ~= nil do
    if type(k) == 'number' and k ~= 0 and math_floor(k) == k and k >= 1 then
      if k > max then
        if k <= INT_MAX then max = k else max = -2147483648 end
      end
      items = items + 1
    else
      return -1
    end
    k = next(t, k)
  end
  local ratio = cfg.sparse_ratio
  if ratio > 0 and max > int_multiply(items, ratio) and max > cfg.sparse_safe then
    if not cfg.sparse_convert then raise('Cannot serialise table: excessively sparse array') end
    return -1
  end
  return max
end

local encode_value

-- 'top' counts the values that Redis's encoder would have on its C stack here.
local function encode_table(cfg, t, depth, top, buffer, n)
  depth = depth + 1
  if depth > cfg.encode_max_depth or top + 3 > MAX_C_STACK then
    raise(string_format('Cannot serialise, excessive nesting (%d)', depth))
  end
  local length = array_length(cfg, t)
  if length > 0 then
    n = n + 1
    buffer[n] = '['
    for i = 1, length do
      if i > 1 then
        n = n + 1
        buffer[n] = ','
      end
      local v = rawget(t, i)
      local kind = type(v)
      if kind == 'number' then
        n = n + 1
        buffer[n] = encode_number(cfg, v)
      elseif kind == 'string' then
        n = n + 1
        buffer[n] = '"' .. string_gsub(v, ESCAPED, escapes) .. '"'
      else
        n = encode_value(cfg, v, depth, top + 1, buffer, n)
      end
    end
    n = n + 1
    buffer[n] = ']'
    return n
  end
  n = n + 1
  buffer[n] = '{'
  local first = true
  local k, v = next(t)
  while k ~= nil do
    if first then
      first = false
    else
      n = n + 1
      buffer[n] = ','
    end
    local kind = type(k)
    if kind == 'number' then
      n = n + 1
      buffer[n] = '"' .. encode_number(cfg, k) .. '":'
    elseif kind == 'string' then
      n = n + 1
      buffer[n] = '"' .. string_gsub(k, ESCAPED, escapes) .. '":'
    else
      raise('Cannot serialise ' .. kind .. ': table key must be a number or string')
    end
    local vkind = type(v)
    if vkind == 'number' then
      n = n + 1
      buffer[n] = encode_number(cfg, v)
    elseif vkind == 'string' then
      n = n + 1
      buffer[n] = '"' .. string_gsub(v, ESCAPED, escapes) .. '"'
    else
      n = encode_value(cfg, v, depth, top + 2, buffer, n)
    end
    k, v = next(t, k)
  end
  n = n + 1
  buffer[n] = '}'
  return n
end

encode_value = function(cfg, value, depth, top, buffer, n)
  local kind = type(value)
  if kind == 'string' then
    n = n + 1
    buffer[n] = '"' .. string_gsub(value, ESCAPED, escapes) .. '"'
  elseif kind == 'number' then
    n = n + 1
    buffer[n] = encode_number(cfg, value)
  elseif kind == 'boolean' then
    n = n + 1
    buffer[n] = value and 'true' or 'false'
  elseif kind == 'table' then
    n = encode_table(cfg, value, depth, top, buffer, n)
  elseif kind == 'nil' or value == null then
    n = n + 1
    buffer[n] = 'null'
  else
    raise('Cannot serialise ' .. kind .. ': type not supported')
  end
  return n
end

local function encode(cfg, value)
  local buffer = {}
  local n = encode_value(cfg, value, 0, 1, buffer, 0)
  return table_concat(buffer, '', 1, n)
end

-- ===== Decoding =====

local escape_chars = {
  [34] = '"', [92] = '\\', [47] = '/', [98] = '\b', [116] = '\t', [110] = '\n', [102] = '\f', [114] = '\r',
}

local function utf8(codepoint)
  if codepoint <= 0x7F then return string_char(codepoint) end
  if codepoint <= 0x7FF then
    return string_char(0xC0 + math_floor(codepoint / 64), 0x80 + codepoint % 64)
  end
  if codepoint <= 0xFFFF then
    return string_char(0xE0 + math_floor(codepoint / 4096), 0x80 + math_floor(codepoint / 64) % 64, 0x80 + codepoint % 64)
  end
  return string_char(0xF0 + math_floor(codepoint / 262144), 0x80 + math_floor(codepoint / 4096) % 64,
    0x80 + math_floor(codepoint / 64) % 64, 0x80 + codepoint % 64)
end

-- A \uXXXX escape (or a surrogate pair of them) at 'at' (the backslash): its UTF-8 and
-- its length, or nil.
local function unicode_escape(s, at)
  local hex = string_match(s, '^%x%x%x%x', at + 2)
  if not hex then return nil end
  local codepoint = tonumber(hex, 16)
  local length = 6
  if codepoint >= 0xD800 and codepoint <= 0xDFFF then
    if codepoint >= 0xDC00 then return nil end
    local low = string_match(s, '^\\u(%x%x%x%x)', at + 6)
    if not low then return nil end
    low = tonumber(low, 16)
    if low < 0xDC00 or low > 0xDFFF then return nil end
    codepoint = (codepoint - 0xD800) * 1024 + (low - 0xDC00) + 0x10000
    length = 12
  end
  return utf8(codepoint), length
end

-- A string token whose opening quote is at 'at'.
local function string_token(p, at)
  local s = p.s
  local i = at + 1
  local parts, n = nil, 0
  while true do
    local j = string_find(s, '["\\%z]', i)
    if not j then return T_ERROR, 'unexpected end of string', #s end
    local c = string_byte(s, j)
    if c == 34 then
      p.pos = j + 1
      if parts == nil then return T_STRING, string_sub(s, i, j - 1), at - 1 end
      n = n + 1
      parts[n] = string_sub(s, i, j - 1)
      return T_STRING, table_concat(parts, '', 1, n), at - 1
    end
    if c == 0 then return T_ERROR, 'unexpected end of string', j - 1 end
    parts = parts or {}
    if j > i then
      n = n + 1
      parts[n] = string_sub(s, i, j - 1)
    end
    local e = string_byte(s, j + 1)
    if e == 117 then
      local text, length = unicode_escape(s, j)
      if not text then return T_ERROR, 'invalid unicode escape code', j - 1 end
      n = n + 1
      parts[n] = text
      i = j + length
    else
      local text = escape_chars[e]
      if not text then return T_ERROR, 'invalid escape code', j - 1 end
      n = n + 1
      parts[n] = text
      i = j + 2
    end
  end
end

-- json_is_invalid_number: a "number" that strtod takes but strict JSON does not.
local function is_invalid_number(s, at)
  local c = string_byte(s, at) or 0
  if c == 43 then return true end
  if c == 45 then
    at = at + 1
    c = string_byte(s, at) or 0
  end
  if c == 48 then
    local c2 = string_byte(s, at + 1) or 0
    return c2 == 120 or c2 == 88 or (c2 >= 48 and c2 <= 57)
  end
  if c <= 57 or c >= 128 then return false end
  local word = string_lower(string_sub(s, at, at + 2))
  return word == 'inf' or word == 'nan'
end

-- strtod at 'at': the value and the position after the number, or nil when strtod
-- would convert nothing.
local function strtod(s, at)
  local i = at
  local c = string_byte(s, i)
  local negative = false
  if c == 45 or c == 43 then
    negative = c == 45
    i = i + 1
    c = string_byte(s, i)
  end
  if c == nil then return nil end
  if (c >= 48 and c <= 57) or c == 46 then
    if c == 48 then
      local x = string_byte(s, i + 1)
      if x == 120 or x == 88 then
        local stop = string_match(s, '^%x+%.?%x*()', i + 2) or string_match(s, '^%.%x+()', i + 2)
        if not stop then return negative and negative_zero or 0, i + 1 end
        local p = string_byte(s, stop)
        if p == 112 or p == 80 then stop = string_match(s, '^[-+]?%d+()', stop + 1) or stop end
        return tonumber(string_sub(s, at, stop - 1)), stop
      end
    end
    local stop = string_match(s, '^%d+%.?%d*()', i) or string_match(s, '^%.%d+()', i)
    if not stop then return nil end
    local e = string_byte(s, stop)
    if e == 101 or e == 69 then stop = string_match(s, '^[-+]?%d+()', stop + 1) or stop end
    return tonumber(string_sub(s, at, stop - 1)), stop
  end
  if c == 105 or c == 73 then
    local word = string_lower(string_sub(s, i, i + 7))
    if word == 'infinity' then return negative and -infinity or infinity, i + 8 end
    if string_sub(word, 1, 3) == 'inf' then return negative and -infinity or infinity, i + 3 end
  elseif c == 110 or c == 78 then
    if string_lower(string_sub(s, i, i + 2)) == 'nan' then
      local stop = string_match(s, '^%([%w_]*%)()', i + 3) or (i + 3)
      return negative and negative_nan or positive_nan, stop
    end
  end
  return nil
end

-- The next token: its type, its value (the message for T_ERROR) and its 0-based index.
local function next_token(p)
  local s, at = p.s, p.pos
  local c = string_byte(s, at)
  if c == 32 or c == 9 or c == 10 or c == 13 then
    local _, last = string_find(s, '^[ \t\n\r]*', at)
    at = last + 1
    p.pos = at
    c = string_byte(s, at)
  end
  if c == nil or c == 0 then return T_END, nil, at - 1 end
  local single = single_char_tokens[c]
  if single then
    p.pos = at + 1
    return single, nil, at - 1
  end
  if c == 34 then return string_token(p, at) end
  if c == 45 or (c >= 48 and c <= 57) then
    if not p.cfg.decode_invalid_numbers and is_invalid_number(s, at) then
      return T_ERROR, 'invalid number', at - 1
    end
    local value, stop = strtod(s, at)
    if not value then return T_ERROR, 'invalid number', at - 1 end
    p.pos = stop
    return T_NUMBER, value, at - 1
  end
  if c == 116 and string_sub(s, at, at + 3) == 'true' then
    p.pos = at + 4
    return T_BOOLEAN, true, at - 1
  end
  if c == 102 and string_sub(s, at, at + 4) == 'false' then
    p.pos = at + 5
    return T_BOOLEAN, false, at - 1
  end
  if c == 110 and string_sub(s, at, at + 3) == 'null' then
    p.pos = at + 4
    return T_NULL, nil, at - 1
  end
  -- '+', 'i', 'I', 'n', 'N': only an "invalid number" (Inf, NaN) may start here.
  if (c == 43 or c == 105 or c == 73 or c == 110 or c == 78) and p.cfg.decode_invalid_numbers
    and is_invalid_number(s, at) then
    local value, stop = strtod(s, at)
    if not value then return T_ERROR, 'invalid number', at - 1 end
    p.pos = stop
    return T_NUMBER, value, at - 1
  end
  return T_ERROR, 'invalid token', at - 1
end

local function parse_error(expected, token, value, index)
  local found = token == T_ERROR and value or token_names[token]
  raise(string_format('Expected %s but found %s at character %d', expected, found, index + 1))
end

local parse_value

local function descend(p, slots, top)
  local depth = p.depth + 1
  p.depth = depth
  if depth > p.cfg.decode_max_depth or top + slots > MAX_C_STACK then
    raise(string_format('Found too many nested data structures (%d) at character %d', depth, p.pos - 1))
  end
end

local function parse_object(p, top)
  descend(p, 3, top)
  local t = {}
  local token, value, index = next_token(p)
  if token == T_OBJ_END then
    p.depth = p.depth - 1
    return t
  end
  while true do
    if token ~= T_STRING then parse_error('object key string', token, value, index) end
    local key = value
    token, value, index = next_token(p)
    if token ~= T_COLON then parse_error('colon', token, value, index) end
    token, value, index = next_token(p)
    rawset(t, key, parse_value(p, token, value, index, top + 2))
    token, value, index = next_token(p)
    if token == T_OBJ_END then
      p.depth = p.depth - 1
      return t
    end
    if token ~= T_COMMA then parse_error('comma or object end', token, value, index) end
    token, value, index = next_token(p)
  end
end

local function parse_array(p, top)
  descend(p, 2, top)
  local t = {}
  local token, value, index = next_token(p)
  if token == T_ARR_END then
    p.depth = p.depth - 1
    return t
  end
  local i = 1
  while true do
    rawset(t, i, parse_value(p, token, value, index, top + 1))
    token, value, index = next_token(p)
    if token == T_ARR_END then
      p.depth = p.depth - 1
      return t
    end
    if token ~= T_COMMA then parse_error('comma or array end', token, value, index) end
    token, value, index = next_token(p)
    i = i + 1
  end
end

-- 'top' counts the values that Redis's decoder would have on its C stack here.
parse_value = function(p, token, value, index, top)
  if token == T_STRING or token == T_NUMBER or token == T_BOOLEAN then return value end
  if token == T_OBJ_BEGIN then return parse_object(p, top) end
  if token == T_ARR_BEGIN then return parse_array(p, top) end
  if token == T_NULL then return null end
  parse_error('value', token, value, index)
end

local function decode(cfg, s)
  if #s >= 2 and (string_byte(s, 1) == 0 or string_byte(s, 2) == 0) then
    raise('JSON parser does not support UTF-16 or UTF-32')
  end
  local p = { s = s, pos = 1, depth = 0, cfg = cfg }
  local token, found, index = next_token(p)
  local value = parse_value(p, token, found, index, 1)
  token, found, index = next_token(p)
  if token ~= T_END then parse_error('the end', token, found, index) end
  return value
end

-- ===== Configuration =====

-- json_integer_option's check of a given value (level: see argerror).
local function integer_option(level, fname, value, narg, min, max)
  local number = tonumber_arg(value)
  if number == nil then argerror(level + 1, narg, 'number expected, got ' .. type(value), fname) end
  local int = toint32(tointeger(number))
  if int < min or int > max then
    argerror(level + 1, 1, string_format('expected integer between %d and %d', min, max), fname)
  end
  return int
end

local bool_options = { 'off', 'on' }

-- json_enum_option's check of a given value: the index of the option (0-based).
local function enum_option(level, fname, value, narg, options)
  if type(value) == 'boolean' then return value and 1 or 0 end
  local name = tostring_arg(value)
  if name == nil then argerror(level + 1, narg, 'string expected, got ' .. type(value), fname) end
  name = string_match(name, '^[^%z]*')
  for i = 1, #options do
    if options[i] == name then return i - 1 end
  end
  argerror(level + 1, narg, string_format("invalid option '%s'", name), fname)
end

local function too_many(level, fname, n, max)
  if n > max then argerror(level + 1, max + 1, 'found too many arguments', fname) end
end

local invalid_number_options = { 'off', 'on', 'null' }

local function new()
  local cfg = {
    sparse_convert = false,
    sparse_ratio = 2,
    sparse_safe = 10,
    encode_max_depth = 1000,
    decode_max_depth = 1000,
    encode_invalid_numbers = 0,
    decode_invalid_numbers = true,
    encode_keep_buffer = true,
    number_precision = 14,
    number_format = '%.14g',
    plain_integers = 2147483648, -- min(2^31, 10^precision): see encode_number
  }
  local cjson = {}

  function cjson.encode(...)
    local n = select('#', ...)
    if n ~= 1 then argerror(1, 1, 'expected 1 argument', 'encode') end
    local ok, result = pcall(encode, cfg, (...))
    if ok then return result end
    rethrow(result, 'encode')
  end

  function cjson.decode(...)
    local n = select('#', ...)
    if n ~= 1 then argerror(1, 1, 'expected 1 argument', 'decode') end
    local s = ...
    local text = tostring_arg(s)
    if text == nil then argerror(1, 1, 'string expected, got ' .. type(s), 'decode') end
    local ok, result = pcall(decode, cfg, text)
    if ok then return result end
    rethrow(result, 'decode')
  end

  function cjson.encode_sparse_array(...)
    local fname = 'encode_sparse_array'
    too_many(1, fname, select('#', ...), 3)
    local convert, ratio, safe = ...
    if convert ~= nil then cfg.sparse_convert = enum_option(1, fname, convert, 1, bool_options) == 1 end
    if ratio ~= nil then cfg.sparse_ratio = integer_option(1, fname, ratio, 2, 0, INT_MAX) end
    if safe ~= nil then cfg.sparse_safe = integer_option(1, fname, safe, 3, 0, INT_MAX) end
    return cfg.sparse_convert, cfg.sparse_ratio, cfg.sparse_safe
  end

  function cjson.encode_max_depth(...)
    too_many(1, 'encode_max_depth', select('#', ...), 1)
    local depth = ...
    if depth ~= nil then cfg.encode_max_depth = integer_option(1, 'encode_max_depth', depth, 1, 1, INT_MAX) end
    return cfg.encode_max_depth
  end

  function cjson.decode_max_depth(...)
    too_many(1, 'decode_max_depth', select('#', ...), 1)
    local depth = ...
    if depth ~= nil then cfg.decode_max_depth = integer_option(1, 'decode_max_depth', depth, 1, 1, INT_MAX) end
    return cfg.decode_max_depth
  end

  function cjson.encode_number_precision(...)
    local fname = 'encode_number_precision'
    too_many(1, fname, select('#', ...), 1)
    local precision = ...
    if precision ~= nil then
      cfg.number_precision = integer_option(1, fname, precision, 1, 1, 14)
      cfg.number_format = '%.' .. cfg.number_precision .. 'g'
      cfg.plain_integers = 10 ^ cfg.number_precision
      if cfg.plain_integers > 2147483648 then cfg.plain_integers = 2147483648 end
    end
    return cfg.number_precision
  end

  function cjson.encode_keep_buffer(...)
    too_many(1, 'encode_keep_buffer', select('#', ...), 1)
    local keep = ...
    if keep ~= nil then cfg.encode_keep_buffer = enum_option(1, 'encode_keep_buffer', keep, 1, bool_options) == 1 end
    return cfg.encode_keep_buffer
  end

  function cjson.encode_invalid_numbers(...)
    local fname = 'encode_invalid_numbers'
    too_many(1, fname, select('#', ...), 1)
    local setting = ...
    if setting ~= nil then cfg.encode_invalid_numbers = enum_option(1, fname, setting, 1, invalid_number_options) end
    local current = cfg.encode_invalid_numbers
    if current == 2 then return 'null' end
    return current == 1
  end

  function cjson.decode_invalid_numbers(...)
    local fname = 'decode_invalid_numbers'
    too_many(1, fname, select('#', ...), 1)
    local setting = ...
    if setting ~= nil then cfg.decode_invalid_numbers = enum_option(1, fname, setting, 1, bool_options) == 1 end
    return cfg.decode_invalid_numbers
  end

  cjson.new = new
  cjson.null = null
  cjson._NAME = 'cjson'
  cjson._VERSION = '2.1.0'
  return cjson
end

return new()
`;

export const cjson: LuaLibrary = { name: 'cjson', source: librarySource(body) };
