// The Lua side of the scripting environment, run once in each new Lua state after the
// `redis` table and the libraries are in place (lua-state.ts). It does in Lua what
// Redis 7.0 does in C when it sets up its interpreter (eval.c scriptingInit,
// script_lua.c luaRegisterRedisAPI):
//   - Redis's global pcall, which turns an error table {err=...} into its message;
//   - the error handler that records where a script failed (source and line), skipping
//     C functions and this environment's own chunks, so that an error raised inside
//     `redis.call` or `cjson.decode` points at the user's line, as in Redis;
//   - the sandbox: no io/os/package/print/dofile/loadfile, `debug` only kept for the
//     handler, and every global and library table read-only.
//
// Redis makes tables read-only with a patch to its Lua (lua_enablereadonlytable). The
// Lua here is unpatched, so the same is done with metatables: the global table is
// emptied and its contents moved to a hidden table that `__index` reads (a missing name
// is Redis's "Script attempted to access nonexistent global variable"); `__newindex`
// answers "Attempt to modify a readonly table"; each library table is replaced by an
// empty proxy with the same two metamethods. The differences a script could notice are
// in the README (rawset on a library table, pairs over one).
//
// Chunk names starting with '=' are internal: the error handler skips their frames.

export const PRELUDE_CHUNK = '=redis';

export const PRELUDE = String.raw`
local builtins, globals, readonly_error, load_library, library_names = ...
-- The globals as they are now, before the sandbox: the libraries' environment.
for k, v in pairs(_G) do builtins[k] = v end
local type, tostring, error, setmetatable, getmetatable, rawget, rawset, pairs, select, string_sub, string_gmatch =
  type, tostring, error, setmetatable, getmetatable, rawget, rawset, pairs, select, string.sub, string.gmatch

-- Redis's global pcall (luaRedisPcall): an error that is a table with an 'err' string
-- (what redis.call raises) comes back as that string.
local raw_pcall = pcall
local function pcall_result(ok, ...)
  if ok then return true, ... end
  local err = ...
  if type(err) == 'table' then
    local message = err.err
    if type(message) == 'string' or type(message) == 'number' then err = message end
  end
  return false, err
end
pcall = function(...) return pcall_result(raw_pcall(...)) end

-- The error handler (Redis's __redis__err__handler), with frame skipping.
local dbg = debug
local getinfo = dbg.getinfo
function __redis__err__handler(err)
  local level = 2
  local info = getinfo(level, 'nSl')
  while info and (info.what == 'C' or string_sub(info.source, 1, 1) == '=') do
    level = level + 1
    info = getinfo(level, 'nSl')
  end
  if type(err) ~= 'table' then
    err = { err = 'ERR ' .. tostring(err) }
  end
  if info then
    err['source'] = info.source
    err['line'] = info.currentline
  end
  return err
end

-- No binary chunks: Redis's Lua parses every chunk as text, so loading bytecode
-- (string.dump's output) fails to compile, and loadstring answers nil and the error.
local raw_loadstring, raw_load, string_byte = loadstring, load, string.byte
local function refuse_binary(chunk, name)
  return nil, '[string "' .. tostring(name or '?') .. '"]:1: unexpected symbol near ' .. "'char(27)'"
end
loadstring = function(chunk, name)
  if type(chunk) == 'string' and string_byte(chunk, 1) == 27 then return refuse_binary(chunk, name) end
  return raw_loadstring(chunk, name)
end
load = function(reader, name)
  if type(reader) == 'string' and string_byte(reader, 1) == 27 then return refuse_binary(reader, name) end
  return raw_load(reader, name)
end

-- The sandbox. Redis never loads io, os and package; it drops print, dofile, loadfile.
debug = nil
io = nil
os = nil
package = nil
module = nil
require = nil
print = nil
dofile = nil
loadfile = nil
-- Gone in Redis 7.0 too, though its allow list still names them.
setfenv = nil
getfenv = nil
newproxy = nil

-- The protected tables. setmetatable and rawset would get around the metamethods, so
-- they refuse these tables (Redis's lua_setmetatable and lua_rawset do, with this text
-- and, being C, no position).
local protected = setmetatable({}, { __mode = 'k' })
rawset(_G, 'setmetatable', function(t, mt)
  if protected[t] then error('Attempt to modify a readonly table', 0) end
  local result = setmetatable(t, mt)
  return result
end)
rawset(_G, 'rawset', function(t, k, v)
  if protected[t] then error('Attempt to modify a readonly table', 0) end
  local result = rawset(t, k, v)
  return result
end)

local function readonly(t)
  local proxy = setmetatable({}, { __index = t, __newindex = readonly_error })
  protected[proxy] = true
  protected[t] = true
  return proxy
end
for _, name in pairs({ 'string', 'math', 'table', 'coroutine', 'redis', 'cjson', 'bit', 'struct', 'cmsgpack' }) do
  local t = rawget(_G, name)
  if type(t) == 'table' then rawset(_G, name, readonly(t)) end
end

-- Strings share one metatable, whose __index is the string library: it gets the
-- read-only proxy too, and getmetatable hands out read-only views of the metatables of
-- strings and of protected tables, so they cannot be changed through it either.
local string_meta = getmetatable('')
string_meta.__index = rawget(_G, 'string')
local views = setmetatable({}, { __mode = 'k' })
local function view(mt)
  local v = views[mt]
  if v == nil then
    v = readonly(mt)
    views[mt] = v
  end
  return v
end
rawset(_G, 'getmetatable', function(value)
  local mt = getmetatable(value)
  if type(mt) == 'table' and (type(value) == 'string' or protected[value]) then return view(mt) end
  return mt
end)

-- Move every global to the hidden table, then lock the global table itself.
local G = _G
for k, v in pairs(G) do globals[k] = v end
for k in pairs(globals) do rawset(G, k, nil) end
globals._G = G
-- The libraries (cjson, struct, cmsgpack, bit) load on first use, read-only like the rest.
local lazy = {}
for name in string_gmatch(library_names, '[^,]+') do lazy[name] = true end
local function library(name)
  local t = readonly(load_library(name))
  lazy[name] = nil
  rawset(globals, name, t)
  return t
end
setmetatable(globals, { __index = function(_, name)
  if lazy[name] then return library(name) end
  error("Script attempted to access nonexistent global variable '" .. tostring(name) .. "'", 2)
end })
setmetatable(G, { __index = globals, __newindex = readonly_error })
protected[G] = true
protected[globals] = true
-- rawget(_G, name) reads the hidden table, where the globals really are.
globals.rawget = function(t, k)
  if t == G then
    if lazy[k] then return library(k) end
    t = globals
  end
  local value = rawget(t, k)
  return value
end
`;

/** The `__newindex` of every protected table, as a Lua chunk returning the function. */
export const READONLY_ERROR = String.raw`
local error = error
return function() error('Attempt to modify a readonly table', 2) end
`;
