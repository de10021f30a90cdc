// node-redis (`redis` v6) with Lua scripting as its users use it: `createClient({ url })`
// with default options (RESP3: HELLO 3 on connect), and again with `{ RESP: 2 }`. eval and
// evalSha with { keys, arguments } and each Lua type as node-redis hands it over (a map as
// an object in RESP3, a flat array in RESP2...), error replies, scriptLoad / scriptExists /
// scriptFlush and NOSCRIPT, scripts declared with defineScript (sent as EVALSHA, retried
// as EVAL on NOSCRIPT; inside multi() the first use is an EVAL), multi() with a failing
// script, WATCH dirtied by another client's script (node-redis 5+ has no executeIsolated:
// the watching client is a duplicate() of its own, as its documentation says), and
// functions: functionLoad, fCall, fCallRo, functionList[WithCode], functionStats,
// functionDump (as a Buffer) then functionFlush then functionRestore, functionDelete, and
// a library declared in createClient({ functions }).
//
// Every test runs against our server and against a real redis-server (the control); the
// expectations are Redis's behaviour as node-redis hands it over. Clients connect through
// a recording proxy, so a failure prints the bytes exchanged, and the defineScript test
// reads that recording to see which of EVAL and EVALSHA went out.
import { createClient, defineScript, ErrorReply, MultiErrorReply, RESP_TYPES, WatchError, type CommandParser } from 'redis';
import { describeTargets, errorReplyOf, type CompatTarget } from '../support/compat-targets';
import { connectWithin, reportErrors } from '../support/node-redis-connect';
import { plain } from '../support/recording-proxy';

const WAIT_MS = 3000;

/** Increments KEYS[1] up to ARGV[1]; past it, an error reply. */
const CAPPED_INCR = `local v = redis.call('incr', KEYS[1])
if v > tonumber(ARGV[1]) then return redis.error_reply('CAPPED at ' .. ARGV[1]) end
return v`;

const cappedIncr = defineScript({
  SCRIPT: CAPPED_INCR,
  NUMBER_OF_KEYS: 1,
  parseCommand(parser: CommandParser, key: string, cap: number) {
    parser.pushKey(key);
    parser.push(String(cap));
  },
  transformReply: (reply: unknown) => reply as number,
});

const LIBRARY = `#!lua name=nrlib
redis.register_function('nr_set', function(keys, args) return redis.call('set', keys[1], args[1]) end)
redis.register_function{function_name = 'nr_get', callback = function(keys) return redis.call('get', keys[1]) end, flags = {'no-writes'}, description = 'reads a key'}`;

/** The library's read-only function, the way createClient({ functions }) declares it. */
const nrlib = {
  nr_get: {
    NUMBER_OF_KEYS: 1,
    IS_READ_ONLY: true,
    parseCommand(parser: CommandParser, key: string) {
      parser.pushKey(key);
    },
    transformReply: (reply: unknown) => reply as string | null,
  },
};

/** What every client of these tests can do, whatever its scripts and functions. */
interface Closable {
  readonly isOpen: boolean;
  connect(): Promise<unknown>;
  on(event: 'error', listener: (err: Error) => void): unknown;
  destroy(): void;
}

describeTargets(
  'node-redis: scripting (eval, evalSha, defineScript, multi, watch, functions)',
  (target: CompatTarget) => {
    for (const resp of [3, 2] as const) {
      describe(resp === 3 ? 'default options (RESP3)' : '{ RESP: 2 }', () => {
        const clients = new Set<Closable>();
        /** Keys of this protocol's tests, apart from the other protocol's (same server). */
        const k = (name: string): string => `${name}:${resp}`;
        const options = { url: '', ...(resp === 2 ? { RESP: 2 as const } : {}) };

        async function open<C extends Closable>(client: C, what = 'connect()'): Promise<C> {
          clients.add(client);
          const reported = reportErrors(client);
          await connectWithin(client, reported, WAIT_MS, what);
          return client;
        }

        const url = (): string => `redis://${target.host}:${target.port}`;
        const connect = () => open(createClient({ ...options, url: url() }));
        const connectWithScripts = () => open(createClient({ ...options, url: url(), scripts: { cappedIncr }, functions: { nrlib } }));

        afterEach(() => {
          for (const client of clients) if (client.isOpen) client.destroy();
          clients.clear();
        });

        test('eval: keys and arguments, writes, and each Lua type as node-redis hands it over', () =>
          target.traced(async () => {
            const client = await connect();
            expect(await client.eval('return {KEYS[1], KEYS[2], ARGV[1], ARGV[2]}', { keys: [k('ev:a'), k('ev:b')], arguments: ['x', '5'] })).toEqual([
              k('ev:a'),
              k('ev:b'),
              'x',
              '5',
            ]);
            expect(await client.eval("return redis.call('incrby', KEYS[1], ARGV[1])", { keys: [k('ev:n')], arguments: ['41'] })).toBe(41);
            expect(await client.get(k('ev:n'))).toBe('41');
            expect(await client.eval('return 3.99')).toBe(3);
            expect(await client.eval('return nil')).toBeNull();
            expect(await client.eval('return false')).toBeNull();
            expect(await client.eval('return true')).toBe(1);
            expect(await client.eval("return {1, 'two', {3, {4}}, nil, 'lost'}")).toEqual([1, 'two', [3, [4]]]);
            expect(await client.eval("return {ok = 'FINE'}")).toBe('FINE');
            expect(await client.eval("return {set = {member = true}}")).toEqual(['member']);
            // The RESP3 forms: typed in RESP3, their RESP2 fallbacks otherwise.
            if (resp === 3) {
              expect(await client.eval("return {map = {field = 'value'}}")).toEqual({ field: 'value' });
              expect(await client.eval('return {double = 1.5}')).toBe(1.5);
              expect(await client.eval("return {big_number = '12345678901234567890'}")).toBe(12345678901234567890n);
              expect(await client.eval('redis.setresp(3); return {true, false}')).toEqual([true, false]);
            } else {
              expect(await client.eval("return {map = {field = 'value'}}")).toEqual(['field', 'value']);
              expect(await client.eval('return {double = 1.5}')).toBe('1.5');
              expect(await client.eval("return {big_number = '12345678901234567890'}")).toBe('12345678901234567890');
              expect(await client.eval('redis.setresp(3); return {true, false}')).toEqual([1, 0]);
            }
            await client.hSet(k('ev:h'), 'f', 'v');
            const hash = await client.eval("redis.setresp(3); return redis.call('hgetall', KEYS[1])", { keys: [k('ev:h')] });
            expect(hash).toEqual(resp === 3 ? { f: 'v' } : ['f', 'v']);
            // Read-only scripts.
            expect(await client.evalRo("return redis.call('get', KEYS[1])", { keys: [k('ev:n')] })).toBe('41');
            expect(await errorReplyOf(() => client.evalRo("return redis.call('del', KEYS[1])", { keys: [k('ev:n')] }), ErrorReply)).toMatch(
              /^ERR Write commands are not allowed from read-only scripts\. script: [0-9a-f]{40}, on @user_script:1\.$/,
            );
          }));

        test('error replies: an ErrorReply carrying Redis\'s text, the client still usable', () =>
          target.traced(async () => {
            const client = await connect();
            expect(await errorReplyOf(() => client.eval("return {err = 'MYCODE my failure'}"), ErrorReply)).toBe('MYCODE my failure');
            const boom = "error('boom')";
            const sha = await client.scriptLoad(boom);
            expect(await errorReplyOf(() => client.eval(boom), ErrorReply)).toBe(`ERR user_script:1: boom script: ${sha}, on @user_script:1.`);
            await client.set(k('err:s'), 'str');
            expect(await errorReplyOf(() => client.eval("return redis.pcall('lpush', KEYS[1], 'x')", { keys: [k('err:s')] }), ErrorReply)).toBe(
              'WRONGTYPE Operation against a key holding the wrong kind of value',
            );
            expect(await errorReplyOf(() => client.eval("return redis.call('set', KEYS[1], {})", { keys: [k('err:s')] }), ErrorReply)).toMatch(
              /^ERR Lua redis lib command arguments must be strings or integers script: /,
            );
            expect(await errorReplyOf(() => client.eval('return ('), ErrorReply)).toBe(
              "ERR Error compiling script (new function): user_script:1: unexpected symbol near '<eof>'",
            );
            expect(await errorReplyOf(() => client.eval('return undefined_global'), ErrorReply)).toMatch(
              /^ERR user_script:1: Script attempted to access nonexistent global variable 'undefined_global' script: /,
            );
            expect(await client.ping()).toBe('PONG');
          }));

        test('scriptLoad, evalSha, evalShaRo, scriptExists, scriptFlush and NOSCRIPT', () =>
          target.traced(async () => {
            const client = await connect();
            const lua = "return {KEYS[1], ARGV[1], 'loaded'}";
            const sha = await client.scriptLoad(lua);
            expect(sha).toMatch(/^[0-9a-f]{40}$/);
            expect(await client.evalSha(sha, { keys: [k('sha:k')], arguments: ['arg'] })).toEqual([k('sha:k'), 'arg', 'loaded']);
            expect(await client.evalShaRo(sha.toUpperCase(), { keys: [k('sha:k')], arguments: ['arg'] })).toEqual([k('sha:k'), 'arg', 'loaded']);
            expect(await client.scriptExists([sha, 'ffffffffffffffffffffffffffffffffffffffff'])).toEqual([1, 0]);
            expect(await errorReplyOf(() => client.evalSha('ffffffffffffffffffffffffffffffffffffffff'), ErrorReply)).toBe(
              'NOSCRIPT No matching script. Please use EVAL.',
            );
            expect(await client.scriptFlush()).toBe('OK');
            expect(await client.scriptExists(sha)).toEqual([0]);
            expect(await client.scriptFlush('ASYNC')).toBe('OK');
            expect(await errorReplyOf(() => client.scriptKill(), ErrorReply)).toBe('NOTBUSY No scripts in execution right now.');
          }));

        test('defineScript: EVALSHA, on NOSCRIPT a retry with EVAL; in multi() EVAL first, EVALSHA after', () =>
          target.traced(async () => {
            const client = await connectWithScripts();
            const other = await connect();
            await other.scriptFlush();
            const mark = target.mark();
            expect(await client.cappedIncr(k('ds:n'), 3)).toBe(1);
            expect(await client.cappedIncr(k('ds:n'), 3)).toBe(2);
            expect(await other.scriptFlush()).toBe('OK');
            expect(await client.cappedIncr(k('ds:n'), 3)).toBe(3);
            expect(await errorReplyOf(() => client.cappedIncr(k('ds:n'), 3), ErrorReply)).toBe('CAPPED at 3');

            const exchanges = target
              .conversations(mark)
              .flatMap((c) => c.exchanges)
              .filter((e) => e.command[0].toUpperCase().startsWith('EVAL'));
            expect(exchanges.map((e) => e.command[0].toUpperCase())).toEqual(['EVALSHA', 'EVAL', 'EVALSHA', 'EVALSHA', 'EVAL', 'EVALSHA']);
            expect(plain(exchanges[0].reply!)).toEqual({ error: 'NOSCRIPT No matching script. Please use EVAL.' });
            expect(plain(exchanges[3].reply!)).toEqual({ error: 'NOSCRIPT No matching script. Please use EVAL.' });

            await other.scriptFlush();
            const multiMark = target.mark();
            expect(await client.multi().cappedIncr(k('ds:m'), 5).cappedIncr(k('ds:m'), 5).exec()).toEqual([1, 2]);
            const queued = target
              .conversations(multiMark)
              .flatMap((c) => c.exchanges)
              .map((e) => e.command[0].toUpperCase());
            expect(queued).toEqual(['MULTI', 'EVAL', 'EVALSHA', 'EXEC']);
          }));

        test('multi(): the replies in order; a failing script makes exec() throw a MultiErrorReply', () =>
          target.traced(async () => {
            const client = await connect();
            expect(
              await client
                .multi()
                .set(k('mx:k'), '10')
                .eval("return redis.call('incrby', KEYS[1], ARGV[1])", { keys: [k('mx:k')], arguments: ['5'] })
                .get(k('mx:k'))
                .exec(),
            ).toEqual(['OK', 15, '15']);
            let failure: unknown;
            try {
              await client.multi().incr(k('mx:k')).eval("error('fails inside exec')").evalSha('ffffffffffffffffffffffffffffffffffffffff').exec();
            } catch (err) {
              failure = err;
            }
            expect(failure).toBeInstanceOf(MultiErrorReply);
            const { replies, errorIndexes } = failure as MultiErrorReply;
            expect([...errorIndexes]).toEqual([1, 2]);
            expect(replies[0]).toBe(16);
            expect((replies[1] as Error).message).toMatch(/^ERR user_script:1: fails inside exec script: [0-9a-f]{40}, on @user_script:1\.$/);
            expect((replies[2] as Error).message).toBe('NOSCRIPT No matching script. Please use EVAL.');
            expect(await client.get(k('mx:k'))).toBe('16');
          }));

        test('WATCH: a script run by another client on the watched key makes exec() throw a WatchError', () =>
          target.traced(async () => {
            const client = await connect();
            const watcher = await open(client.duplicate(), 'the duplicate() to connect');
            await client.set(k('wt:k'), '1');
            expect(await watcher.watch(k('wt:k'))).toBe('OK');
            expect(await client.eval("return redis.call('incr', KEYS[1])", { keys: [k('wt:k')] })).toBe(2);
            await expect(watcher.multi().set(k('wt:k'), 'mine').exec()).rejects.toBeInstanceOf(WatchError);
            expect(await client.get(k('wt:k'))).toBe('2');
            // A read-only script leaves the watch alone.
            expect(await watcher.watch(k('wt:k'))).toBe('OK');
            expect(await client.eval("return redis.call('get', KEYS[1])", { keys: [k('wt:k')] })).toBe('2');
            expect(await watcher.multi().set(k('wt:k'), 'mine').exec()).toEqual(['OK']);
            expect(await client.get(k('wt:k'))).toBe('mine');
          }));

        test('functions: functionLoad, fCall, fCallRo, functionList, functionStats, functionDump then Flush then Restore, functionDelete', () =>
          target.traced(async () => {
            const client = await connectWithScripts();
            expect(await client.functionFlush()).toBe('OK');
            expect(await client.functionLoad(LIBRARY)).toBe('nrlib');
            expect(await errorReplyOf(() => client.functionLoad(LIBRARY), ErrorReply)).toBe("ERR Library 'nrlib' already exists");
            expect(await client.functionLoad(LIBRARY, { REPLACE: true })).toBe('nrlib');
            expect(await client.fCall('nr_set', { keys: [k('fn:k')], arguments: ['value'] })).toBe('OK');
            expect(await client.fCall('nr_get', { keys: [k('fn:k')] })).toBe('value');
            expect(await client.fCallRo('nr_get', { keys: [k('fn:k')] })).toBe('value');
            // The library as createClient({ functions }) declares it: FCALL_RO nr_get 1 <key>.
            expect(await client.nrlib.nr_get(k('fn:k'))).toBe('value');
            expect(await errorReplyOf(() => client.fCallRo('nr_set', { keys: [k('fn:k')], arguments: ['x'] }), ErrorReply)).toBe(
              'ERR Can not execute a script with write flag using *_ro command.',
            );
            expect(await errorReplyOf(() => client.fCall('nosuch'), ErrorReply)).toBe('ERR Function not found');

            const [library] = await client.functionListWithCode({ LIBRARYNAME: 'nrlib' });
            expect(library.library_name).toBe('nrlib');
            expect(library.engine).toBe('LUA');
            expect(library.library_code).toBe(LIBRARY);
            // Redis lists a library's functions in hash-table order.
            const functions = [...library.functions].sort((a, b) => String(a.name).localeCompare(String(b.name)));
            expect(functions).toEqual([
              { name: 'nr_get', description: 'reads a key', flags: ['no-writes'] },
              { name: 'nr_set', description: null, flags: [] },
            ]);
            expect(await client.functionStats()).toEqual({
              running_script: null,
              engines: { LUA: { libraries_count: 1, functions_count: 2 } },
            });

            // DUMP is an opaque payload, as bytes; what a client sees is that RESTORE brings it back.
            const payload = await client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).functionDump();
            expect(Buffer.isBuffer(payload)).toBe(true);
            expect(await client.functionFlush('SYNC')).toBe('OK');
            expect(await client.functionList()).toEqual([]);
            expect(await client.functionRestore(payload)).toBe('OK');
            expect(await client.fCall('nr_get', { keys: [k('fn:k')] })).toBe('value');
            expect(await errorReplyOf(() => client.functionRestore(payload, { mode: 'APPEND' }), ErrorReply)).toBe('ERR Library nrlib already exists');
            expect(await client.functionRestore(payload, { mode: 'REPLACE' })).toBe('OK');
            expect(await client.functionRestore(payload, { mode: 'FLUSH' })).toBe('OK');
            expect(await client.functionDelete('nrlib')).toBe('OK');
            expect(await errorReplyOf(() => client.functionDelete('nrlib'), ErrorReply)).toBe('ERR Library not found');
            expect(await errorReplyOf(() => client.functionKill(), ErrorReply)).toBe('NOTBUSY No scripts in execution right now.');
          }));
      });
    }
  },
  { proxy: true },
);
