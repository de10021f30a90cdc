// Lesson 15: scripting. A lazy, shared, one-time resource (`defer` + `shareReplay(1)`),
// waiting for it before running synchronously (`last` + `concatMap`), and a script as
// one synchronous call: atomic.
//
// The story. EVAL runs a Lua script inside the server, and Lua here is a real
// interpreter, Lua 5.1.5 compiled to WebAssembly (the npm package wasmoon-lua5.1). Loading
// it takes a few tens of milliseconds and some memory, and most servers never run a
// script. So the engine must load only when the first script needs it, exactly once,
// and every caller after that (during the load, or an hour later) must get the same one.
// That is a lazy, shared, one-time resource, and RxJS says it in two operators
// (src/scripting/engine.ts):
//
//     export const luaModule$ = defer(() => from(LuaApi.initialize())).pipe(   // nothing until subscribed
//       map((api) => (loaded = api.module)),
//       shareReplay(1),                                                      // one load, replayed to all
//     );
//
// `defer` calls its factory at each subscription, not before: building luaModule$ at
// import time loads nothing. Alone it would load once PER subscriber. `shareReplay(1)`
// subscribes to it once, at the first subscriber, passes the one load on to every
// subscriber that comes while it runs, and replays its value (and its completion) to
// every subscriber after. (A Promise kept in a variable can do the same with an `if`;
// the Observable is lazy by itself, and composes with what waits for it.) The first two tests
// count the factory's runs with and without shareReplay, on virtual time; the next two
// show the real engine: not loaded by any number of commands, loaded by the first EVAL,
// and after that the same module for everyone.
//
// Waiting, then running synchronously. A command's `apply` is synchronous (lesson 03:
// that is why there is no mutex), and a script must be too, or it would not be atomic.
// So the wait goes BEFORE the command, not inside it. A command may name what it needs
// and is not there yet, its `prepare` (src/commands/command.ts; for EVAL,
// engineNeeded(): luaModule$ while not loaded, undefined after), and the dispatcher
// (src/commands/index.ts, execute) runs it afterwards:
//
//     const needed = spec.prepare?.();
//     if (needed !== undefined) return afterward(needed, () => run(spec, items, argsStart, context));
//     return run(spec, items, argsStart, context);
//
// src/commands/afterward.ts is three operators: `last(undefined, undefined)` waits for
// the resource to COMPLETE, whatever it emitted (even nothing: the default value keeps
// last() from failing on an empty source), `concatMap` then runs the command, and
// `catchError` turns a failed load into the command's error reply. The result is an
// Observable of the reply, which is exactly what a blocked BLPOP returns (lesson 13): the
// session's concat order makes the connection's later commands, the rest of the batch
// and the batches after it, wait behind the EVAL, and every other connection runs on.
// Once the engine is there, prepare() answers undefined and EVAL costs no Observable.
//
// EXEC does the same for a transaction (src/commands/transactions/exec.ts): an EVAL
// queued in MULTI answered +QUEUED at once (and started the load), but EXEC must not
// run half the queue and then wait. So it asks the queue what it still needs
// (TransactionState.pending()), waits for all of it (forkJoin, then afterward), and then
// calls itself again, which checks the WATCHes once more (a key may have been written
// during the wait) and runs the whole queue in one synchronous loop, as lesson 14 showed.
// The tests drive the real EXEC with an engine in miniature on virtual time.
//
// Atomicity again. Once it starts, a script is one synchronous call into WebAssembly:
// each redis.call inside it runs a command to its end against the Db (through
// src/commands/script-call.ts), and nothing else can run until the script returns. So
// its writes are the Db's writes, seen by WATCH as any command's (lesson 14), and the
// clients blocked on its keys are served after the whole script, as after EXEC: the
// session serves them after each top-level command, and EVAL is one. The last tests show
// it in virtual time and over real TCP, with two connections.
//
// (The price of one thread: a script that loops for ever cannot be interrupted by
// SCRIPT KILL from another client, who cannot even be read meanwhile. The interpreter's
// instruction hook stops it itself after busy-reply-threshold: see the README.)
//
// Exercises:
// 1. In src/scripting/engine.ts, delete `shareReplay(1),`. "once loaded, every later
//    caller gets the same engine" fails: subscribing to luaModule$ again loads a second
//    module instead of replaying the first.
// 2. In src/commands/index.ts (execute), delete the line
//    `if (needed !== undefined) return afterward(needed, () => run(spec, items, argsStart, context));`.
//    "the real engine: nothing loads until the first EVAL" fails: the EVAL runs before
//    the engine is there (TypeError: Cannot read properties of undefined, reading
//    '_luaL_newstate'), and then "once loaded...", since nobody started the load.
// 3. In src/commands/afterward.ts, delete `last(undefined, undefined),`. "afterward: the
//    command runs once..." fails (it runs at 2 and at 4, once per value), and both
//    "EXEC waits..." tests fail: their miniature engine completes without a value, so
//    without last() concatMap never runs EXEC at all. (Replace it by plain `last()`
//    instead: those two EXEC tests answer "ERR no elements in sequence".)
// 4. In src/commands/transactions/exec.ts, delete the `if (pending.length > 0) { ... }`
//    block. Both "EXEC waits..." tests fail (EXEC answers at once), and so does "the real
//    engine..." test: Bob's EXEC runs his queued EVAL before the engine has loaded.
// 5. In src/commands/script-call.ts, let the blocked clients in during the script: after
//    `context.db.endCommand();` add `context.db.serveBlocked();`. "a client blocked on
//    the key is served after the whole script" and the TCP test fail: Bob takes "a"
//    between the script's RPUSH and its LPOP, and the script gets "b".

import { BehaviorSubject, Observable, Subject, defer, filter, firstValueFrom, shareReplay, tap } from 'rxjs';
import { afterward } from '../../src/commands/afterward';
import type { ConnectionContext, Replies } from '../../src/commands/command';
import { ClientInfo } from '../../src/commands/server-state';
import { exec } from '../../src/commands/transactions/exec';
import { TransactionState } from '../../src/commands/transactions/state';
import { Db } from '../../src/db/db';
import { bulk, type Frame } from '../../src/protocol/frame';
import type { FrameBatch } from '../../src/protocol/frames';
import { loadedLuaModule, luaModule$ } from '../../src/scripting/engine';
import { engineNeeded } from '../../src/scripting/scripting';
import { session } from '../../src/server/session';
import { connect, startServer, type Client, type RunningServer } from '../../src';
import { asText, batch, newTestScheduler } from '../../spec/support/marbles';
import type { RunHelpers } from 'rxjs/testing';

/** Several commands in one batch, as frames() hands a pipelined write to the session. */
const pipelined = (...commands: string[][]): Frame[] => commands.flatMap((args) => batch(...args));

const popped = (key: string, value: string): string => `*2\r\n$${key.length}\r\n${key}\r\n$${value.length}\r\n${value}\r\n`;

/**
 * A connection on `db`, driven by hand: `send` hands the session one batch, `written`
 * is everything it has written so far, and `writtenWhen` waits (an event, not a sleep)
 * until what it has written ends with `tail`.
 */
function connection(db: Db) {
  const requests = new Subject<FrameBatch>();
  const written$ = new BehaviorSubject('');
  asText(session(db, requests)).subscribe((text) => written$.next(written$.value + text));
  return {
    send: (...commands: string[][]): void => requests.next(pipelined(...commands)),
    written: (): string => written$.value,
    writtenWhen: (tail: string): Promise<string> => firstValueFrom(written$.pipe(filter((text) => text.endsWith(tail)))),
  };
}

/** Just enough of a connection for EXEC: the Db, and a transaction of its own. */
function transactionOn(db: Db): ConnectionContext {
  const client = new ClientInfo(1, '', '', 0, () => undefined);
  return { db, client, transaction: new TransactionState(db, client) } as unknown as ConnectionContext;
}

/** A reply that is not there yet: the Observable the session would wait on. */
function waiting(replies: Replies | Observable<Replies>): Observable<Replies> {
  if (!(replies instanceof Observable)) throw new Error(`answered at once: ${JSON.stringify(replies)}`);
  return replies;
}

const INCR_BY_SCRIPT = "return redis.call('incr', KEYS[1])";
// Pushes two, pops one, in one script: what does a client blocked on the key get?
const PUSH_TWO_POP_ONE = "redis.call('rpush', KEYS[1], 'a', 'b') return redis.call('lpop', KEYS[1])";

describe('lesson 15: scripting, a lazy shared engine, and waiting before running synchronously', () => {
  describe('a lazy, shared, one-time resource: defer + shareReplay(1)', () => {
    it('defer runs its factory once per subscriber, and not before the first', () => {
      newTestScheduler().run(({ cold, expectObservable }) => {
        let loads = 0;
        // A "load" that takes 3 frames and yields engine number 1, 2, 3... one per run.
        const engine$ = defer(() => {
          loads++;
          return cold('---(e|)', { e: { engine: loads } });
        });
        expect(loads).toBe(0); // building the Observable loaded nothing
        expectObservable(engine$, '^').toBe('---(e|)', { e: { engine: 1 } });
        expectObservable(engine$, '-^').toBe('----(e|)', { e: { engine: 2 } }); // a second load, a second engine
        expectObservable(engine$, '-----^').toBe('--------(e|)', { e: { engine: 3 } });
      });
    });

    it('with shareReplay(1) the factory runs once: a caller during the load waits for the same one, a caller after gets it at once', () => {
      newTestScheduler().run(({ cold, expectObservable, flush }) => {
        let loads = 0;
        const engine$ = defer(() => {
          loads++;
          return cold('---(e|)', { e: { engine: loads } });
        }).pipe(shareReplay(1));
        expect(loads).toBe(0); // still lazy: shareReplay subscribes at the first subscriber, not before
        expectObservable(engine$, '^').toBe('---(e|)', { e: { engine: 1 } });
        expectObservable(engine$, '-^').toBe('---(e|)', { e: { engine: 1 } }); // during the load: the same load
        expectObservable(engine$, '-----^').toBe('-----(e|)', { e: { engine: 1 } }); // after it: the value replayed, now
        flush();
        expect(loads).toBe(1);
      });
    });

    it('the real engine: nothing loads until the first EVAL, which waits for it while the connection keeps its order', async () => {
      // Jest gives each spec file its own modules: nothing has run a script here yet.
      expect(loadedLuaModule()).toBeUndefined();
      const db = new Db();
      const alice = connection(db);
      const bob = connection(db);
      alice.send(['SET', 'k', 'a'], ['GET', 'k']);
      expect(alice.written()).toBe('+OK\r\n$1\r\na\r\n');
      expect(loadedLuaModule()).toBeUndefined(); // any number of commands, and no engine

      // One batch with an EVAL in the middle, then another batch behind it.
      alice.send(['INCR', 'n'], ['EVAL', "return redis.call('append', KEYS[1], 'b')", '1', 'k'], ['GET', 'k']);
      alice.send(['PING']);
      // Synchronously: the INCR answered; the EVAL is waiting for the engine, and so is
      // everything after it on this connection (the GET, the next batch).
      expect(alice.written()).toBe('+OK\r\n$1\r\na\r\n:1\r\n');
      expect(loadedLuaModule()).toBeUndefined(); // loading, not loaded
      expect(engineNeeded()).toBe(luaModule$); // what the EVAL's `prepare` named
      // Another connection is not held up: it runs at once, during the load. Its own
      // EVAL inside MULTI is queued at once too (+QUEUED); its EXEC is what waits.
      bob.send(['GET', 'k']);
      expect(bob.written()).toBe('$1\r\na\r\n');
      bob.send(['MULTI'], ['EVAL', INCR_BY_SCRIPT, '1', 'n'], ['EXEC'], ['PING']);
      expect(bob.written()).toBe('$1\r\na\r\n+OK\r\n+QUEUED\r\n');

      // Once loaded: the EVAL, then the rest of its batch, then the next batch, in order.
      expect(await alice.writtenWhen('+PONG\r\n')).toBe('+OK\r\n$1\r\na\r\n:1\r\n:2\r\n$2\r\nab\r\n+PONG\r\n');
      expect(await bob.writtenWhen('+PONG\r\n')).toBe('$1\r\na\r\n+OK\r\n+QUEUED\r\n*1\r\n:2\r\n+PONG\r\n');
      expect(loadedLuaModule()).toBeDefined();
    });

    it('once loaded, every later caller gets the same engine, and EVAL answers synchronously', async () => {
      const engine = loadedLuaModule();
      expect(engine).toBeDefined();
      expect(await firstValueFrom(luaModule$)).toBe(engine); // replayed, not loaded again
      expect(engineNeeded()).toBeUndefined(); // nothing to wait for any more
      const carol = connection(new Db());
      carol.send(['EVAL', 'return 1 + 1', '0'], ['PING']);
      expect(carol.written()).toBe(':2\r\n+PONG\r\n'); // in the same call: no wait at all
    });
  });

  describe('wait for what you need, then run synchronously', () => {
    it("afterward: the command runs once, when what it needs completes (last), and a failed load is the command's error", () => {
      const scheduler = newTestScheduler();
      const runs: number[] = [];
      const command = () => {
        runs.push(scheduler.now());
        return bulk('ran');
      };
      scheduler.run(({ cold, expectObservable }) => {
        // A resource that emits twice before it completes: the command waits for the completion.
        expectObservable(afterward(cold('--a-b-|'), command)).toBe('------(r|)', { r: bulk('ran') });
        // The engine could not load: the command never runs, its reply is the error.
        const failed$ = cold('--#', undefined, new Error('no WebAssembly here'));
        expectObservable(afterward(failed$, command)).toBe('--(e|)', { e: { type: 'error', value: 'ERR no WebAssembly here' } });
      });
      expect(runs).toEqual([6]); // once, at the completion: not at 2 and 4, and not for the failed load
    });

    /** The engine in miniature, on virtual time: lazy, shared, and `prepare` names nothing once it is loaded. */
    const miniEngine = (cold: RunHelpers['cold'], loading: string) => {
      let loaded = false;
      const engine$ = defer(() => cold(loading)).pipe(
        tap({ complete: () => (loaded = true) }),
        shareReplay(1),
      );
      return (): Observable<unknown> | undefined => (loaded ? undefined : engine$);
    };

    it("EXEC waits for its queued commands' needs, then runs them all as one synchronous batch", () => {
      newTestScheduler().run(({ cold, expectObservable, flush }) => {
        const prepare = miniEngine(cold, '---|');
        const context = transactionOn(new Db());
        const transaction = context.transaction!;
        const ran: string[] = [];
        transaction.begin();
        transaction.enqueue(() => (ran.push('script'), bulk('script')), prepare); // an EVAL: needs the engine
        transaction.enqueue(() => (ran.push('incr'), bulk('incr'))); // an INCR: needs nothing
        const reply$ = waiting(exec.apply([], context));
        expect(ran).toEqual([]); // nothing ran yet, not even the INCR: EXEC is waiting
        expectObservable(reply$).toBe('---(x|)', { x: { type: 'array', value: [bulk('script'), bulk('incr')] } });
        flush();
        expect(ran).toEqual(['script', 'incr']); // both, together, after the wait
      });
    });

    it('EXEC checks WATCH again after the wait: a watched key written meanwhile makes it answer null', () => {
      newTestScheduler().run(({ cold, expectObservable }) => {
        const db = new Db();
        const context = transactionOn(db);
        const transaction = context.transaction!;
        db.watches.watch(transaction.watcher, 'k');
        transaction.begin();
        transaction.enqueue(() => bulk('never'), miniEngine(cold, '---|'));
        expectObservable(waiting(exec.apply([], context))).toBe('---(n|)', { n: { type: 'nullArray' } });
        cold('-w').subscribe(() => db.watches.touch('k')); // what the Db does when another client writes k, at 1
      });
    });
  });

  describe('a script is one synchronous call: atomic', () => {
    beforeAll(async () => {
      await firstValueFrom(luaModule$); // loaded already if the tests above ran; loads it if not
    });

    it('a client blocked on the key is served after the whole script, not in the middle of it', () => {
      newTestScheduler().run(({ hot, expectObservable }) => {
        const db = new Db();
        const bob = hot('b', { b: batch('BLPOP', 'k', '0') }); // blocked from 0
        const alice = hot('--e-l', { e: batch('EVAL', PUSH_TWO_POP_ONE, '1', 'k'), l: batch('LLEN', 'k') });
        // Inside the script the list is Alice's alone: she pushes two and pops "a"...
        expectObservable(asText(session(db, alice))).toBe('--e-l', { e: '$1\r\na\r\n', l: ':0\r\n' });
        // ...and only then, in the same frame, Bob gets what the script left: "b".
        expectObservable(asText(session(db, bob))).toBe('--b', { b: popped('k', 'b') });
      });
    });

    it("WATCH sees a script's writes: they are the Db's, like any command's", () => {
      newTestScheduler().run(({ hot, expectObservable }) => {
        const db = new Db();
        const alice = hot('w-m-s-e', { w: batch('WATCH', 'k'), m: batch('MULTI'), s: batch('SET', 'k', 'mine'), e: batch('EXEC') });
        const bob = hot('-x-----g', { x: batch('EVAL', INCR_BY_SCRIPT, '1', 'k'), g: batch('GET', 'k') });
        expectObservable(asText(session(db, alice))).toBe('w-m-s-e', { w: '+OK\r\n', m: '+OK\r\n', s: '+QUEUED\r\n', e: '*-1\r\n' });
        expectObservable(asText(session(db, bob))).toBe('-x-----g', { x: ':1\r\n', g: '$1\r\n1\r\n' });
      });
    });

    describe('over real TCP', () => {
      let server: RunningServer;
      beforeAll(async () => {
        server = await startServer({ port: 0, host: '127.0.0.1' });
      });
      afterAll(() => server.close());

      const call = (client: Client, ...args: [string, ...string[]]): Promise<Frame> => firstValueFrom(client.call(...args));
      /** Asks until the server says `count` clients are blocked: each question is a round trip, an event. */
      const blockedClients = async (client: Client, count: number): Promise<void> => {
        for (;;) {
          const info = await call(client, 'INFO', 'clients');
          if (info.type === 'bulk' && info.value.toString().includes(`blocked_clients:${count}\r\n`)) return;
        }
      };

      it('two connections: the blocked one is served after the script, and WATCH sees the script write', async () => {
        const [alice, bob] = await Promise.all([connect({ port: server.port }), connect({ port: server.port })]);
        const bobPopped = call(bob, 'BLPOP', 'lesson15:list', '0');
        await blockedClients(alice, 1);
        expect(await call(alice, 'EVAL', PUSH_TWO_POP_ONE, '1', 'lesson15:list')).toEqual(bulk('a'));
        expect(await bobPopped).toEqual({ type: 'array', value: [bulk('lesson15:list'), bulk('b')] });

        await call(alice, 'WATCH', 'lesson15:counter');
        expect(await call(bob, 'EVAL', INCR_BY_SCRIPT, '1', 'lesson15:counter')).toEqual({ type: 'integer', value: 1 });
        const [, , execReply] = await Promise.all([call(alice, 'MULTI'), call(alice, 'INCR', 'lesson15:counter'), call(alice, 'EXEC')]);
        expect(execReply).toEqual({ type: 'nullArray' });
        await Promise.all([alice.close(), bob.close()]);
      });
    });
  });
});
