// ioredis (v6, default options: RESP3 after HELLO 3, replies in its "legacy" RESP2
// shapes) with Lua scripting as Node projects use it: eval with keys and arguments and
// each Lua type as ioredis hands it over, error replies, script('LOAD' | 'EXISTS' |
// 'FLUSH') and evalsha with its NOSCRIPT, defineCommand (which sends EVAL the first time
// on a connection, EVALSHA after, and falls back to EVAL on NOSCRIPT), scripts inside
// multi() and pipeline(), WATCH dirtied by another client's script, a blocked BLPOP served
// after a script, and functions (function('LOAD'), fcall, fcall_ro, function('LIST'),
// functionBuffer('DUMP') then FLUSH then RESTORE).
//
// Every test runs against our server and against a real redis-server (the control, the
// same expectations): a test that passes on redis-server and fails on ours names a
// difference in our server. Clients connect through a recording proxy, so a failure also
// prints the bytes exchanged, and the defineCommand test reads that recording to see which
// of EVAL and EVALSHA went out.
//
// No sleeps: the blocked client is waited for by asking the server (INFO clients'
// blocked_clients), one round trip at a time, with a deadline.
import Redis, { ReplyError } from 'ioredis';
import { describeTargets, errorReplyOf, within, type CompatTarget } from '../support/compat-targets';
import { ioredisClients } from '../support/ioredis-clients';
import { plain } from '../support/recording-proxy';

const WAIT_MS = 3000;

/** Increments KEYS[1] up to ARGV[1]; past it, an error reply. */
const CAPPED_INCR = `local v = redis.call('incr', KEYS[1])
if v > tonumber(ARGV[1]) then return redis.error_reply('CAPPED at ' .. ARGV[1]) end
return v`;

const LIBRARY = `#!lua name=iolib
redis.register_function('io_set', function(keys, args) return redis.call('set', keys[1], args[1]) end)
redis.register_function{function_name = 'io_get', callback = function(keys) return redis.call('get', keys[1]) end, flags = {'no-writes'}, description = 'reads a key'}`;

/** A pipeline or multi() with the custom command (defineCommand adds it at run time). */
interface CappedChain {
  cappedIncr(key: string, cap: number): CappedChain;
  exec(): Promise<[Error | null, unknown][] | null>;
}
/** A client with the custom command, the way defineCommand's users declare it for TypeScript. */
type WithCapped = Redis & { cappedIncr(key: string, cap: number): Promise<number> };

describeTargets(
  'ioredis: scripting (eval, evalsha, defineCommand, multi, watch, functions)',
  (target: CompatTarget) => {
    const { connect, blockedClients, adopt } = ioredisClients(target, WAIT_MS);

    test('eval: KEYS and ARGV, writes, and each Lua type as ioredis hands it over', () =>
      target.traced(async () => {
        const client = await connect();
        expect(await client.eval('return {KEYS[1], KEYS[2], ARGV[1], ARGV[2]}', 2, 'ev:a', 'ev:b', 'x', 5)).toEqual(['ev:a', 'ev:b', 'x', '5']);
        expect(await client.eval("return redis.call('incrby', KEYS[1], ARGV[1])", 1, 'ev:n', 41)).toBe(41);
        expect(await client.eval("return redis.call('incr', KEYS[1])", 1, 'ev:n')).toBe(42);
        expect(await client.get('ev:n')).toBe('42');
        // Numbers are truncated to integers; false and nil are the null reply; true is 1.
        expect(await client.eval('return 3.99', 0)).toBe(3);
        expect(await client.eval('return -3.99', 0)).toBe(-3);
        expect(await client.eval('return nil', 0)).toBeNull();
        expect(await client.eval('return false', 0)).toBeNull();
        expect(await client.eval('return true', 0)).toBe(1);
        expect(await client.eval("return 'text'", 0)).toBe('text');
        // An array stops at its first nil; nested tables nest.
        expect(await client.eval("return {1, 'two', {3, {4}}, nil, 'lost'}", 0)).toEqual([1, 'two', [3, [4]]]);
        expect(await client.eval("return {ok = 'FINE'}", 0)).toBe('FINE');
        expect(await client.eval("return redis.status_reply('ALSO FINE')", 0)).toBe('ALSO FINE');
        // RESP3 forms, in ioredis's legacy shapes: a map flattened, a set as an array, a
        // double as its text.
        expect(await client.eval("return {map = {field = 'value'}}", 0)).toEqual(['field', 'value']);
        expect(await client.eval("return {set = {member = true}}", 0)).toEqual(['member']);
        expect(await client.eval('return {double = 1.5}', 0)).toBe('1.5');
        expect(await client.eval("return {big_number = '123456789012345678901234567890'}", 0)).toBe('123456789012345678901234567890');
        expect(await client.eval('redis.setresp(3); return {true, false}', 0)).toEqual([1, 0]);
        await client.hset('ev:h', 'f', 'v');
        expect(await client.eval("redis.setresp(3); return redis.call('hgetall', KEYS[1])", 1, 'ev:h')).toEqual(['f', 'v']);
        // Binary arguments and replies come back byte for byte.
        const bytes = Buffer.from([0, 1, 0xfe, 0xff, 0x0d, 0x0a]);
        expect(await client.callBuffer('EVAL', 'return ARGV[1]', 0, bytes)).toEqual(bytes);
        // What redis.call hands the script, seen through type().
        await client.set('ev:s', 'str');
        expect(await client.eval("local r = redis.call('get', KEYS[1]); return {type(r), type(redis.call('get', KEYS[2]))}", 2, 'ev:s', 'ev:none')).toEqual([
          'string',
          'boolean',
        ]);
      }));

    test('error replies: a ReplyError carrying Redis\'s text', () =>
      target.traced(async () => {
        const client = await connect();
        expect(await errorReplyOf(() => client.eval("return {err = 'MYCODE my failure'}", 0), ReplyError)).toBe('MYCODE my failure');
        expect(await errorReplyOf(() => client.eval("return redis.error_reply('oneword')", 0), ReplyError)).toBe('ERR oneword');
        const boom = "error('boom')";
        const boomSha = (await client.script('LOAD', boom)) as string;
        expect(await errorReplyOf(() => client.eval(boom, 0), ReplyError)).toBe(`ERR user_script:1: boom script: ${boomSha}, on @user_script:1.`);
        await client.set('err:s', 'str');
        const wrongType = "return redis.call('lpush', KEYS[1], 'x')";
        const wrongTypeSha = (await client.script('LOAD', wrongType)) as string;
        expect(await errorReplyOf(() => client.eval(wrongType, 1, 'err:s'), ReplyError)).toBe(
          `WRONGTYPE Operation against a key holding the wrong kind of value script: ${wrongTypeSha}, on @user_script:1.`,
        );
        // redis.pcall hands the error to the script, which may return it as it is.
        expect(await errorReplyOf(() => client.eval("return redis.pcall('lpush', KEYS[1], 'x')", 1, 'err:s'), ReplyError)).toBe(
          'WRONGTYPE Operation against a key holding the wrong kind of value',
        );
        expect(await errorReplyOf(() => client.eval('return (', 0), ReplyError)).toBe(
          "ERR Error compiling script (new function): user_script:1: unexpected symbol near '<eof>'",
        );
        expect(await errorReplyOf(() => client.eval('return 1', 2, 'only-one-key'), ReplyError)).toBe(
          "ERR Number of keys can't be greater than number of args",
        );
        expect(await errorReplyOf(() => client.eval('return 1', -1), ReplyError)).toBe("ERR Number of keys can't be negative");
        expect(await errorReplyOf(() => client.eval('x = 1', 0), ReplyError)).toMatch(/^ERR user_script:1: Attempt to modify a readonly table script: [0-9a-f]{40}, on @user_script:1\.$/);
        expect(await errorReplyOf(() => client.eval("return redis.call('multi')", 0), ReplyError)).toMatch(/^ERR This Redis command is not allowed from script script: /);
        // The connection is still usable after all of these.
        expect(await client.ping()).toBe('PONG');
      }));

    test("script('LOAD' | 'EXISTS' | 'FLUSH'), evalsha, evalsha_ro and NOSCRIPT", () =>
      target.traced(async () => {
        const client = await connect();
        const lua = "return {KEYS[1], ARGV[1], 'loaded'}";
        const sha = (await client.script('LOAD', lua)) as string;
        expect(sha).toMatch(/^[0-9a-f]{40}$/);
        expect(await client.evalsha(sha, 1, 'sha:k', 'arg')).toEqual(['sha:k', 'arg', 'loaded']);
        expect(await client.evalsha(sha.toUpperCase(), 1, 'sha:k', 'arg')).toEqual(['sha:k', 'arg', 'loaded']);
        expect(await client.evalsha_ro(sha, 1, 'sha:k', 'arg')).toEqual(['sha:k', 'arg', 'loaded']);
        expect(await client.script('EXISTS', sha, 'ffffffffffffffffffffffffffffffffffffffff')).toEqual([1, 0]);
        expect(await errorReplyOf(() => client.evalsha('ffffffffffffffffffffffffffffffffffffffff', 0), ReplyError)).toBe(
          'NOSCRIPT No matching script. Please use EVAL.',
        );
        expect(await client.eval_ro("return redis.call('exists', KEYS[1])", 1, 'sha:k')).toBe(0);
        expect(await errorReplyOf(() => client.eval_ro("return redis.call('set', KEYS[1], 'v')", 1, 'sha:k'), ReplyError)).toMatch(
          /^ERR Write commands are not allowed from read-only scripts\. script: /,
        );
        expect(await client.script('FLUSH')).toBe('OK');
        expect(await client.script('EXISTS', sha)).toEqual([0]);
        expect(await errorReplyOf(() => client.evalsha(sha, 1, 'sha:k', 'arg'), ReplyError)).toBe('NOSCRIPT No matching script. Please use EVAL.');
        expect(await client.script('FLUSH', 'ASYNC')).toBe('OK');
        expect(await errorReplyOf(() => client.script('KILL'), ReplyError)).toBe('NOTBUSY No scripts in execution right now.');
      }));

    test('defineCommand: EVAL first, EVALSHA next, and after SCRIPT FLUSH a NOSCRIPT answered by a retry with EVAL', () =>
      target.traced(async () => {
        const client = (await connect()) as WithCapped;
        const other = await connect();
        client.defineCommand('cappedIncr', { numberOfKeys: 1, lua: CAPPED_INCR });
        const mark = target.mark();
        expect(await client.cappedIncr('dc:n', 3)).toBe(1);
        expect(await client.cappedIncr('dc:n', 3)).toBe(2);
        expect(await other.script('FLUSH')).toBe('OK');
        expect(await client.cappedIncr('dc:n', 3)).toBe(3);
        expect(await errorReplyOf(() => client.cappedIncr('dc:n', 3), ReplyError)).toBe('CAPPED at 3');

        const exchanges = target
          .conversations(mark)
          .flatMap((c) => c.exchanges)
          .filter((e) => e.command[0].toLowerCase().startsWith('eval'));
        const sent = exchanges.map((e) => e.command[0].toLowerCase());
        expect(sent).toEqual(['eval', 'evalsha', 'evalsha', 'eval', 'evalsha']);
        expect(plain(exchanges[2].reply!)).toEqual({ error: 'NOSCRIPT No matching script. Please use EVAL.' });

        // In a pipeline and in multi() as well.
        const pipelined = await (client.pipeline() as unknown as CappedChain).cappedIncr('dc:p', 10).cappedIncr('dc:p', 10).exec();
        expect(pipelined).toEqual([
          [null, 1],
          [null, 2],
        ]);
        const transaction = await (client.multi() as unknown as CappedChain).cappedIncr('dc:m', 1).cappedIncr('dc:m', 1).exec();
        expect(transaction?.[0]).toEqual([null, 1]);
        expect(transaction?.[1][0]).toBeInstanceOf(ReplyError);
        expect((transaction?.[1][0] as Error).message).toBe('CAPPED at 1');
      }));

    test('multi()/exec() with eval: the results in order, a failing script as one element', () =>
      target.traced(async () => {
        const client = await connect();
        const replies = await client
          .multi()
          .set('mx:k', '10')
          .eval("return redis.call('incrby', KEYS[1], ARGV[1])", 1, 'mx:k', 5)
          .eval("error('fails inside exec')", 0)
          .evalsha('ffffffffffffffffffffffffffffffffffffffff', 0)
          .get('mx:k')
          .exec();
        expect(replies).toHaveLength(5);
        expect(replies?.[0]).toEqual([null, 'OK']);
        expect(replies?.[1]).toEqual([null, 15]);
        expect((replies?.[2][0] as Error).message).toMatch(/^ERR user_script:1: fails inside exec script: [0-9a-f]{40}, on @user_script:1\.$/);
        expect((replies?.[3][0] as Error).message).toBe('NOSCRIPT No matching script. Please use EVAL.');
        expect(replies?.[4]).toEqual([null, '15']);

        // SCRIPT LOAD inside the transaction, the script run by its sha in the same one.
        const lua = "return 'loaded in multi'";
        const sha = (await client.script('LOAD', lua)) as string;
        await client.script('FLUSH');
        expect(await client.multi().script('LOAD', lua).evalsha(sha, 0).exec()).toEqual([
          [null, sha],
          [null, 'loaded in multi'],
        ]);
      }));

    test('watch: a script run by another client on the watched key makes exec() answer null', () =>
      target.traced(async () => {
        const client = await connect();
        const other = await connect();
        await client.set('wt:k', '1');
        expect(await client.watch('wt:k')).toBe('OK');
        expect(await other.eval("return redis.call('incr', KEYS[1])", 1, 'wt:k')).toBe(2);
        expect(await client.multi().set('wt:k', 'mine').exec()).toBeNull();
        expect(await client.get('wt:k')).toBe('2');

        // A read-only script does not touch the watch.
        expect(await client.watch('wt:k')).toBe('OK');
        expect(await other.eval("return redis.call('get', KEYS[1])", 1, 'wt:k')).toBe('2');
        expect(await client.multi().set('wt:k', 'mine').exec()).toEqual([[null, 'OK']]);
        expect(await client.get('wt:k')).toBe('mine');
      }));

    test('BLPOP: a client blocked on a list is served after the whole script that pushes', () =>
      target.traced(async () => {
        const client = await connect();
        const blocker = client.duplicate();
        adopt(blocker);
        const popped = blocker.blpop('bl:q', 0);
        await blockedClients(client, 1);
        const script = "redis.call('rpush', KEYS[1], 'first'); redis.call('rpush', KEYS[1], 'second'); return redis.call('llen', KEYS[1])";
        // Inside the script the list still holds both: the blocked client waits for the end.
        expect(await client.eval(script, 1, 'bl:q')).toBe(2);
        expect(await within(popped, WAIT_MS, 'the BLPOP')).toEqual(['bl:q', 'first']);
        expect(await client.lrange('bl:q', 0, -1)).toEqual(['second']);
        // BLPOP is refused inside a script in Redis 7.0 (noscript); BLMPOP answers at once.
        expect(await errorReplyOf(() => client.eval("return redis.call('blpop', KEYS[1], 0)", 1, 'bl:empty'), ReplyError)).toMatch(
          /^ERR This Redis command is not allowed from script script: /,
        );
        expect(await client.eval("return redis.call('blmpop', 0, 1, KEYS[1], 'LEFT')", 1, 'bl:empty')).toBeNull();
      }));

    test("functions: function('LOAD'), fcall, fcall_ro, function('LIST'), functionBuffer('DUMP'), FLUSH, RESTORE, DELETE", () =>
      target.traced(async () => {
        const client = await connect();
        expect(await client.function('FLUSH')).toBe('OK');
        expect(await client.function('LOAD', LIBRARY)).toBe('iolib');
        expect(await errorReplyOf(() => client.function('LOAD', LIBRARY), ReplyError)).toBe("ERR Library 'iolib' already exists");
        expect(await client.function('LOAD', 'REPLACE', LIBRARY)).toBe('iolib');
        expect(await client.fcall('io_set', 1, 'fn:k', 'value')).toBe('OK');
        expect(await client.fcall('io_get', 1, 'fn:k')).toBe('value');
        expect(await client.fcall_ro('io_get', 1, 'fn:k')).toBe('value');
        expect(await errorReplyOf(() => client.fcall_ro('io_set', 1, 'fn:k', 'x'), ReplyError)).toBe(
          'ERR Can not execute a script with write flag using *_ro command.',
        );
        expect(await errorReplyOf(() => client.fcall('nosuch', 0), ReplyError)).toBe('ERR Function not found');
        // LIST, one function at a time (Redis lists functions in hash-table order).
        const listed = (await client.function('LIST', 'LIBRARYNAME', 'iolib')) as unknown[][];
        expect(listed).toHaveLength(1);
        const [name, library, engine, lua, functionsField, functions] = listed[0];
        expect([name, library, engine, lua, functionsField]).toEqual(['library_name', 'iolib', 'engine', 'LUA', 'functions']);
        const byName = new Map((functions as unknown[][]).map((f) => [f[1], f]));
        expect(byName.get('io_get')).toEqual(['name', 'io_get', 'description', 'reads a key', 'flags', ['no-writes']]);
        expect(byName.get('io_set')).toEqual(['name', 'io_set', 'description', null, 'flags', []]);
        expect(await client.function('STATS')).toEqual(['running_script', null, 'engines', ['LUA', ['libraries_count', 1, 'functions_count', 2]]]);

        // DUMP is an opaque payload; what a client sees is that RESTORE brings it all back.
        const payload = await client.functionBuffer('DUMP');
        expect(Buffer.isBuffer(payload)).toBe(true);
        expect(await client.function('FLUSH')).toBe('OK');
        expect(await errorReplyOf(() => client.fcall('io_get', 1, 'fn:k'), ReplyError)).toBe('ERR Function not found');
        expect(await client.function('RESTORE', payload)).toBe('OK');
        expect(await client.fcall('io_get', 1, 'fn:k')).toBe('value');
        expect(await errorReplyOf(() => client.function('RESTORE', payload), ReplyError)).toBe('ERR Library iolib already exists');
        expect(await client.function('RESTORE', payload, 'REPLACE')).toBe('OK');
        expect(await client.function('RESTORE', payload, 'FLUSH')).toBe('OK');
        expect(await errorReplyOf(() => client.function('RESTORE', Buffer.from('not a dump')), ReplyError)).toBe(
          'ERR DUMP payload version or checksum are wrong',
        );
        expect(await client.function('DELETE', 'iolib')).toBe('OK');
        expect(await errorReplyOf(() => client.function('DELETE', 'iolib'), ReplyError)).toBe('ERR Library not found');
        expect(await client.function('LIST')).toEqual([]);
        expect(await errorReplyOf(() => client.function('KILL'), ReplyError)).toBe('NOTBUSY No scripts in execution right now.');
      }));
  },
  { proxy: true },
);
