// The load-time environment of a FUNCTION library (Redis 7.0's function_lua.c,
// luaEngineCreate / luaEngineInitEngine). While FUNCTION LOAD runs a library's top-level
// code, the only global is a restricted `redis` table: register_function, log, the LOG_
// levels and the two versions; any other name raises "Script attempted to access
// nonexistent global variable", even `string` or `pcall`. Once loaded, the functions it
// registered run with the full scripting environment.
//
// Redis does the switch by pointing its global table's metatable at one table or the
// other. The library chunks here get an environment of their own instead (lua_setfenv),
// an empty table whose metatable's __index is switched: the load-time table during the
// load, the real global table (with its own protections, see prelude.ts) afterwards.
// Functions a chunk defines inherit its environment, so a callback registered at load
// time sees the full globals when FCALL runs it, and the library's locals (upvalues)
// persist from call to call, as in Redis.

/**
 * A Lua chunk run once per functions interpreter, given `register_function` (a host
 * function), the read-only error function and the `redis` table. Returns the
 * environment for library chunks, and `switch(loading)`.
 */
export const FUNCTION_ENV_CHUNK = '=function_env';

export const FUNCTION_ENV = String.raw`
local register, readonly_error, redis = ...
local G = _G
local error, tostring, setmetatable = error, tostring, setmetatable

local api = {
  register_function = register,
  log = redis.log,
  LOG_DEBUG = redis.LOG_DEBUG,
  LOG_VERBOSE = redis.LOG_VERBOSE,
  LOG_NOTICE = redis.LOG_NOTICE,
  LOG_WARNING = redis.LOG_WARNING,
  REDIS_VERSION = redis.REDIS_VERSION,
  REDIS_VERSION_NUM = redis.REDIS_VERSION_NUM,
}
-- The load-time redis table: a read-only proxy on api, missing names an error (Redis
-- sets its error metatable on this table too, hence the "global variable" wording).
local load_redis = setmetatable({}, {
  __index = function(_, name)
    local value = api[name]
    if value == nil then
      error("Script attempted to access nonexistent global variable '" .. tostring(name) .. "'", 2)
    end
    return value
  end,
  __newindex = readonly_error,
})
local function load_index(_, name)
  if name == 'redis' then return load_redis end
  error("Script attempted to access nonexistent global variable '" .. tostring(name) .. "'", 2)
end

-- The environment of every library chunk. At run time __index is the global table
-- itself (a table, not a function, so a missing global's error points at the user's
-- line, raised by the global table's own handler).
local env_meta = { __index = G, __newindex = readonly_error }
local env = setmetatable({}, env_meta)
return env, function(loading)
  if loading then env_meta.__index = load_index else env_meta.__index = G end
end
`;

/** The read-only error, as prelude.ts's READONLY_ERROR. */
export const FUNCTION_READONLY_ERROR = String.raw`
local error = error
return function() error('Attempt to modify a readonly table', 2) end
`;
