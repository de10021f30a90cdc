// Lesson 14: a transaction is the connection buffering its commands and replaying them
// as one synchronous batch. No operator needed: a plain array and a plain loop.
//
// The story. MULTI ... EXEC means "run these commands together, with nothing from anyone
// else in between". In a server with threads and locks that is a lock held across the
// commands. Here (lesson 03) every command already runs to its end before anything else
// can: what a transaction adds is only that SEVERAL commands, arriving over seconds and
// over many TCP reads, run as one. So the connection keeps them instead of running them,
// and runs them all when EXEC comes. src/commands/index.ts (execute), after Redis's checks:
//
//     if (transaction?.active === true && !IMMEDIATE.has(spec)) {
//       transaction.enqueue(() => run(spec, items, argsStart, context), spec.prepare);  // a closure in an array
//       ...
//       return QUEUED;                                                                  // answered at once
//     }
//
// and src/commands/transactions/exec.ts:
//
//     for (const command of commands) { let reply = command(); ... replies.push(reply); }
//     return { type: 'array', value: replies };
//
// Look at what does NOT change: the session (src/server/session.ts, lessons 03 and 13).
// Between MULTI and EXEC its pipeline goes on exactly as before, batch after batch,
// every request answered in its own turn, with +QUEUED. The buffering is state of the
// connection (src/commands/transactions/state.ts), consulted per command, so it takes
// hold in the middle of a batch: a whole MULTI ... EXEC pipelined in one write switches
// to queueing after its first request and back after its last.
//
// EXEC's loop is synchronous, so nothing else can run between two queued commands:
// no other connection's request, no timer, no pub/sub delivery. That IS Redis's
// atomicity, here as in Redis (one thread there too). Even the clients blocked on keys
// (lesson 13) wait: the session serves them after each top-level command, and EXEC is
// one command. A BLPOP inside the transaction does not block either; it answers at once,
// as Redis's does. (One wait may come BEFORE the loop: a queued EVAL whose Lua engine is
// still loading makes EXEC wait for it, as a blocked command waits, and check its WATCHes
// again afterwards. Once the loop starts, it runs to its end.)
//
// WATCH key is optimistic locking: "run my transaction only if key has not changed since
// I looked at it". That is a version check at EXEC. Redis keeps no version numbers; it
// keeps an index, key -> the connections watching it, and a write to the key flips each
// watcher's dirty flag (src/db/watches.ts). The part that makes it trustworthy is where
// the flag is flipped: not in the commands (there are two hundred of them, and one would
// forget), but in the Db, whose every modification of a value ends in one private method,
//
//     private touched(key: string): void {
//       this.blocked.signal(key);                                // lesson 13's readiness
//       if (this.watches.size > 0) this.watches.touch(key);     // WATCH's dirty flag
//     }
//
// (a time-to-live change, an expired key's removal and a flush tell the watches from
// their own Db methods, setExpiry, expiredAway and flush: still the Db, never a command).
// A new command that writes through the Db is watched without a line of its own.
//
// Why not an RxJS operator? `bufferToggle(multi$, () => exec$)` (or `bufferWhen`,
// `toArray`) buffers a STREAM: it withholds the values until the window closes, and
// emits nothing for what falls outside a window. A Redis connection wants the opposite:
// the stream unchanged, every request answered now (+QUEUED), and only the commands'
// effects deferred. The window is also not a matter of time but of what the commands
// themselves say and do (MULTI opens it, a queue-time error spoils it, DISCARD drops it,
// WATCH can doom it), decided request by request inside one synchronous batch. An array
// of closures is exactly that: push, replay in a `for`, or drop. The last test shows the
// operator's behaviour side by side with the session's.
//
// Finally, over real TCP: lesson 03 lost an update with GET, then SET, from two clients.
// With WATCH the same race loses nothing: the second EXEC answers null, and that client
// tries again.
//
// Exercises:
// 1. In src/commands/index.ts (execute), delete the queueing: the whole block from
//    `if (transaction?.active === true && !IMMEDIATE.has(spec)) {` to its closing `}`.
//    Every command now runs at once, and every test fails: +OK and :1 where +QUEUED was
//    expected, EXEC answering an empty array, Bob seeing Alice's SET before her EXEC,
//    the blocked client served at the RPUSH, and each WATCH broken by the transaction's
//    own write, now run too early.
// 2. In src/commands/transactions/exec.ts, let something else run in the middle of the
//    loop: after `let reply = command();` add `db.serveBlocked();`. "a client blocked on
//    the key is served after the whole EXEC, not in the middle" fails: the blocked
//    client takes "a" between the RPUSH and the LPOP, so the LPOP gets "b" and LLEN 0.
// 3. In src/db/db.ts (touched), delete `if (this.watches.size > 0) this.watches.touch(key);`.
//    "WATCH: a write by another connection" fails (EXEC runs over the other's write),
//    "every write counts" fails for every write but EXPIRE and FLUSHALL (the two that
//    tell the watches themselves), and over real TCP both EXECs succeed and a visit is
//    lost, as in lesson 03.

import { type Observable, Subject, bufferToggle, filter, firstValueFrom, forkJoin } from 'rxjs';
import { Db } from '../../src/db/db';
import type { Frame } from '../../src/protocol/frame';
import type { FrameBatch } from '../../src/protocol/frames';
import { session } from '../../src/server/session';
import { connect, startServer, type Client, type RunningServer } from '../../src';
import { asText, batch, newTestScheduler } from '../../spec/support/marbles';

/** Several commands in one batch, as frames() hands a pipelined write to the session. */
const pipelined = (...commands: string[][]): Frame[] => commands.flatMap((args) => batch(...args));

const popped = (key: string, value: string): string => `*2\r\n$${key.length}\r\n${key}\r\n$${value.length}\r\n${value}\r\n`;

/** A connection driven synchronously (session() answers in the same call): request in, reply text out. */
function connection(db: Db): (...args: string[]) => string {
  const requests = new Subject<FrameBatch>();
  let written = '';
  asText(session(db, requests)).subscribe((text) => (written += text));
  return (...args) => {
    requests.next(batch(...args));
    const reply = written;
    written = '';
    return reply;
  };
}

describe('lesson 14: a transaction is a buffer replayed as one synchronous batch', () => {
  it('between MULTI and EXEC each request answers +QUEUED at once, and runs only at EXEC', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const alice = hot('a-b-c-d', { a: batch('MULTI'), b: batch('SET', 'k', 'v'), c: batch('INCR', 'n'), d: batch('EXEC') });
      const bob = hot('---g---h', { g: batch('GET', 'k'), h: batch('GET', 'k') });
      // Alice's pipeline is unchanged: one reply per request, in its own frame.
      expectObservable(asText(session(db, alice))).toBe('a-b-c-d', {
        a: '+OK\r\n',
        b: '+QUEUED\r\n',
        c: '+QUEUED\r\n',
        d: '*2\r\n+OK\r\n:1\r\n', // EXEC: the queued commands' replies, as one array
      });
      // Queued is not run: at 3 the SET is still in Alice's buffer; at 7 it has run.
      expectObservable(asText(session(db, bob))).toBe('---g---h', { g: '$-1\r\n', h: '$1\r\nv\r\n' });
    });
  });

  it('a whole transaction in one batch: the connection switches to queueing in the middle of it, and DISCARD drops the buffer', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const requests = hot('a-b', {
        a: pipelined(['MULTI'], ['SET', 'k', '1'], ['INCR', 'k'], ['EXEC'], ['GET', 'k']),
        b: pipelined(['MULTI'], ['SET', 'k', 'dropped'], ['DISCARD'], ['GET', 'k'], ['EXEC']),
      });
      expectObservable(asText(session(db, requests))).toBe('a-b', {
        a: '+OK\r\n+QUEUED\r\n+QUEUED\r\n*2\r\n+OK\r\n:2\r\n$1\r\n2\r\n', // one write for the five
        b: '+OK\r\n+QUEUED\r\n+OK\r\n$1\r\n2\r\n-ERR EXEC without MULTI\r\n',
      });
    });
  });

  it('commands spread over time run together at EXEC: nothing lands between them', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      // Without MULTI, Bob's SET at 1 lands between Alice's two INCRs.
      const plain = new Db();
      const alice = hot('a-b-c', { a: batch('INCR', 'c'), b: batch('INCR', 'c'), c: batch('GET', 'c') });
      const bob = hot('-s', { s: batch('SET', 'c', '100') });
      expectObservable(asText(session(plain, alice))).toBe('a-b-c', { a: ':1\r\n', b: ':101\r\n', c: '$3\r\n101\r\n' });
      expectObservable(asText(session(plain, bob))).toBe('-s', { s: '+OK\r\n' });

      // With MULTI, the same arrivals: Bob's SET at 3 comes before or after the whole of
      // Alice's transaction (here before: it runs at EXEC, at 7), never between its commands.
      const queued = new Db();
      const aliceTx = hot('m-a-b-c-e', {
        m: batch('MULTI'),
        a: batch('INCR', 'c'),
        b: batch('INCR', 'c'),
        c: batch('GET', 'c'),
        e: batch('EXEC'),
      });
      const bobTx = hot('---s', { s: batch('SET', 'c', '100') });
      expectObservable(asText(session(queued, aliceTx))).toBe('m-a-b-c-e', {
        m: '+OK\r\n',
        a: '+QUEUED\r\n',
        b: '+QUEUED\r\n',
        c: '+QUEUED\r\n',
        e: '*3\r\n:101\r\n:102\r\n$3\r\n102\r\n', // consecutive: nobody in between
      });
      expectObservable(asText(session(queued, bobTx))).toBe('---s', { s: '+OK\r\n' });
    });
  });

  it('a client blocked on the key is served after the whole EXEC, not in the middle', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const bob = hot('b', { b: batch('BLPOP', 'k', '0') }); // blocked from 0
      const alice = hot('-m-r-l-n-e', {
        m: batch('MULTI'),
        r: batch('RPUSH', 'k', 'a', 'b'),
        l: batch('LPOP', 'k'),
        n: batch('LLEN', 'k'),
        e: batch('EXEC'),
      });
      // Inside EXEC the list is Alice's alone: she pushes two, pops "a", one is left...
      expectObservable(asText(session(db, alice))).toBe('-m-r-l-n-e', {
        m: '+OK\r\n',
        r: '+QUEUED\r\n',
        l: '+QUEUED\r\n',
        n: '+QUEUED\r\n',
        e: '*3\r\n:2\r\n$1\r\na\r\n:1\r\n',
      });
      // ...and only then, in the same frame, Bob gets what the transaction left: "b".
      expectObservable(asText(session(db, bob))).toBe('9ms b', { b: popped('k', 'b') });
    });
  });

  it('WATCH: a write by another connection between WATCH and EXEC makes EXEC answer null and run nothing', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const alice = hot('w-m-s-e', { w: batch('WATCH', 'k'), m: batch('MULTI'), s: batch('SET', 'k', 'mine'), e: batch('EXEC') });
      const bob = hot('-x-----g', { x: batch('SET', 'k', 'theirs'), g: batch('GET', 'k') });
      expectObservable(asText(session(db, alice))).toBe('w-m-s-e', {
        w: '+OK\r\n',
        m: '+OK\r\n',
        s: '+QUEUED\r\n', // queued all the same: the check is at EXEC
        e: '*-1\r\n', // the null array: the version changed, nothing ran
      });
      expectObservable(asText(session(db, bob))).toBe('-x-----g', { x: '+OK\r\n', g: '$6\r\ntheirs\r\n' });
    });
  });

  it('WATCH: an untouched key lets EXEC run, and EXEC forgets the watch', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const alice = hot('w-m-s-e-M-S-E', {
        w: batch('WATCH', 'k'),
        m: batch('MULTI'),
        s: batch('INCR', 'k'),
        e: batch('EXEC'),
        M: batch('MULTI'),
        S: batch('INCR', 'k'),
        E: batch('EXEC'),
      });
      // Bob writes another key before the first EXEC, and k itself after it.
      const bob = hot('-o-----x', { o: batch('SET', 'other', '1'), x: batch('SET', 'k', '10') });
      expectObservable(asText(session(db, alice))).toBe('w-m-s-e-M-S-E', {
        w: '+OK\r\n',
        m: '+OK\r\n',
        s: '+QUEUED\r\n',
        e: '*1\r\n:1\r\n', // k untouched (a write to another key is no change): it ran
        M: '+OK\r\n',
        S: '+QUEUED\r\n',
        E: '*1\r\n:11\r\n', // Bob's write at 7 did not stop it: the first EXEC dropped the WATCH
      });
      expectObservable(asText(session(db, bob))).toBe('-o-----x', { o: '+OK\r\n', x: '+OK\r\n' });
    });
  });

  it('every write counts, whatever the command, because the Db reports it; reads and writes that change nothing do not', () => {
    newTestScheduler().run(() => {
      // [what k holds first, what Bob does to it]. No command reports anything to WATCH:
      // each ends in the Db's set / changed / delete / setExpiry / flush.
      const writes: [string[], string[]][] = [
        [['SET', 'k', '1'], ['SET', 'k', '2']],
        [['SET', 'k', '1'], ['INCR', 'k']],
        [['SET', 'k', '1'], ['APPEND', 'k', 'x']],
        [['SET', 'k', '1'], ['DEL', 'k']],
        [['SET', 'k', '1'], ['EXPIRE', 'k', '100']],
        [['SET', 'src', '1'], ['RENAME', 'src', 'k']],
        [['SET', 'k', '1'], ['FLUSHALL']],
        [['RPUSH', 'k', 'a'], ['LPOP', 'k']],
        [['HSET', 'k', 'f', 'v'], ['HSET', 'k', 'g', 'w']],
        [['SADD', 'k', 'm'], ['SREM', 'k', 'm']],
        [['ZADD', 'k', '1', 'm'], ['ZINCRBY', 'k', '1', 'm']],
      ];
      const noChange: [string[], string[]][] = [
        [['SET', 'k', '1'], ['GET', 'k']],
        [['SET', 'k', '1'], ['EXISTS', 'k']],
        [['SET', 'k', '1'], ['TTL', 'k']],
        [['RPUSH', 'k', 'a'], ['LRANGE', 'k', '0', '-1']],
        [['SADD', 'k', 'm'], ['SADD', 'k', 'm']], // already a member: nothing changed
        [['SET', 'k', '1'], ['SET', 'other', '1']],
      ];
      /** What Alice's EXEC answers when Bob does `bobs` between her WATCH and her EXEC. */
      const execAfter = ([setup, bobs]: [string[], string[]]): string => {
        const db = new Db();
        const [alice, bob] = [connection(db), connection(db)];
        alice(...setup);
        alice('WATCH', 'k');
        bob(...bobs);
        alice('MULTI');
        alice('PING');
        return alice('EXEC');
      };
      // One table each, so that a failure shows every row that went wrong at once.
      const bobDid = ([, bobs]: [string[], string[]]): string => bobs.join(' ');
      expect(writes.map((c) => [bobDid(c), execAfter(c)])).toEqual(writes.map((c) => [bobDid(c), '*-1\r\n']));
      expect(noChange.map((c) => [bobDid(c), execAfter(c)])).toEqual(noChange.map((c) => [bobDid(c), '*1\r\n+PONG\r\n']));
    });
  });

  it('an RxJS buffer would hold the stream itself: no +QUEUED, and nothing at all outside the window', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      // The operator's way: open a buffer at MULTI, close it at EXEC.
      const names = hot('p-m-s-i-e', { p: 'PING', m: 'MULTI', s: 'SET', i: 'INCR', e: 'EXEC' });
      const is = (name: string) => (names$: Observable<string>) => names$.pipe(filter((n) => n === name));
      expectObservable(names.pipe(bufferToggle(names.pipe(is('MULTI')), () => names.pipe(is('EXEC'))))).toBe('--------x', {
        x: ['MULTI', 'SET', 'INCR', 'EXEC'], // everything withheld until 8; the PING is gone
      });
      // The connection's way, on the same arrivals: the stream unchanged, only the effects deferred.
      const requests = hot('p-m-s-i-e', {
        p: batch('PING'),
        m: batch('MULTI'),
        s: batch('SET', 'k', '1'),
        i: batch('INCR', 'k'),
        e: batch('EXEC'),
      });
      expectObservable(asText(session(new Db(), requests))).toBe('p-m-s-i-e', {
        p: '+PONG\r\n',
        m: '+OK\r\n',
        s: '+QUEUED\r\n',
        i: '+QUEUED\r\n',
        e: '*2\r\n+OK\r\n:2\r\n',
      });
    });
  });

  describe('over real TCP', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ port: 0, host: '127.0.0.1' });
    });
    afterAll(() => server.close());

    /** WATCH key and read it: the first half of an optimistic read-modify-write. */
    const watchAndRead = async (client: Client, key: string): Promise<number> => {
      await firstValueFrom(client.call('WATCH', key));
      return Number(await firstValueFrom(client.getString(key)));
    };
    /** MULTI, SET key value, EXEC, pipelined in one write: EXEC's reply (null if the WATCH failed). */
    const writeIfUnchanged = async (client: Client, key: string, value: number): Promise<Frame> => {
      const [, , exec] = await firstValueFrom(forkJoin([client.call('MULTI'), client.call('SET', key, String(value)), client.call('EXEC')]));
      return exec;
    };

    it("lesson 03's lost update, with WATCH: the second EXEC answers null, and its retry counts", async () => {
      const key = 'lesson14:visits';
      const [alice, bob] = await Promise.all([connect({ port: server.port }), connect({ port: server.port })]);
      await firstValueFrom(alice.set(key, '0'));

      // Both read before either writes: the same gap as lesson 03.
      const [a, b] = await Promise.all([watchAndRead(alice, key), watchAndRead(bob, key)]);
      const execs = await Promise.all([writeIfUnchanged(alice, key, a + 1), writeIfUnchanged(bob, key, b + 1)]);
      // Whichever EXEC ran first changed the key the other one watched.
      const lost = execs.filter((exec) => exec.type === 'nullArray');
      expect(lost).toHaveLength(1);
      expect(await firstValueFrom(alice.getString(key))).toBe('1');

      // The loser tries again, from a fresh read: nobody writes in between this time.
      const loser = execs[0].type === 'nullArray' ? alice : bob;
      const again = await writeIfUnchanged(loser, key, (await watchAndRead(loser, key)) + 1);
      expect(again.type).toBe('array');
      expect(await firstValueFrom(alice.getString(key))).toBe('2'); // two visits, two counted
      await Promise.all([alice.close(), bob.close()]);
    });
  });
});
