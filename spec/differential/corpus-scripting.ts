// The differential corpus of Lua scripting: EVAL, EVALSHA, EVAL_RO, EVALSHA_RO, SCRIPT,
// FUNCTION, FCALL and FCALL_RO. Inputs only: real Redis 7.0's replies are the expected ones.
//
// What it covers:
// - the commands' arity, numkeys and option errors; KEYS and ARGV; the script cache
//   (SCRIPT LOAD / EXISTS / FLUSH, EVALSHA in any case, NOSCRIPT); SCRIPT HELP and KILL;
// - Lua -> RESP: numbers (truncated), strings, booleans, nil, arrays (cut at the first
//   nil), nested tables, {err=}, {ok=}, error_reply / status_reply, and the RESP3 forms
//   {double=}, {map=}, {set=}, {big_number=}, {verbatim_string=}, with and without
//   redis.setresp(3);
// - RESP -> Lua: what redis.call hands the script for each reply type (RESP2, and RESP3
//   after redis.setresp(3)), observed through type() and the values a script returns;
// - errors: of redis.call (unknown command, arity, WRONGTYPE, arguments), redis.pcall's
//   error table, Lua runtime and compile errors, error() with a string and a table,
//   undefined and new globals, the read-only globals and libraries;
// - Lua 5.1 itself (tostring of numbers, unpack, table.getn, loadstring, math.mod,
//   string.format, 5.2+ syntax refused), how numbers become redis.call arguments
//   (%.17g), math.random (Redis's rand48, never reseeded between scripts: each case
//   seeds it), and the clock standing still for expiry while a script runs;
// - the redis.* API (sha1hex, log, setresp, set_repl, replicate_commands, versions,
//   breakpoint, debug, acl_check_cmd, the LOG_ and REPL_ constants) and the libraries
//   (cjson, cmsgpack, bit, struct), with os, io, require, print... absent;
// - shebang flags (#!lua, no-writes, allow-oom, no-cluster, allow-cross-slot-keys,
//   unknown flags and engines) and EVAL_RO with a write;
// - the commands a script may not call (MULTI, EXEC, SUBSCRIBE, EVAL, and in 7.0 most
//   blocking commands: BLPOP...), and BLMPOP / BZMPOP, which answer at once in a script;
// - atomicity with two connections: WATCH dirtied by a script, a client blocked on a
//   list served only after the script, PUBLISH from a script (to another connection, and
//   in RESP3 to the caller's own subscription), EVAL and SCRIPT LOAD inside MULTI;
// - FUNCTION LOAD [REPLACE] and its metadata and register_function errors, FCALL and
//   FCALL_RO, the globals a library sees while it loads, FUNCTION LIST [WITHCODE]
//   [LIBRARYNAME], DELETE, FLUSH, RESTORE's errors, STATS (nothing running), HELP, KILL.
//
// Shared state: the script cache and the function libraries are global to a server, and
// every case of a corpus runs on the same pair of servers. So each FUNCTION case starts
// with FUNCTION FLUSH (it never relies on a library from another case), each case loads
// the scripts it runs, and FUNCTION LIST only ever shows one library with one function
// (Redis lists libraries and a library's functions in hash-table order, which its random
// hash seed makes differ from one process to the next).
//
// Left out (nondeterministic or not comparable byte for byte): FUNCTION DUMP's payload
// (an RDB blob; its round trip through RESTORE is played by scripting.spec.ts with the
// payload masked, and by the client-library specs), SCRIPT KILL / FUNCTION KILL of a
// script really running (needs a script busy past busy-reply-threshold: timing), SCRIPT
// DEBUG YES (forks a debugging session), TIME, RANDOMKEY, memory figures, tostring() of
// tables and functions (addresses), Lua numbers too large for a long long returned to
// the client (a C cast with undefined behaviour), and NaN (its sign, hence "nan" or
// "-nan", depends on the CPU).
//
// Keys are prefixed with the case name: the servers are never flushed between cases.

import { createHash } from 'node:crypto';
import { type Case, type Key, type Step, ask, command } from './corpus';
import { builder } from './case-builder';

type Kase = (name: string, build: (key: Key) => Step[]) => void;

const on = (conn: string, ...args: string[]): Step => ask(conn, command(...args));
const run = (...args: string[]): Step => on('a', ...args);
/** EVAL `script` on connection a, with `keys` (numkeys is their count) and `args`. */
const ev = (script: string, keys: readonly string[] = [], ...args: string[]): Step =>
  run('EVAL', script, String(keys.length), ...keys, ...args);
/** The same on connection `conn`. */
const evOn = (conn: string, script: string, keys: readonly string[] = [], ...args: string[]): Step =>
  on(conn, 'EVAL', script, String(keys.length), ...keys, ...args);
/** FCALL `fn` on connection a. */
const fcall = (fn: string, keys: readonly string[] = [], ...args: string[]): Step =>
  run('FCALL', fn, String(keys.length), ...keys, ...args);
/** The SHA1 Redis names a script by (an input, computed here: EVALSHA needs it). */
const sha1 = (script: string): string => createHash('sha1').update(Buffer.from(script, 'latin1')).digest('hex');
/** FUNCTION FLUSH: every FUNCTION case starts from no libraries at all. */
const noLibraries = (): Step => run('FUNCTION', 'FLUSH');
/** A library `name` whose one function `fn` runs `body` (Lua, with `keys` and `args`). */
const library = (name: string, fn: string, body: string): string =>
  `#!lua name=${name}\nredis.register_function('${fn}', function(keys, args) ${body} end)`;

/** The cases, to run in RESP2 (as they are) and after HELLO 3 (each prefixed with it). */
function scriptingCases(kase: Kase): void {
  // -------------------------------------------------------------------------
  // EVAL / EVALSHA / EVAL_RO / EVALSHA_RO: arity, numkeys, KEYS and ARGV

  kase('eval-arity', () => [
    run('EVAL'),
    run('EVAL', 'return 1'),
    run('EVALSHA'),
    run('EVALSHA', sha1('return 1')),
    run('EVAL_RO', 'return 1'),
    run('EVALSHA_RO'),
    run('eval'),
  ]);
  kase('eval-numkeys-greater-than-args', (key) => [
    run('EVAL', 'return 1', '1'),
    run('EVAL', 'return 1', '3', key('a'), key('b')),
    run('EVAL_RO', 'return 1', '2', key()),
    run('EVALSHA', sha1('return 1'), '1'),
  ]);
  kase('eval-numkeys-negative', () => [
    run('EVAL', 'return 1', '-1'),
    run('EVAL', 'return 1', '-1', 'x'),
    run('EVALSHA', sha1('return 1'), '-5'),
    run('EVAL_RO', 'return 1', '-1'),
  ]);
  kase('eval-numkeys-not-an-integer', () => [
    run('EVAL', 'return 1', 'abc'),
    run('EVAL', 'return 1', '1.5', 'x'),
    run('EVAL', 'return 1', ''),
    run('EVAL', 'return 1', ' 1', 'x'),
    run('EVAL', 'return 1', '99999999999999999999'),
  ]);
  kase('eval-keys-and-argv', (key) => [
    ev('return {KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], #KEYS, #ARGV}', [key('a'), key('b')], 'x', 'y', 'z'),
    ev('return {#KEYS, #ARGV, type(KEYS), type(ARGV)}'),
    ev('return ARGV', [], 'only', 'args'),
    ev('return KEYS', [key('one')]),
  ]);
  kase('eval-keys-and-argv-binary', (key) => [
    ev('return {KEYS[1], ARGV[1], #ARGV[1]}', [key('x\r\ny\x00z')], '\x00\xff\r\n'),
    ev("return ARGV[1] == ''", [], ''),
  ]);
  kase('eval-keys-are-a-fresh-table', (key) => [
    // KEYS and ARGV are set anew for each call, and the script may change them.
    ev("KEYS[1] = 'changed'; ARGV[2] = 'added'; return {KEYS[1], ARGV[1], ARGV[2]}", [key()], 'arg'),
    ev('return {KEYS[1], #ARGV}', [key()], 'arg'),
  ]);
  kase('eval-empty-and-comment-scripts', () => [ev(''), ev('-- nothing'), ev('local x = 1')]);
  kase('eval-lowercase-and-mixed-case', (key) => [
    run('eval', 'return 1', '0'),
    run('EvAl', "return redis.call('set', KEYS[1], 'v')", '1', key()),
    run('eval_ro', "return redis.call('get', KEYS[1])", '1', key()),
  ]);
  kase('eval-uses-the-database', (key) => [
    run('SET', key(), 'hello'),
    ev("return redis.call('get', KEYS[1])", [key()]),
    ev("return redis.call('append', KEYS[1], ARGV[1])", [key()], ' world'),
    run('GET', key()),
  ]);
  kase('eval-selected-database', (key) => [
    run('SELECT', '3'),
    ev("redis.call('set', KEYS[1], 'in-db-3'); return redis.call('get', KEYS[1])", [key()]),
    run('SELECT', '0'),
    run('GET', key()),
    run('SELECT', '3'),
    run('GET', key()),
    run('DEL', key()),
  ]);
  kase('eval-select-inside-script', (key) => [
    // SELECT in a script changes the script's database only, not the caller's.
    ev("redis.call('select', 5); redis.call('set', KEYS[1], 'five'); return redis.call('get', KEYS[1])", [key()]),
    run('GET', key()),
    run('SELECT', '5'),
    run('GET', key()),
    run('DEL', key()),
    run('SELECT', '0'),
  ]);
  kase('eval-ro-reads', (key) => [
    run('SET', key(), 'v'),
    run('EVAL_RO', "return redis.call('get', KEYS[1])", '1', key()),
    run('EVAL_RO', "return redis.call('exists', KEYS[1])", '1', key()),
  ]);
  kase('eval-ro-write-is-refused', (key) => [
    run('EVAL_RO', "return redis.call('set', KEYS[1], 'v')", '1', key()),
    run('EVAL_RO', "return redis.pcall('del', KEYS[1])", '1', key()),
    run('EVAL_RO', "local ok = redis.pcall('incr', KEYS[1]); return redis.call('get', KEYS[1])", '1', key()),
    run('EXISTS', key()),
  ]);

  // -------------------------------------------------------------------------
  // The script cache: SCRIPT LOAD / EXISTS / FLUSH, EVALSHA, NOSCRIPT

  kase('script-load-and-evalsha', (key) => {
    const script = "return {KEYS[1], ARGV[1], 'loaded'}";
    return [
      run('SCRIPT', 'LOAD', script),
      run('EVALSHA', sha1(script), '1', key(), 'arg'),
      run('EVALSHA_RO', sha1(script), '1', key(), 'arg'),
      run('SCRIPT', 'LOAD', script),
    ];
  });
  kase('evalsha-upper-and-mixed-case', () => {
    const script = "return 'found by any case'";
    const sha = sha1(script);
    const mixed = [...sha].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c)).join('');
    return [run('SCRIPT', 'LOAD', script), run('EVALSHA', sha.toUpperCase(), '0'), run('EVALSHA', mixed, '0'), run('SCRIPT', 'EXISTS', sha.toUpperCase(), mixed)];
  });
  kase('evalsha-unknown', () => [
    run('EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', '0'),
    run('EVALSHA', 'abc', '0'),
    run('EVALSHA', '', '0'),
    run('EVALSHA_RO', 'ffffffffffffffffffffffffffffffffffffffff', '0'),
    run('evalsha', 'not a sha at all, just some words here..', '0'),
  ]);
  kase('evalsha-exactly-forty-characters', () => {
    const script = "return 'forty'";
    const sha = sha1(script);
    return [
      run('SCRIPT', 'LOAD', script),
      run('EVALSHA', sha, '0'),
      run('EVALSHA', `${sha}0`, '0'),
      run('EVALSHA', sha.slice(0, 39), '0'),
      run('EVALSHA', `${sha} `, '0'),
      run('SCRIPT', 'EXISTS', `${sha}0`, sha.slice(0, 39)),
    ];
  });
  kase('evalsha-numkeys-checked-before-the-sha', () => [
    run('EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', '5'),
    run('EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', 'x'),
  ]);
  kase('eval-caches-the-script', () => {
    const script = "return 'cached by EVAL'";
    return [run('EVAL', script, '0'), run('SCRIPT', 'EXISTS', sha1(script)), run('EVALSHA', sha1(script), '0')];
  });
  kase('eval-compile-error-is-not-cached', () => {
    const script = 'return (';
    return [run('EVAL', script, '0'), run('SCRIPT', 'EXISTS', sha1(script))];
  });
  kase('script-exists', () => {
    const one = "return 'one'";
    const two = "return 'two'";
    return [
      run('SCRIPT', 'LOAD', one),
      run('SCRIPT', 'LOAD', two),
      run('SCRIPT', 'EXISTS', sha1(one)),
      run('SCRIPT', 'EXISTS', sha1(one), 'ffffffffffffffffffffffffffffffffffffffff', sha1(two).toUpperCase(), 'short', sha1(one)),
      run('SCRIPT', 'EXISTS', 'nope'),
      run('SCRIPT', 'EXISTS'),
      run('script', 'exists', sha1(two)),
    ];
  });
  kase('script-load-errors', () => [
    run('SCRIPT', 'LOAD'),
    run('SCRIPT', 'LOAD', 'return 1', 'extra'),
    run('SCRIPT', 'LOAD', 'return ('),
    run('SCRIPT', 'LOAD', 'this is not lua'),
    run('SCRIPT', 'LOAD', ''),
  ]);
  kase('script-load-does-not-run', (key) => [
    run('SCRIPT', 'LOAD', `redis.call('set', '${key()}', 'ran')`),
    run('EXISTS', key()),
  ]);
  kase('script-flush', () => {
    const script = "return 'to be flushed'";
    return [
      run('SCRIPT', 'LOAD', script),
      run('SCRIPT', 'EXISTS', sha1(script)),
      run('SCRIPT', 'FLUSH'),
      run('SCRIPT', 'EXISTS', sha1(script)),
      run('EVALSHA', sha1(script), '0'),
      run('SCRIPT', 'LOAD', script),
      run('SCRIPT', 'FLUSH', 'ASYNC'),
      run('SCRIPT', 'EXISTS', sha1(script)),
      run('SCRIPT', 'LOAD', script),
      run('SCRIPT', 'FLUSH', 'sync'),
      run('SCRIPT', 'EXISTS', sha1(script)),
    ];
  });
  kase('script-flush-errors', () => [
    run('SCRIPT', 'FLUSH', 'LATER'),
    run('SCRIPT', 'FLUSH', 'ASYNC', 'SYNC'),
    run('SCRIPT', 'FLUSH', ''),
  ]);
  kase('script-help', () => [run('SCRIPT', 'HELP'), run('script', 'help')]);
  kase('script-subcommand-errors', () => [
    run('SCRIPT'),
    run('SCRIPT', 'NOSUCH'),
    run('SCRIPT', 'HELP', 'extra'),
    run('SCRIPT', 'KILL', 'extra'),
    run('SCRIPT', 'DEBUG'),
    run('SCRIPT', 'DEBUG', 'MAYBE'),
    run('SCRIPT', 'DEBUG', 'NO'),
  ]);
  kase('script-kill-nothing-running', () => [run('SCRIPT', 'KILL'), run('script', 'kill')]);

  // -------------------------------------------------------------------------
  // Lua -> RESP

  kase('lua-number-to-integer', () => [
    ev('return 42'),
    ev('return -7'),
    ev('return 0'),
    ev('return 3.99'),
    ev('return -3.99'),
    ev('return 0.5'),
    ev('return -0'),
    ev('return 10 / 3'),
    ev('return 2^53 + 1'),
    ev('return 1e15'),
    ev('return -9007199254740992'),
    ev("return tonumber('12.7')"),
  ]);
  kase('lua-string-to-bulk', () => [
    ev("return 'hello'"),
    ev("return ''"),
    ev("return 'a\\0b\\r\\nc'"),
    ev('return string.char(0, 255, 13, 10)'),
    ev("return string.rep('x', 1000)"),
    ev("return '42'"),
  ]);
  kase('lua-boolean', () => [ev('return true'), ev('return false'), ev('return {true, false, true}'), ev('return 1 == 1')]);
  kase('lua-nil', () => [ev('return nil'), ev('local x = 1'), ev('return'), ev('return {nil}')]);
  kase('lua-table-to-array', () => [
    ev("return {1, 'two', 3.5, -4}"),
    ev('return {}'),
    ev("return {1, 2, nil, 4}"),
    ev("return {1, 2, foo = 'bar', 3}"),
    ev("return {foo = 'bar'}"),
    ev('local t = {}; t[1] = 1; t[2] = 2; t[4] = 4; return t'),
    ev("local t = {}; t[2] = 'no first'; return t"),
    ev("return {'a', false, 'c'}"),
  ]);
  kase('lua-nested-tables', () => [
    ev("return {1, {2, {3, {'four'}}}, {}}"),
    ev("return {{err = 'inner error'}, {ok = 'inner status'}, 'plain'}"),
    ev("return {{double = 1.5}, {map = {a = 1}}, {set = {b = true}}}"),
  ]);
  kase('lua-multiple-return-values', () => [ev("return 1, 2, 3"), ev("return 'first', {2}")]);
  kase('lua-other-types', () => [
    ev('return function() end'),
    ev('return coroutine.create(function() end)'),
    ev('return {function() end, 2}'),
  ]);
  kase('lua-err-table', () => [
    ev("return {err = 'My Error'}"),
    ev("return {err = 'ERR something failed'}"),
    ev("return {err = 'MYCODE detail here'}"),
    ev("return {err = 'nospace'}"),
    ev("return {err = ''}"),
    ev("return {err = 'line\\r\\nbreak'}"),
    ev("return {err = 12}"),
    ev("return {err = {}}"),
    ev("return {err = 'E', ok = 'O'}"),
  ]);
  kase('lua-ok-table', () => [
    ev("return {ok = 'FINE'}"),
    ev("return {ok = ''}"),
    ev("return {ok = 'two\\r\\nlines\\n'}"),
    ev('return {ok = 7}'),
    ev("return {ok = 'OK', 'array part'}"),
  ]);
  kase('error-reply-and-status-reply', () => [
    ev("return redis.error_reply('My Error')"),
    ev("return redis.error_reply('ERR already coded')"),
    ev("return redis.error_reply('-MINUS leading')"),
    ev("return redis.error_reply('oneword')"),
    ev("return redis.error_reply('')"),
    ev("return redis.status_reply('FINE')"),
    ev("return redis.status_reply('')"),
    ev("return type(redis.error_reply('x')) .. ':' .. redis.error_reply('x').err"),
    ev("return redis.status_reply('S').ok"),
  ]);
  kase('error-reply-and-status-reply-misuse', () => [
    ev('return redis.error_reply()'),
    ev('return redis.error_reply(1, 2)'),
    ev('return redis.error_reply({})'),
    ev('return redis.status_reply()'),
    ev("return redis.status_reply('a', 'b')"),
    ev('return redis.status_reply(5)'),
  ]);
  kase('lua-double-table', () => [
    ev('return {double = 3.14}'),
    ev('return {double = 3}'),
    ev('return {double = -0.5}'),
    ev('return {double = 1/0}'),
    ev('return {double = -1/0}'),
    ev('return {double = 1e300}'),
    ev('return {double = 0.1}'),
    ev("return {double = '2.5'}"),
  ]);
  kase('lua-map-table', () => [
    ev("return {map = {field = 'value'}}"),
    ev('return {map = {}}'),
    ev("return {map = {[1] = 'one'}}"),
    ev("return {map = {nested = {1, 2, {ok = 'S'}}}}"),
    ev("return {map = {a = {map = {b = {double = 2}}}}}"),
    ev("return {map = 'not a table'}"),
  ]);
  kase('lua-set-table', () => [
    ev("return {set = {member = true}}"),
    ev('return {set = {}}'),
    ev("return {set = {[7] = true}}"),
    ev("return {set = {x = false}}"),
    ev("return {set = 'not a table'}"),
  ]);
  kase('lua-big-number-table', () => [
    ev("return {big_number = '123456789012345678901234567890'}"),
    ev("return {big_number = '-1'}"),
    ev('return {big_number = 12}'),
  ]);
  kase('lua-verbatim-string-table', () => [
    ev("return {verbatim_string = {format = 'txt', string = 'hello'}}"),
    ev("return {verbatim_string = {format = 'mkd', string = '# title\\r\\nline'}}"),
    ev("return {verbatim_string = {format = 'txt'}}"),
    ev("return {verbatim_string = 'just a string'}"),
  ]);
  kase('lua-table-precedence', () => [
    // err is looked at first, then ok, double, big_number, verbatim_string, map, set.
    ev("return {ok = 'O', double = 1}"),
    ev("return {double = 1, map = {a = 1}}"),
    ev("return {map = {a = 1}, set = {b = true}}"),
    ev("return {big_number = '1', verbatim_string = {format = 'txt', string = 's'}}"),
  ]);
  kase('setresp3-booleans', () => [
    ev('redis.setresp(3); return true'),
    ev('redis.setresp(3); return false'),
    ev('redis.setresp(3); return {true, false}'),
    ev('redis.setresp(3); redis.setresp(2); return false'),
  ]);
  kase('setresp3-lua-types', () => [
    ev('redis.setresp(3); return 3.99'),
    ev("redis.setresp(3); return 'string'"),
    ev('redis.setresp(3); return nil'),
    ev("redis.setresp(3); return {1, 'a', {2}}"),
    ev("redis.setresp(3); return {err = 'CODE message'}"),
    ev("redis.setresp(3); return {ok = 'STATUS'}"),
    ev('redis.setresp(3); return {double = 2.5}'),
    ev("redis.setresp(3); return {map = {k = true}}"),
    ev("redis.setresp(3); return {set = {m = true}}"),
    ev("redis.setresp(3); return {big_number = '99999999999999999999'}"),
    ev("redis.setresp(3); return {verbatim_string = {format = 'txt', string = 'v'}}"),
  ]);

  // -------------------------------------------------------------------------
  // RESP -> Lua: what redis.call returns

  kase('redis-call-integer', (key) => [
    ev("local r = redis.call('incrby', KEYS[1], 5); return {type(r), r, r + 1}", [key()]),
    ev("local r = redis.call('exists', KEYS[1]); return {type(r), r}", [key('missing')]),
  ]);
  kase('redis-call-bulk', (key) => [
    run('SET', key(), '12'),
    ev("local r = redis.call('get', KEYS[1]); return {type(r), r, r + 1, #r}", [key()]),
    ev("local r = redis.call('get', KEYS[1]); return {type(r), r .. '!'}", [key()]),
  ]);
  kase('redis-call-nil-bulk', (key) => [
    ev("local r = redis.call('get', KEYS[1]); return {type(r), tostring(r), r == false}", [key()]),
    ev("return redis.call('get', KEYS[1])", [key()]),
    ev("return {redis.call('get', KEYS[1]), 'after'}", [key()]),
  ]);
  kase('redis-call-nil-array', (key) => [
    ev("local r = redis.call('lpop', KEYS[1], 2); return {type(r), tostring(r)}", [key()]),
    ev("return redis.call('lpop', KEYS[1], 2)", [key()]),
  ]);
  kase('redis-call-status', (key) => [
    ev("local r = redis.call('set', KEYS[1], 'v'); return {type(r), r.ok, r.err == nil}", [key()]),
    ev("return redis.call('set', KEYS[1], 'v')", [key()]),
    ev("return redis.call('ping')"),
    ev("local r = redis.call('ping'); return r['ok']"),
    ev("return redis.call('type', KEYS[1])", [key()]),
  ]);
  kase('redis-call-array', (key) => [
    run('RPUSH', key('l'), 'a', 'b', 'c'),
    run('SET', key('s'), 'v'),
    ev("local r = redis.call('lrange', KEYS[1], 0, -1); return {type(r), #r, r[1], r[3]}", [key('l')]),
    ev("return redis.call('lrange', KEYS[1], 0, -1)", [key('l')]),
    ev("local r = redis.call('mget', KEYS[1], KEYS[2], KEYS[1]); return {#r, type(r[2]), tostring(r[2]), r[3]}", [key('s'), key('none')]),
    ev("return redis.call('mget', KEYS[1], KEYS[2], KEYS[1])", [key('s'), key('none')]),
    ev("local r = redis.call('lrange', KEYS[1], 0, -1); return {type(r), #r}", [key('none')]),
  ]);
  kase('redis-call-nested-array', (key) => [
    run('ZADD', key(), '1', 'a', '2.5', 'b'),
    ev("return redis.call('zrange', KEYS[1], 0, -1, 'withscores')", [key()]),
    ev("local r = redis.call('zrange', KEYS[1], 0, -1, 'withscores'); return {type(r[2]), r[4]}", [key()]),
    run('HSET', key('h'), 'f', 'v'),
    ev("return redis.call('hgetall', KEYS[1])", [key('h')]),
    ev("return redis.call('zscore', KEYS[1], 'b')", [key()]),
  ]);
  kase('redis-pcall-error-table', (key) => [
    run('SET', key(), 'str'),
    ev("local r = redis.pcall('lpush', KEYS[1], 'x'); return {type(r), r.err}", [key()]),
    ev("return redis.pcall('lpush', KEYS[1], 'x')", [key()]),
    ev("local r = redis.pcall('incr', KEYS[1]); return r['err']", [key()]),
    ev("return redis.pcall('nosuchcommand')"),
    ev("return redis.pcall('get')"),
    ev("local r = redis.pcall('get', KEYS[1]); return r", [key()]),
    ev("local r = redis.pcall('incr', KEYS[1]); return 'continued: ' .. r.err", [key()]),
  ]);
  kase('redis-call-error-caught-by-lua-pcall', (key) => [
    run('SET', key(), 'str'),
    ev("local ok, e = pcall(redis.call, 'incr', KEYS[1]); return {tostring(ok), type(e), e}", [key()]),
    ev("local ok, e = pcall(function() return redis.call('incr', KEYS[1]) end); return {tostring(ok), type(e), e}", [key()]),
    ev("local ok, e = pcall(error, {err = 'TABLE kept'}); return {tostring(ok), type(e), e}"),
    ev("local ok, e = pcall(error, {code = 1}); return {tostring(ok), type(e), e.code}"),
    ev("local ok, e = pcall(error, 'plain'); return {tostring(ok), type(e), e}"),
    ev("local ok, e = pcall(function() local x = nil; return x.y end); return {tostring(ok), e}"),
    ev("local ok, v = pcall(function() return 'fine', 2 end); return {tostring(ok), v}"),
  ]);
  kase('setresp3-redis-call-map', (key) => [
    run('HSET', key(), 'f', 'v'),
    ev("redis.setresp(3); local r = redis.call('hgetall', KEYS[1]); return {type(r), type(r.map), r.map.f}", [key()]),
    ev("redis.setresp(3); return redis.call('hgetall', KEYS[1])", [key()]),
    ev("redis.setresp(3); return redis.call('hgetall', KEYS[1]).map", [key()]),
    ev("redis.setresp(3); return redis.call('hgetall', KEYS[2])", [key(), key('none')]),
  ]);
  kase('setresp3-redis-call-set', (key) => [
    run('SADD', key(), 'm'),
    ev("redis.setresp(3); local r = redis.call('smembers', KEYS[1]); return {type(r.set), tostring(r.set.m)}", [key()]),
    ev("redis.setresp(3); return redis.call('smembers', KEYS[1])", [key()]),
    ev("redis.setresp(3); return redis.call('smembers', KEYS[2])", [key(), key('none')]),
  ]);
  kase('setresp3-redis-call-double', (key) => [
    run('ZADD', key(), '2.5', 'm', '3', 'n'),
    ev("redis.setresp(3); local r = redis.call('zscore', KEYS[1], 'm'); return {type(r), type(r.double), tostring(r.double)}", [key()]),
    ev("redis.setresp(3); return redis.call('zscore', KEYS[1], 'm')", [key()]),
    ev("redis.setresp(3); return redis.call('zscore', KEYS[1], 'n')", [key()]),
    ev("redis.setresp(3); return redis.call('zincrby', KEYS[1], 0.5, 'm')", [key()]),
    ev("redis.setresp(3); return redis.call('zrange', KEYS[1], 0, -1, 'withscores')", [key()]),
    ev("return redis.call('zscore', KEYS[1], 'm')", [key()]),
  ]);
  kase('setresp3-redis-call-null', (key) => [
    ev("redis.setresp(3); local r = redis.call('get', KEYS[1]); return {type(r), tostring(r)}", [key()]),
    ev("redis.setresp(3); local r = redis.call('lpop', KEYS[1], 2); return type(r)", [key()]),
    ev("redis.setresp(3); local r = redis.call('zscore', KEYS[1], 'x'); return type(r)", [key()]),
    ev("redis.setresp(3); return redis.call('get', KEYS[1])", [key()]),
  ]);
  kase('setresp3-redis-call-verbatim', () => [
    ev("redis.setresp(3); local r = redis.call('info', 'keyspace'); return {type(r), type(r.verbatim_string), r.verbatim_string.format}"),
    ev("local r = redis.call('info', 'keyspace'); return type(r)"),
  ]);
  kase('setresp3-redis-call-unchanged-types', (key) => [
    run('SET', key(), 'v'),
    ev("redis.setresp(3); return {redis.call('get', KEYS[1]), redis.call('strlen', KEYS[1]), redis.call('set', KEYS[1], 'w')}", [key()]),
    ev("redis.setresp(3); local r = redis.pcall('lpush', KEYS[1], 'x'); return {type(r), r.err}", [key()]),
    ev("redis.setresp(3); return redis.call('lrange', KEYS[2], 0, -1)", [key(), key('none')]),
  ]);
  kase('setresp-errors', () => [
    ev('redis.setresp(1)'),
    ev('redis.setresp(4)'),
    ev('redis.setresp()'),
    ev('redis.setresp(2, 3)'),
    ev("redis.setresp('x')"),
    ev("redis.setresp('3'); return redis.call('ping')"),
    ev('return redis.setresp(2)'),
  ]);

  // -------------------------------------------------------------------------
  // Errors

  kase('redis-call-unknown-command', () => [
    ev("return redis.call('nosuchcommand')"),
    ev("return redis.call('nosuchcommand', 'a', 'b')"),
    ev('return redis.call(1)'),
    ev("return redis.call('')"),
  ]);
  kase('redis-call-wrong-arity', (key) => [
    ev("return redis.call('get')"),
    ev("return redis.call('set', KEYS[1])", [key()]),
    ev("return redis.call('get', KEYS[1], KEYS[1])", [key()]),
  ]);
  kase('redis-call-wrongtype', (key) => [
    run('SET', key(), 'str'),
    ev("return redis.call('lpush', KEYS[1], 'x')", [key()]),
    ev("redis.call('incr', KEYS[1])", [key()]),
    ev("local a = 1\nlocal b = 2\nreturn redis.call('hget', KEYS[1], 'f')", [key()]),
  ]);
  kase('redis-call-command-errors', (key) => [
    run('SET', key(), 'str'),
    ev("return redis.call('incr', KEYS[1])", [key()]),
    ev("return redis.call('set', KEYS[1], 'v', 'EX', 'soon')", [key()]),
    ev("return redis.call('lrange', KEYS[1], 'a', 'b')", [key()]),
    ev("return redis.call('config', 'get')"),
    ev("return redis.call('object', 'nosuch')"),
  ]);
  kase('redis-call-no-arguments', () => [ev('return redis.call()'), ev('return redis.pcall()'), ev('local r = redis.pcall(); return r.err')]);
  kase('redis-call-bad-argument-types', (key) => [
    ev("return redis.call('set', KEYS[1], {})", [key()]),
    ev("return redis.call('set', KEYS[1], nil)", [key()]),
    ev("return redis.call('set', KEYS[1], true)", [key()]),
    ev("return redis.call('get', function() end)"),
    ev("return redis.pcall('set', KEYS[1], {})", [key()]),
    ev("return redis.call({}, 'x')"),
    run('EXISTS', key()),
  ]);
  kase('lua-runtime-errors', () => [
    ev('local x = nil; x()'),
    ev('local t = nil; return t.field'),
    ev("return 1 + {}"),
    ev("return 'a' < 1"),
    ev("return #nil"),
    ev("local t = {}\nt.x.y = 1"),
    ev("return ('x'):nosuchmethod()"),
    ev("return string.rep()"),
  ]);
  kase('lua-compile-errors', () => [
    ev('return ('),
    ev('this is not lua'),
    ev('return 1 +'),
    ev("local s = 'unfinished"),
    ev('end'),
    ev("\n\nreturn )"),
    run('EVAL_RO', 'return (', '0'),
  ]);
  kase('lua-error-function', () => [
    ev("error('my message')"),
    ev("error('no position', 0)"),
    ev("error('caller position', 2)"),
    ev('error(123)'),
    ev("error({err = 'CUSTOM table error'})"),
    ev("error({err = 'ERR coded'})"),
    ev("error({err = 'nospace'})"),
    ev('error()'),
    ev("error('two\\nlines\\r\\nhere')"),
    ev("local function f() error('deep') end\nlocal function g() f() end\ng()"),
    ev("assert(false, 'assertion text')"),
    ev('assert(false)'),
    ev("assert(1 == 1, 'fine'); return 'passed'"),
  ]);
  kase('lua-error-after-a-write-keeps-the-write', (key) => [
    ev("redis.call('set', KEYS[1], 'written'); error('boom')", [key()]),
    run('GET', key()),
    ev("redis.call('rpush', KEYS[2], 'a'); redis.call('lpush', KEYS[1], 'x'); redis.call('rpush', KEYS[2], 'b')", [key(), key('l')]),
    run('LRANGE', key('l'), '0', '-1'),
  ]);
  kase('lua-undefined-global', () => [
    ev('return undefined_variable'),
    ev('return undefined_function()'),
    ev("return rawget(_G, 'undefined_variable')"),
    ev('return type(KEYS)'),
  ]);
  kase('lua-new-global', () => [
    ev('x = 1'),
    ev('function f() end'),
    ev("_G.newglobal = 'v'"),
    ev("_G['another'] = 1"),
    ev("rawset(_G, 'raw', 1)"),
    ev("local x = 1; return x"),
  ]);
  kase('lua-readonly-tables', () => [
    ev('redis = nil'),
    ev('redis.call = nil'),
    ev("redis.newfield = 'x'"),
    ev('string.len = nil'),
    ev("string.myfn = function() end"),
    ev('table.insert = nil'),
    ev('math.pi = 3'),
    ev('cjson.encode = nil'),
    ev('bit.band = nil'),
    ev('_G = nil'),
    ev("setmetatable(_G, nil)"),
    ev("getmetatable('').__index = {}"),
    ev("local t = {}; t.x = 1; return t.x"),
    ev("local redis = 'shadowed'; return redis"),
  ]);
  kase('lua-stack-overflow', () => [ev('local function f(n) return 1 + f(n + 1) end\nreturn f(1)')]);

  // -------------------------------------------------------------------------
  // Lua 5.1

  kase('lua51-version-and-numbers', () => [
    ev('return _VERSION'),
    ev('return tostring(10 / 2)'),
    ev('return tostring(1 / 3)'),
    ev('return tostring(3.0)'),
    ev('return tostring(-0.0)'),
    ev('return tostring(2^53)'),
    ev('return tostring(1e100)'),
    ev('return tostring(1/0) .. tostring(-1/0)'),
    ev('return tostring(math.huge)'),
    ev("return 7 % 3 .. ' ' .. -7 % 3 .. ' ' .. 7 % -3 .. ' ' .. 5.5 % 2"),
    ev("return tostring(math.floor(-3.5)) .. ' ' .. tostring(math.ceil(-3.5))"),
    ev("return {tonumber('0x10'), tonumber('10', 2), tonumber('  5  '), tonumber('5x'), tonumber('1e2')}"),
    ev("return '10' + 5"),
    ev("return 10 .. 20"),
  ]);
  kase('lua51-functions', () => [
    ev('return {unpack({1, 2, 3})}'),
    ev('return table.getn({1, 2, 3})'),
    ev("return loadstring('return 1 + 1')()"),
    ev("local f, e = loadstring('return ('); return {tostring(f), e}"),
    ev('return math.mod(7, 3)'),
    ev('return math.fmod(-7, 3)'),
    ev("return select('#', 1, nil, 3)"),
    ev("return select(2, 'a', 'b', 'c')"),
    ev('local t = {3, 1, 2}; table.sort(t); return t'),
    ev("return table.concat({1, 2, 'x'}, ',')"),
    ev("local t = {}; table.insert(t, 'a'); table.insert(t, 1, 'b'); return t"),
    ev('return {math.max(1, 5, 3), math.min(2, -1), math.abs(-4), math.sqrt(16)}'),
    // 7.0.15 no longer has setfenv, getfenv and newproxy (still on its allow list).
    ev("return {rawget(_G, 'setfenv') == nil, rawget(_G, 'getfenv') == nil, rawget(_G, 'newproxy') == nil, type(gcinfo), type(load), type(collectgarbage), type(xpcall)}"),
    ev('return setfenv(1, {})'),
    ev("local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1); return b * 2 end); return {co(1), co(10)}"),
  ]);
  kase('lua51-not-52-syntax', () => [ev('goto done\n::done::'), ev('return 7 // 2'), ev('return 6 & 3'), ev("local a <const> = 1")]);
  kase('lua51-string-library', () => [
    ev("return string.format('%d', 3.7)"),
    ev("return string.format('%d', -3.7)"),
    ev("return string.format('%.2f|%5.1f|%-5d|%x|%X|%o', 1/3, 2.25, 42, 255, 255, 8)"),
    ev("return string.format('%s and %q', 'plain', 'quote\"d\\n')"),
    ev("return string.format('%5s|%-5s|%.2s', 'ab', 'cd', 'efgh')"),
    ev("return string.format('%g %g %g', 1e20, 0.1, 100)"),
    ev("return string.format('%c%c%c', 72, 105, 0)"),
    ev("return string.format('%d')"),
    ev("return {string.sub('hello', 2, -2), string.sub('hello', -3), ('hello'):upper(), string.len('abc'), #'abcd'}"),
    ev("return {string.byte('A'), string.char(104, 105), string.rep('ab', 3, ','), string.reverse('abc')}"),
    ev("return {string.find('hello world', 'o w'), string.find('a.b', '.', 1, true)}"),
    ev("return {string.match('key:123', '(%a+):(%d+)')}"),
    ev("return {string.gsub('hello world', 'o', '0')}"),
    ev("local out = {}; for w in string.gmatch('one two three', '%a+') do out[#out + 1] = w end; return out"),
    ev("return string.format('%s', 1/3)"),
  ]);
  kase('lua51-numbers-as-redis-arguments', (key) => [
    ev("redis.call('set', KEYS[1], 3.5); return redis.call('get', KEYS[1])", [key()]),
    ev("redis.call('set', KEYS[1], 1e20); return redis.call('get', KEYS[1])", [key()]),
    ev("redis.call('set', KEYS[1], -0); return redis.call('get', KEYS[1])", [key()]),
    ev("redis.call('set', KEYS[1], 0.1); return redis.call('get', KEYS[1])", [key()]),
    ev("redis.call('set', KEYS[1], 1/3); return redis.call('get', KEYS[1])", [key()]),
    ev("redis.call('set', KEYS[1], 2^53); return redis.call('get', KEYS[1])", [key()]),
    ev("redis.call('set', KEYS[1], 10); return redis.call('get', KEYS[1])", [key()]),
    ev("redis.call('set', KEYS[1], 1/0); return redis.call('get', KEYS[1])", [key()]),
    ev("redis.call('set', KEYS[1], 123456789012); return redis.call('get', KEYS[1])", [key()]),
    ev("return redis.call('incrby', KEYS[1], 2.0)", [key('n')]),
    ev("return redis.call('incrby', KEYS[1], 2.5)", [key('n')]),
    ev("return redis.call('incrbyfloat', KEYS[1], 0.1)", [key('n')]),
    ev("redis.call('rpush', KEYS[1], 1, 2.5, 'three'); return redis.call('lrange', KEYS[1], 0, -1)", [key('l')]),
    ev("return redis.call('expire', KEYS[1], 100.0)", [key()]),
  ]);
  // math.random is Redis's own rand48, never reseeded between scripts in 7.0: its state
  // runs on from script to script (so every script here seeds it first, but the third).
  kase('lua-math-random', () => [
    ev('math.randomseed(42); return {math.random(1000), math.random(1000), math.random(5, 10)}'),
    ev('math.randomseed(42); return {math.random(1000), math.random(1000), math.random(5, 10)}'),
    ev('return math.random(1000)'),
    ev('math.randomseed(42); return tostring(math.random())'),
    ev('math.randomseed(0); return {math.random(1000), math.random(2)}'),
    ev('math.randomseed(1); return math.random(0)'),
    ev('math.randomseed(1); return math.random(1, 2, 3)'),
    ev('math.randomseed(1); return math.random(3, 1)'),
  ]);

  // -------------------------------------------------------------------------
  // The redis.* API

  kase('redis-sha1hex', () => [
    ev("return redis.sha1hex('')"),
    ev("return redis.sha1hex('abc')"),
    ev('return redis.sha1hex(123)'),
    ev("return redis.sha1hex('\\0\\255')"),
    ev('return redis.sha1hex()'),
    ev("return redis.sha1hex('a', 'b')"),
  ]);
  kase('redis-log', () => [
    ev("return redis.log(redis.LOG_WARNING, 'from the differential corpus')"),
    ev("redis.log(redis.LOG_NOTICE, 'several', 'parts', 3); return 'logged'"),
    ev("redis.log(redis.LOG_DEBUG, 'debug'); redis.log(redis.LOG_VERBOSE, 'verbose'); return 'quiet levels'"),
    ev("redis.log(redis.LOG_WARNING)"),
    ev("redis.log('x', 'y')"),
    ev("redis.log(99, 'y')"),
    ev("redis.log(-1, 'y')"),
    ev('redis.log()'),
  ]);
  kase('redis-constants', () => [
    ev('return {redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING}'),
    ev('return {redis.REPL_NONE, redis.REPL_AOF, redis.REPL_SLAVE, redis.REPL_REPLICA, redis.REPL_ALL}'),
    ev('return redis.REDIS_VERSION'),
    ev('return redis.REDIS_VERSION_NUM'),
    ev("return string.format('%06x', redis.REDIS_VERSION_NUM)"),
  ]);
  kase('redis-set-repl-and-replicate-commands', (key) => [
    ev("redis.set_repl(redis.REPL_ALL); redis.call('set', KEYS[1], 'v'); return 'ok'", [key()]),
    ev('return redis.set_repl(redis.REPL_NONE)'),
    ev('redis.set_repl(99)'),
    ev('redis.set_repl()'),
    ev("redis.set_repl('x')"),
    ev('return redis.replicate_commands()'),
    ev('return type(redis.replicate_commands())'),
  ]);
  kase('redis-breakpoint-debug-acl', (key) => [
    ev('return redis.breakpoint()'),
    ev("return redis.debug('not debugging', 1)"),
    ev("return redis.acl_check_cmd('get', KEYS[1])", [key()]),
    ev("return redis.acl_check_cmd('set', KEYS[1], 'v')", [key()]),
    ev("return redis.acl_check_cmd('nosuchcommand')"),
    ev('return redis.acl_check_cmd()'),
  ]);
  kase('redis-api-table', () => [
    ev("return {type(redis.call), type(redis.pcall), type(redis.sha1hex), type(redis.error_reply), type(redis.status_reply), type(redis.log), type(redis.setresp), type(redis.set_repl), type(redis.breakpoint)}"),
    ev("return rawget(redis, 'register_function') == nil"),
    ev('return type(redis.register_function)'),
  ]);
  kase('libraries-present', () => [
    ev("return {type(cjson), type(cmsgpack), type(bit), type(struct), type(string), type(math), type(table), type(coroutine)}"),
    ev("return {rawget(_G, 'os') == nil, rawget(_G, 'io') == nil, rawget(_G, 'require') == nil, rawget(_G, 'print') == nil, rawget(_G, 'dofile') == nil, rawget(_G, 'loadfile') == nil, rawget(_G, 'debug') == nil, rawget(_G, 'package') == nil}"),
    ev('return os.time()'),
    ev("return io.write('x')"),
    ev("return require('cjson')"),
    ev("print('x')"),
    ev("dofile('/etc/passwd')"),
    ev('return debug.getinfo(1)'),
  ]);
  kase('cjson', () => [
    ev('return cjson.encode({1, 2, 3})'),
    ev("return cjson.encode({a = 1})"),
    ev("return cjson.encode({a = {b = {true, false}}})"),
    ev("return cjson.encode('a\"b\\n/c')"),
    ev('return cjson.encode(3.14)'),
    ev('return cjson.encode(10 / 3)'),
    ev('return cjson.encode({})'),
    ev('return cjson.encode(cjson.null)'),
    ev("local t = cjson.decode('[1, \"a\", null, {\"k\": [2, 3]}]'); return {#t, t[1], t[2], tostring(t[3] == cjson.null), t[4].k[2]}"),
    ev("return cjson.decode('{\"a\": {\"b\": [1, 2]}}').a.b[2]"),
    ev("return cjson.decode('\"str\"')"),
    ev("return cjson.decode('12.5')"),
    ev("return cjson.encode(cjson.decode('{\"x\":[1,2,{\"y\":\"z\"}]}'))"),
    ev("return cjson.decode('not json')"),
    ev('return cjson.encode(function() end)'),
    ev('return cjson.encode({[1] = 1, [20] = 2})'),
    ev('return cjson.encode(1/0)'),
    ev("return cjson.decode('[1,2')"),
  ]);
  kase('cmsgpack', () => [
    ev('return cmsgpack.pack({1, 2, 3})'),
    ev("return cmsgpack.pack('abc')"),
    ev('return cmsgpack.pack(1.5)'),
    ev('return cmsgpack.pack(-1, 300, 70000, true, false)'),
    ev("local t = cmsgpack.unpack(cmsgpack.pack({a = 1, b = {1, 2}})); return {t.a, t.b[2]}"),
    ev("return {cmsgpack.unpack(cmsgpack.pack(1, 'two', 3))}"),
    ev("return cmsgpack.unpack(ARGV[1])", [], '\x93\x01\x02\xa1x'),
    ev("return cmsgpack.unpack('')"),
  ]);
  kase('bit-library', () => [
    ev('return {bit.band(0xff, 0x0f), bit.bor(1, 2, 4), bit.bxor(5, 3), bit.bnot(0)}'),
    ev('return {bit.lshift(1, 31), bit.rshift(-1, 28), bit.arshift(-16, 2), bit.rol(1, 33)}'),
    ev("return {bit.tohex(255), bit.tohex(-1), bit.tohex(255, 2), bit.tohex(255, -4)}"),
    ev('return {bit.tobit(2^32 + 5), bit.bswap(0x01020304)}'),
    ev("return bit.band('x')"),
  ]);
  kase('struct-library', () => [
    ev("return struct.pack('>I2', 258)"),
    ev("return struct.pack('<i4', -2)"),
    ev("return {struct.unpack('>I2', ARGV[1])}", [], '\x01\x02'),
    ev("return {struct.unpack('<HB', struct.pack('<HB', 1000, 7))}"),
    ev("return struct.size('>iHb')"),
    ev("return struct.pack('s', 'zero terminated')"),
    ev("return struct.pack('z', 'nope')"),
    ev("return struct.unpack('>I4', 'ab')"),
  ]);

  // -------------------------------------------------------------------------
  // Shebang flags

  kase('shebang-lua', (key) => [
    ev("#!lua\nreturn redis.call('set', KEYS[1], 'v')", [key()]),
    ev('#!lua\nreturn 1'),
    ev('#!lua \nreturn 2'),
    ev('#!lua flags=\nreturn 3'),
    ev("#!lua\nerror('on line 2')"),
  ]);
  kase('shebang-no-writes', (key) => [
    run('SET', key(), 'v'),
    ev("#!lua flags=no-writes\nreturn redis.call('get', KEYS[1])", [key()]),
    ev("#!lua flags=no-writes\nreturn redis.call('set', KEYS[1], 'w')", [key()]),
    ev("#!lua flags=no-writes\nreturn redis.pcall('del', KEYS[1])", [key()]),
    run('GET', key()),
    run('EVAL_RO', "#!lua flags=no-writes\nreturn redis.call('get', KEYS[1])", '1', key()),
  ]);
  kase('shebang-eval-ro-needs-no-writes', (key) => [
    run('EVAL_RO', "#!lua\nreturn redis.call('get', KEYS[1])", '1', key()),
    run('EVAL_RO', '#!lua flags=allow-oom\nreturn 1', '0'),
    run('EVAL_RO', 'return 1', '0'),
  ]);
  kase('shebang-other-flags', (key) => [
    ev("#!lua flags=allow-oom\nreturn redis.call('set', KEYS[1], 'oom')", [key()]),
    ev("#!lua flags=no-cluster\nreturn redis.call('get', KEYS[1])", [key()]),
    ev("#!lua flags=allow-cross-slot-keys\nreturn redis.call('mget', KEYS[1], KEYS[2])", [key(), key('other')]),
    ev('#!lua flags=allow-stale\nreturn 1'),
    ev("#!lua flags=no-writes,allow-oom,allow-stale,no-cluster,allow-cross-slot-keys\nreturn redis.call('get', KEYS[1])", [key()]),
    ev('#!lua flags=no-writes,no-writes\nreturn 1'),
  ]);
  kase('shebang-errors', () => [
    ev('#!lua flags=bogus\nreturn 1'),
    ev('#!lua flags=no-writes,bogus\nreturn 1'),
    ev('#!lua flags=NO-WRITES\nreturn 1'),
    ev('#!python\nreturn 1'),
    ev('#!LUA\nreturn 1'),
    ev('#!\nreturn 1'),
    ev('#! lua\nreturn 1'),
    ev('#!lua'),
    ev('#!lua name=lib\nreturn 1'),
    ev('#!lua flags\nreturn 1'),
    ev('#!lua unknown=1\nreturn 1'),
    ev('#!lua "flags=no-writes"\nreturn 1'),
    ev('#! \nreturn 1'),
    ev('# not a shebang\nreturn 1'),
  ]);
  kase('shebang-script-load', () => {
    const script = "#!lua flags=no-writes\nreturn 'loaded ro'";
    return [
      run('SCRIPT', 'LOAD', script),
      run('EVALSHA_RO', sha1(script), '0'),
      run('SCRIPT', 'LOAD', '#!lua flags=bogus\nreturn 1'),
      run('SCRIPT', 'LOAD', '#!lua'),
    ];
  });
  kase('shebang-setresp-and-globals', (key) => [
    ev("#!lua\nredis.setresp(3); return {map = {k = 'v'}}"),
    ev('#!lua\nreturn {KEYS[1], ARGV[1]}', [key()], 'arg'),
    ev('#!lua\nx = 1'),
  ]);

  // -------------------------------------------------------------------------
  // Commands a script may not call, and blocking commands inside a script

  kase('noscript-commands', (key) => [
    ev("return redis.call('multi')"),
    ev("return redis.call('exec')"),
    ev("return redis.call('discard')"),
    ev("return redis.call('watch', KEYS[1])", [key()]),
    ev("return redis.call('unwatch')"),
    ev("return redis.call('subscribe', KEYS[1])", [key('ch')]),
    ev("return redis.call('psubscribe', 'x*')"),
    ev("return redis.call('unsubscribe')"),
    ev("return redis.call('eval', 'return 1', 0)"),
    ev("return redis.call('evalsha', 'ffffffffffffffffffffffffffffffffffffffff', 0)"),
    ev("return redis.call('script', 'load', 'return 1')"),
    ev("return redis.call('function', 'list')"),
    ev("return redis.call('fcall', 'f', 0)"),
    ev("return redis.call('hello', '3')"),
    ev("return redis.call('auth', 'x')"),
    ev("return redis.call('client', 'id')"),
    ev("return redis.call('monitor')"),
    ev("return redis.call('wait', 0, 0)"),
    ev("return redis.pcall('multi')"),
    ev("local r = redis.pcall('exec'); return r.err"),
  ]);
  // Redis 7.0 marks BLPOP, BRPOP, BRPOPLPUSH, BLMOVE and BZPOPMIN/MAX noscript, but not the
  // newer BLMPOP and BZMPOP, which run inside a script and answer at once.
  kase('blocking-commands-in-a-script', (key) => [
    ev("return redis.call('blpop', KEYS[1], 0)", [key()]),
    ev("return redis.call('brpop', KEYS[1], KEYS[2], 1)", [key(), key('b')]),
    ev("return redis.call('brpoplpush', KEYS[1], KEYS[2], 0)", [key(), key('d')]),
    ev("return redis.call('blmove', KEYS[1], KEYS[2], 'LEFT', 'RIGHT', 0)", [key(), key('d')]),
    ev("return redis.call('bzpopmin', KEYS[1], 0)", [key('z')]),
    ev("return redis.call('bzpopmax', KEYS[1], 0)", [key('z')]),
    ev("return redis.call('blpop', KEYS[1], 'soon')", [key()]),
    ev("local r = redis.pcall('blpop', KEYS[1], 0); return r.err", [key()]),
    ev("redis.call('rpush', KEYS[1], 'x', 'y'); return redis.call('blpop', KEYS[1], 0)", [key()]),
    run('LRANGE', key(), '0', '-1'),
  ]);
  kase('blmpop-and-bzmpop-in-a-script', (key) => [
    ev("return redis.call('blmpop', 0, 1, KEYS[1], 'LEFT')", [key()]),
    ev("local r = redis.call('blmpop', 0, 1, KEYS[1], 'LEFT'); return {type(r), tostring(r)}", [key()]),
    ev("return redis.call('bzmpop', 0, 1, KEYS[1], 'MIN')", [key('z')]),
    run('RPUSH', key(), 'a', 'b', 'c'),
    run('ZADD', key('z'), '1', 'm', '2', 'n'),
    ev("return redis.call('blmpop', 0, 1, KEYS[1], 'RIGHT', 'COUNT', 2)", [key()]),
    ev("return redis.call('bzmpop', 0, 1, KEYS[1], 'MAX')", [key('z')]),
    ev("redis.setresp(3); return redis.call('bzmpop', 0, 1, KEYS[1], 'MIN')", [key('z')]),
    ev("return redis.call('blmpop', 'soon', 1, KEYS[1], 'LEFT')", [key()]),
    run('LRANGE', key(), '0', '-1'),
  ]);
  kase('script-may-call', (key) => [
    ev("return redis.call('echo', 'hi')"),
    ev("return redis.call('ping', 'msg')"),
    ev("return redis.call('dbsize') >= 0"),
    ev("return redis.call('exists', KEYS[1])", [key()]),
    ev("return redis.call('publish', KEYS[1], 'nobody listens')", [key('ch')]),
    ev("return redis.call('type', KEYS[1])", [key()]),
    ev("return redis.call('command', 'count') > 100"),
  ]);

  // -------------------------------------------------------------------------
  // Atomicity and ordering, two connections, MULTI

  kase('watch-dirtied-by-eval', (key) => [
    run('SET', key(), '1'),
    run('WATCH', key()),
    evOn('b', "return redis.call('incr', KEYS[1])", [key()]),
    run('MULTI'),
    run('SET', key(), 'mine'),
    run('EXEC'),
    run('GET', key()),
  ]);
  kase('watch-not-dirtied-by-read-only-eval', (key) => [
    run('SET', key(), '1'),
    run('WATCH', key()),
    evOn('b', "return redis.call('get', KEYS[1])", [key()]),
    on('b', 'EVAL_RO', "return redis.call('strlen', KEYS[1])", '1', key()),
    run('MULTI'),
    run('INCR', key()),
    run('EXEC'),
  ]);
  kase('watch-dirtied-by-failing-eval-after-write', (key) => [
    run('WATCH', key()),
    evOn('b', "redis.call('set', KEYS[1], 'x'); error('after the write')", [key()]),
    run('MULTI'),
    run('PING'),
    run('EXEC'),
  ]);
  kase('blocked-client-served-after-the-script', (key) => [
    ask('a', command('BLPOP', key(), '0'), 0),
    {
      conn: 'b',
      send: command('EVAL', "redis.call('rpush', KEYS[1], 'x'); redis.call('rpush', KEYS[1], 'y'); return redis.call('llen', KEYS[1])", '1', key()),
      expect: [{ conn: 'b', replies: 1 }, { conn: 'a', replies: 1 }],
    },
    on('b', 'LRANGE', key(), '0', '-1'),
  ]);
  kase('blocked-client-not-served-when-the-script-empties', (key) => [
    ask('a', command('BLPOP', key(), '0'), 0),
    evOn('b', "redis.call('rpush', KEYS[1], 'x'); return redis.call('lpop', KEYS[1])", [key()]),
    on('b', 'RPUSH', key(), 'late'),
    ask('a', '', 1),
  ]);
  kase('script-sees-its-own-writes', (key) => [
    evOn('b', "redis.call('set', KEYS[1], 1); redis.call('incr', KEYS[1]); return redis.call('get', KEYS[1])", [key()]),
    run('GET', key()),
  ]);
  // Inside a script the clock stands still for expiry: a key set to expire in 1 ms is
  // still there after a loop far longer than that (PTTL reads the real clock: 0), and
  // gone for the next command.
  kase('script-time-is-frozen-for-expiry', (key) => [
    ev(
      "redis.call('set', KEYS[1], 'v', 'PX', 1)\nfor i = 1, 3000000 do end\nreturn {redis.call('get', KEYS[1]), redis.call('exists', KEYS[1]), redis.call('pttl', KEYS[1])}",
      [key()],
    ),
    run('GET', key()),
  ]);
  // DEBUG is noscript, so no 7.0 command can hand a script a RESP3 boolean.
  kase('debug-is-noscript', () => [ev("redis.setresp(3); return redis.call('debug', 'protocol', 'true')")]);
  kase('publish-from-a-script', (key) => [
    on('b', 'SUBSCRIBE', key('ch')),
    {
      conn: 'a',
      send: command('EVAL', "redis.call('publish', KEYS[1], 'one'); return redis.call('publish', KEYS[1], 'two')", '1', key('ch')),
      expect: [{ conn: 'a', replies: 1 }, { conn: 'b', replies: 2 }],
    },
  ]);
  kase('eval-inside-multi', (key) => [
    run('MULTI'),
    ev("return redis.call('incr', KEYS[1])", [key()]),
    ev("return redis.call('incrby', KEYS[1], 10)", [key()]),
    ev("error('fails inside exec')"),
    ev('return ('),
    run('EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', '0'),
    run('EVAL', 'return 1', '5'),
    run('GET', key()),
    run('EXEC'),
  ]);
  kase('eval-arity-inside-multi-aborts', () => [run('MULTI'), run('EVAL', 'return 1'), run('EXEC')]);
  kase('script-load-inside-multi', () => {
    const script = "return 'loaded in multi'";
    return [
      run('MULTI'),
      run('SCRIPT', 'LOAD', script),
      run('EVALSHA', sha1(script), '0'),
      run('SCRIPT', 'EXISTS', sha1(script)),
      run('EXEC'),
    ];
  });
  kase('eval-ro-inside-multi', (key) => [
    run('SET', key(), 'v'),
    run('MULTI'),
    run('EVAL_RO', "return redis.call('get', KEYS[1])", '1', key()),
    run('EVAL_RO', "return redis.call('del', KEYS[1])", '1', key()),
    run('EXEC'),
  ]);
  kase('pipelined-evals', (key) => [
    ask(
      'a',
      command('EVAL', "return redis.call('incr', KEYS[1])", '1', key()) +
        command('EVAL', "return redis.call('incr', KEYS[1])", '1', key()) +
        command('EVAL', 'return (', '0') +
        command('EVAL', "return redis.call('get', KEYS[1])", '1', key()),
      4,
    ),
  ]);

  // -------------------------------------------------------------------------
  // FUNCTION LOAD and FCALL

  kase('function-load-and-fcall', (key) => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('corpuslib', 'echo_keys_args', 'return {keys[1], keys[2], args[1], #keys, #args}')),
    fcall('echo_keys_args', [key('a'), key('b')], 'x', 'y'),
    fcall('echo_keys_args'),
    run('fcall', 'echo_keys_args', '1', key()),
  ]);
  kase('function-writes-and-reads', (key) => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('counter', 'bump', "return redis.call('incrby', keys[1], args[1] or 1)")),
    fcall('bump', [key()]),
    fcall('bump', [key()], '10'),
    run('GET', key()),
  ]);
  kase('function-load-table-form', (key) => [
    noLibraries(),
    run(
      'FUNCTION',
      'LOAD',
      "#!lua name=tablelib\nredis.register_function{function_name = 'tget', callback = function(keys) return redis.call('get', keys[1]) end, flags = {'no-writes'}, description = 'reads a key'}",
    ),
    run('SET', key(), 'v'),
    fcall('tget', [key()]),
    run('FCALL_RO', 'tget', '1', key()),
  ]);
  kase('function-two-functions-in-a-library', (key) => [
    noLibraries(),
    run(
      'FUNCTION',
      'LOAD',
      "#!lua name=twofns\nlocal function helper(x) return 'helped ' .. x end\nredis.register_function('first', function(keys, args) return helper(args[1]) end)\nredis.register_function('second', function(keys, args) return redis.call('set', keys[1], args[1]) end)",
    ),
    fcall('first', [], 'a'),
    fcall('second', [key()], 'b'),
    run('GET', key()),
    run('FUNCTION', 'STATS'),
  ]);
  kase('function-names-are-case-insensitive', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('caselib', 'MixedCase', "return 'called'")),
    fcall('MixedCase'),
    fcall('mixedcase'),
    fcall('MIXEDCASE'),
    run('FUNCTION', 'LOAD', library('CASELIB', 'other', 'return 1')),
    run('FUNCTION', 'DELETE', 'CaseLib'),
  ]);
  kase('function-load-replace', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('replib', 'version', "return 'one'")),
    run('FUNCTION', 'LOAD', library('replib', 'version', "return 'two'")),
    fcall('version'),
    run('FUNCTION', 'LOAD', 'REPLACE', library('replib', 'version', "return 'two'")),
    fcall('version'),
    run('FUNCTION', 'LOAD', 'replace', library('replib', 'renamed', "return 'three'")),
    fcall('version'),
    fcall('renamed'),
    run('FUNCTION', 'LOAD', 'REPLACE', library('fresh', 'brandnew', "return 'new'")),
    fcall('brandnew'),
  ]);
  kase('function-already-exists-in-another-library', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('owner', 'shared_name', 'return 1')),
    run('FUNCTION', 'LOAD', library('intruder', 'shared_name', 'return 2')),
    run('FUNCTION', 'LOAD', 'REPLACE', library('intruder', 'shared_name', 'return 2')),
    fcall('shared_name'),
    run('FUNCTION', 'LOAD', "#!lua name=dup\nredis.register_function('same', function() return 1 end)\nredis.register_function('same', function() return 2 end)"),
  ]);
  kase('function-load-metadata-errors', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', "redis.register_function('f', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua\nredis.register_function('f', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!js name=jslib\nredis.register_function('f', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!LUA name=upperengine\nredis.register_function('upper_engine_fn', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua name=lib foo=bar\nredis.register_function('f', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua name=a name=b\nredis.register_function('f', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua name=my-lib\nredis.register_function('f', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua name=\nredis.register_function('f', function() return 1 end)"),
    run('FUNCTION', 'LOAD', '#!lua name=nofunctions\nlocal a = 1'),
    run('FUNCTION', 'LOAD', '#!lua name=noline'),
    run('FUNCTION', 'LOAD', '#!lua name=compile\nreturn ('),
    run('FUNCTION', 'LOAD', "#!lua name=runtime\nerror('at load')"),
    run('FUNCTION', 'LOAD', "#!lua name=global\nx = 1\nredis.register_function('f', function() return 1 end)"),
    run('FUNCTION', 'LOAD', '#!lua name=keysglobal\nreturn KEYS'),
    run('FUNCTION', 'LOAD', "#!lua name=callatload\nredis.call('ping')\nredis.register_function('f', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua name=flags flags=no-writes\nredis.register_function('f', function() return 1 end)"),
    run('FUNCTION', 'STATS'),
  ]);
  // While FUNCTION LOAD runs the library's code, its globals are only `redis`, holding
  // register_function, log, the LOG_ constants and the versions: no string, no error, no
  // redis.call.
  kase('function-load-time-environment', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', "#!lua name=env1\nredis.log(redis.LOG_NOTICE, 'loading ' .. redis.REDIS_VERSION)\nlocal n = redis.REDIS_VERSION_NUM\nredis.register_function('env1_fn', function() return {n, string.upper('runtime has string')} end)"),
    fcall('env1_fn'),
    run('FUNCTION', 'LOAD', "#!lua name=env2\nlocal s = string.upper('x')\nredis.register_function('env2_fn', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua name=env3\nredis.setresp(3)\nredis.register_function('env3_fn', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua name=env4\nlocal t = type(cjson)\nredis.register_function('env4_fn', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua name=env5\nredis.sha1hex('x')\nredis.register_function('env5_fn', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua name=env6\nlocal ok = pcall(function() end)\nredis.register_function('env6_fn', function() return 1 end)"),
    run('FUNCTION', 'LOAD', "#!lua name=env7\nredis.register_function('env7_fn', function() return rawget(_G, 'redis') ~= nil end)"),
    fcall('env7_fn'),
  ]);
  kase('function-register-function-misuse', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', '#!lua name=r1\nredis.register_function()'),
    run('FUNCTION', 'LOAD', "#!lua name=r2\nredis.register_function('f')"),
    run('FUNCTION', 'LOAD', "#!lua name=r3\nredis.register_function('f', function() end, 'extra')"),
    run('FUNCTION', 'LOAD', '#!lua name=r4\nredis.register_function(1, function() end)'),
    run('FUNCTION', 'LOAD', "#!lua name=r5\nredis.register_function('f', 'not a function')"),
    run('FUNCTION', 'LOAD', "#!lua name=r6\nredis.register_function('bad-name', function() end)"),
    run('FUNCTION', 'LOAD', "#!lua name=r7\nredis.register_function('', function() end)"),
    run('FUNCTION', 'LOAD', "#!lua name=r8\nredis.register_function('f')"),
    run('FUNCTION', 'LOAD', "#!lua name=r9\nredis.register_function{function_name = 'f'}"),
    run('FUNCTION', 'LOAD', '#!lua name=r10\nredis.register_function{callback = function() end}'),
    run('FUNCTION', 'LOAD', "#!lua name=r11\nredis.register_function{function_name = 'f', callback = function() end, flags = {'bogus'}}"),
    run('FUNCTION', 'LOAD', "#!lua name=r12\nredis.register_function{function_name = 'f', callback = function() end, flags = 'no-writes'}"),
    run('FUNCTION', 'LOAD', "#!lua name=r13\nredis.register_function{function_name = 'f', callback = function() end, unknown = 1}"),
    run('FUNCTION', 'LOAD', "#!lua name=r14\nredis.register_function{function_name = 1, callback = function() end}"),
    run('FUNCTION', 'LOAD', "#!lua name=r15\nredis.register_function{function_name = 'f', callback = 'x'}"),
    run('FUNCTION', 'LOAD', "#!lua name=r16\nredis.register_function{function_name = 'f', callback = function() end, description = 1}"),
    run('FUNCTION', 'LOAD', "#!lua name=r17\nredis.register_function{'f', function() end}"),
    run('FUNCTION', 'LOAD', "#!lua name=r18\nredis.register_function('f', function() end, {})"),
    run('FUNCTION', 'LOAD', "#!lua name=r19\nredis.register_function({function_name = 'f', callback = function() end}, 'x')"),
    run('FUNCTION', 'STATS'),
  ]);
  kase('function-register-function-outside-load', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('late', 'registers', "redis.register_function('later', function() return 1 end)")),
    fcall('registers'),
    ev("return redis.register_function('x', function() end)"),
  ]);
  kase('function-load-arity-and-options', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD'),
    run('FUNCTION', 'LOAD', 'REPLACE'),
    run('FUNCTION', 'LOAD', 'BOGUS', library('opt', 'f', 'return 1')),
    run('FUNCTION', 'LOAD', 'REPLACE', 'REPLACE', library('opt', 'f', 'return 1')),
    run('FUNCTION', 'LOAD', library('opt', 'f', 'return 1'), 'REPLACE'),
  ]);
  kase('fcall-errors', (key) => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('errlib', 'ok_fn', "return 'ok'")),
    fcall('nosuchfunction'),
    run('FCALL', 'ok_fn'),
    run('FCALL'),
    run('FCALL', 'ok_fn', '1'),
    run('FCALL', 'ok_fn', '-1'),
    run('FCALL', 'ok_fn', 'x'),
    run('FCALL', 'ok_fn', '2', key()),
    run('FCALL', 'nosuchfunction', '5'),
    run('FCALL_RO', 'nosuchfunction', '0'),
  ]);
  kase('fcall-runtime-errors', (key) => [
    noLibraries(),
    run(
      'FUNCTION',
      'LOAD',
      "#!lua name=failing\nredis.register_function('fails', function(keys, args)\n  error('failed in a function')\nend)\nredis.register_function('wrongtype', function(keys, args)\n  return redis.call('lpush', keys[1], 'x')\nend)\nredis.register_function('globals', function(keys, args)\n  return KEYS\nend)\nredis.register_function('errtable', function() return {err = 'CODE from function'} end)",
    ),
    run('SET', key(), 'str'),
    fcall('fails'),
    fcall('wrongtype', [key()]),
    fcall('globals'),
    fcall('errtable'),
  ]);
  kase('fcall-ro-and-no-writes', (key) => [
    noLibraries(),
    run(
      'FUNCTION',
      'LOAD',
      "#!lua name=rolib\nredis.register_function{function_name = 'ro_get', callback = function(keys) return redis.call('get', keys[1]) end, flags = {'no-writes'}}\nredis.register_function{function_name = 'ro_set', callback = function(keys) return redis.call('set', keys[1], 'w') end, flags = {'no-writes'}}\nredis.register_function('rw_get', function(keys) return redis.call('get', keys[1]) end)",
    ),
    run('SET', key(), 'v'),
    run('FCALL_RO', 'ro_get', '1', key()),
    run('FCALL', 'ro_get', '1', key()),
    run('FCALL_RO', 'ro_set', '1', key()),
    run('FCALL', 'ro_set', '1', key()),
    run('FCALL_RO', 'rw_get', '1', key()),
    run('FCALL', 'rw_get', '1', key()),
    run('fcall_ro', 'ro_get', '1', key()),
  ]);
  kase('function-flags', (key) => [
    noLibraries(),
    run(
      'FUNCTION',
      'LOAD',
      "#!lua name=flaglib\nredis.register_function{function_name = 'allflags', callback = function(keys) return redis.call('get', keys[1]) end, flags = {'no-writes', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys'}}",
    ),
    fcall('allflags', [key()]),
    run('FUNCTION', 'LIST'),
    run('FUNCTION', 'LOAD', "#!lua name=flaglib2\nredis.register_function{function_name = 'emptyflags', callback = function() return 1 end, flags = {}}"),
    fcall('emptyflags'),
  ]);
  kase('function-uses-redis-api', () => [
    noLibraries(),
    run(
      'FUNCTION',
      'LOAD',
      "#!lua name=apilib\nredis.register_function('api', function(keys, args)\n  redis.setresp(3)\n  redis.log(redis.LOG_NOTICE, 'from a function')\n  return {redis.sha1hex('x'), redis.REDIS_VERSION, cjson.encode({1}), {map = {k = 'v'}}}\nend)",
    ),
    fcall('api'),
  ]);
  kase('function-library-locals-persist', () => [
    noLibraries(),
    run(
      'FUNCTION',
      'LOAD',
      "#!lua name=statelib\nlocal calls = 0\nredis.register_function('count_calls', function() calls = calls + 1; return calls end)",
    ),
    fcall('count_calls'),
    fcall('count_calls'),
  ]);

  // -------------------------------------------------------------------------
  // FUNCTION LIST, DELETE, FLUSH, RESTORE, STATS, HELP, KILL

  kase('function-list', () => [
    noLibraries(),
    run('FUNCTION', 'LIST'),
    run('FUNCTION', 'LOAD', "#!lua name=listed\nredis.register_function{function_name = 'listed_fn', callback = function() return 1 end, description = 'a described function', flags = {'no-writes'}}"),
    run('FUNCTION', 'LIST'),
    run('FUNCTION', 'LIST', 'WITHCODE'),
    run('FUNCTION', 'LIST', 'LIBRARYNAME', 'list*'),
    run('FUNCTION', 'LIST', 'LIBRARYNAME', 'nomatch*'),
    run('FUNCTION', 'LIST', 'WITHCODE', 'LIBRARYNAME', 'l?sted'),
    run('FUNCTION', 'LIST', 'libraryname', 'LISTED', 'withcode'),
  ]);
  kase('function-list-filters-libraries', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('alpha', 'alpha_fn', 'return 1')),
    run('FUNCTION', 'LOAD', library('beta', 'beta_fn', 'return 2')),
    run('FUNCTION', 'LIST', 'LIBRARYNAME', 'alpha'),
    run('FUNCTION', 'LIST', 'LIBRARYNAME', 'b*'),
    run('FUNCTION', 'LIST', 'LIBRARYNAME', '*ph*'),
    run('FUNCTION', 'LIST', 'LIBRARYNAME', 'gamma'),
  ]);
  kase('function-list-errors', () => [
    noLibraries(),
    run('FUNCTION', 'LIST', 'LIBRARYNAME'),
    run('FUNCTION', 'LIST', 'BOGUS'),
    run('FUNCTION', 'LIST', 'WITHCODE', 'WITHCODE'),
    run('FUNCTION', 'LIST', 'LIBRARYNAME', 'a', 'LIBRARYNAME', 'b'),
  ]);
  kase('function-delete', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('doomed', 'doomed_fn', "return 'alive'")),
    fcall('doomed_fn'),
    run('FUNCTION', 'DELETE', 'doomed'),
    fcall('doomed_fn'),
    run('FUNCTION', 'DELETE', 'doomed'),
    run('FUNCTION', 'DELETE', 'neverloaded'),
    run('FUNCTION', 'DELETE'),
    run('FUNCTION', 'DELETE', 'a', 'b'),
    run('FUNCTION', 'LOAD', library('doomed', 'doomed_fn', "return 'reborn'")),
    fcall('doomed_fn'),
  ]);
  kase('function-flush', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('flushme', 'flushme_fn', 'return 1')),
    run('FUNCTION', 'FLUSH'),
    fcall('flushme_fn'),
    run('FUNCTION', 'LOAD', library('flushme', 'flushme_fn', 'return 1')),
    run('FUNCTION', 'FLUSH', 'ASYNC'),
    run('FUNCTION', 'LIST'),
    run('FUNCTION', 'LOAD', library('flushme', 'flushme_fn', 'return 1')),
    run('FUNCTION', 'FLUSH', 'sync'),
    run('FUNCTION', 'STATS'),
    run('FUNCTION', 'FLUSH', 'LATER'),
    run('FUNCTION', 'FLUSH', 'SYNC', 'ASYNC'),
  ]);
  kase('function-flush-leaves-scripts', () => {
    const script = "return 'a script, not a function'";
    return [noLibraries(), run('SCRIPT', 'LOAD', script), run('FUNCTION', 'FLUSH'), run('SCRIPT', 'EXISTS', sha1(script)), run('SCRIPT', 'FLUSH'), run('FUNCTION', 'STATS')];
  });
  kase('function-restore-errors', () => [
    noLibraries(),
    run('FUNCTION', 'RESTORE'),
    run('FUNCTION', 'RESTORE', 'garbage'),
    run('FUNCTION', 'RESTORE', ''),
    run('FUNCTION', 'RESTORE', 'garbage', 'FLUSH'),
    run('FUNCTION', 'RESTORE', 'garbage', 'BOGUS'),
    run('FUNCTION', 'RESTORE', 'garbage', 'APPEND', 'extra'),
    run('FUNCTION', 'RESTORE', '\xf5\xc3@X@]\x1f#!lua name=x\n\x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00'),
    run('FUNCTION', 'LIST'),
  ]);
  kase('function-stats', () => [
    noLibraries(),
    run('FUNCTION', 'STATS'),
    run('FUNCTION', 'LOAD', library('statlib', 'stat_fn', 'return 1')),
    run('FUNCTION', 'STATS'),
    run('FUNCTION', 'STATS', 'extra'),
  ]);
  kase('function-help-kill-and-unknown', () => [
    run('FUNCTION', 'HELP'),
    run('function', 'help'),
    run('FUNCTION', 'KILL'),
    run('FUNCTION', 'KILL', 'extra'),
    run('FUNCTION'),
    run('FUNCTION', 'NOSUCH'),
    run('FUNCTION', 'HELP', 'extra'),
    run('FUNCTION', 'DUMP', 'extra'),
  ]);
  kase('function-in-multi', (key) => [
    noLibraries(),
    run('MULTI'),
    run('FUNCTION', 'LOAD', library('multilib', 'multi_fn', "return redis.call('incr', keys[1])")),
    fcall('multi_fn', [key()]),
    fcall('nosuchfunction'),
    run('EXEC'),
    run('GET', key()),
  ]);
  kase('watch-dirtied-by-fcall', (key) => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('watchlib', 'watch_fn', "return redis.call('set', keys[1], 'by fcall')")),
    run('WATCH', key()),
    on('b', 'FCALL', 'watch_fn', '1', key()),
    run('MULTI'),
    run('GET', key()),
    run('EXEC'),
  ]);
  kase('fcall-from-a-script-and-eval-from-a-function', () => [
    noLibraries(),
    run('FUNCTION', 'LOAD', library('nesting', 'calls_eval', "return redis.call('eval', 'return 1', 0)")),
    fcall('calls_eval'),
    ev("return redis.call('fcall', 'calls_eval', 0)"),
  ]);
}

const resp2 = builder('scr');
scriptingCases(resp2.kase);
// Subscribed mode (RESP2): EVAL and FCALL are refused like any command but the (un)subscribes.
resp2.kase('eval-in-subscribed-mode', (key) => [
  on('a', 'SUBSCRIBE', key('ch')),
  ev("return 'not run'"),
  run('FCALL', 'f', '0'),
  run('SCRIPT', 'LOAD', 'return 1'),
]);

export const scriptingCorpus: readonly Case[] = resp2.cases;

/** HELLO 3 first on every connection the case uses, in the order the case first uses them. */
function afterHello3(steps: Step[]): Step[] {
  const conns = [...new Set(steps.map((s) => s.conn))];
  return [...conns.map((conn) => on(conn, 'HELLO', '3')), ...steps];
}

// RESP3: the same cases after HELLO 3 (the null is `_`, maps and sets keep their types,
// doubles are `,`), and then what only a RESP3 connection can do.
const resp3 = builder('scr3');
scriptingCases((name, build) => resp3.kase(name, (key) => afterHello3(build(key))));
// A RESP3 connection may run any command while subscribed: a script publishing to the
// caller's own channel delivers the push before the script's reply.
resp3.kase('eval-in-subscribed-mode-publishes-to-self', (key) =>
  afterHello3([
    on('a', 'SUBSCRIBE', key('ch')),
    {
      conn: 'a',
      send: command('EVAL', "return redis.call('publish', KEYS[1], 'to myself')", '1', key('ch')),
      expect: [{ conn: 'a', replies: 2 }],
    },
    ev("redis.setresp(3); return {map = {subscribed = true}}"),
  ]),
);
// HELLO 2 in the middle: the same script's reply follows the connection's protocol.
resp3.kase('protocol-switch-between-calls', (key) => {
  const script = "redis.setresp(3); return {redis.call('hgetall', KEYS[1]), {double = 0.25}, true, {set = {s = true}}}";
  return afterHello3([
    run('HSET', key(), 'f', 'v'),
    ev(script, [key()]),
    run('HELLO', '2'),
    ev(script, [key()]),
    run('HELLO', '3'),
    ev(script, [key()]),
  ]);
});

export const scriptingResp3Corpus: readonly Case[] = resp3.cases;
