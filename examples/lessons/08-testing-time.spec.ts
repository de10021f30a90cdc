// Lesson 08: testing code that depends on time, with TestScheduler's virtual time.
//
// The story. Keys can expire (`SET k v PX 100`). Testing that against a real clock
// means sleeping: slow, and flaky on a busy machine. mini-redis pauses Tokio's clock in
// its tests. The RxJS way is the scheduler: the Db (src/db/db.ts) and its purge
// (src/db/active-expiry.ts) never call `Date.now()` or `setTimeout` for expiry. They are
// given a SchedulerLike and ask it:
//
//   now(): number { return this.scheduler.now(); }                  // what time is it?
//   this.scheduler.schedule(() => this.purge(), delay);              // wake me up later
//
// By default that scheduler is `asyncScheduler`: real time. Inside
// `testScheduler.run(...)`, RxJS points `asyncScheduler` at virtual time, so the very
// same Db, unchanged, lives in marble time: `now()` is the current frame, and a purge
// scheduled "100 ms later" runs when the marbles reach frame 100. A test of a year-long
// expiry runs in microseconds, and always the same way.
//
// Two kinds of expiry are tested below, as Redis has both:
// - lazy: a command that touches an expired key finds it gone (`expired()` in db.ts);
// - active: one scheduled purge, at the next expiry time, removes keys nobody touches
//   (mini-redis's background task; here a single scheduled action, moved when an
//   earlier expiry is set).
// Time-progression marbles: in 'a 99ms b', `a` is at frame 0 and `b` at 100 ms (a
// character is a frame; `99ms` advances 99 frames). `s` and `m` units work too: '100s'.
//
// Exercises:
// 1. In src/db/db.ts `expired()`, read the real clock: replace `this.scheduler.now() <= at`
//    by `Date.now() <= at`. "a key is there until its time has passed" and "TTL counts
//    down" fail: against the wall clock (about 1.7e12 ms) every key has expired long
//    ago. This is why time must come from the scheduler.
// 2. In src/db/db.ts `set()`, delete the `this.activeExpiry.track(key, expiry.at);` line:
//    no purge is scheduled any more. "an expired key nobody touches is purged" fails
//    (the key stays stored until something reads it).

import { type Observable, map } from 'rxjs';
import { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import { command, type Frame } from '../../src/protocol/frame';
import type { FrameBatch } from '../../src/protocol/frames';
import { newScheduler } from './test-doubles';

const batch = (...commands: string[][]): Frame[] => commands.map((args) => command(...args));
const text = (output$: Observable<readonly Buffer[]>) => output$.pipe(map((buffers) => Buffer.concat(buffers).toString()));

describe('lesson 08: time from a scheduler, tested on virtual time', () => {
  it("inside run(), the Db's clock is the marble clock", () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const db = new Db(); // default scheduler: asyncScheduler, virtual inside run()
      expectObservable(cold('a 9ms b 990ms c').pipe(map(() => db.now()))).toBe('a 9ms b 990ms c', { a: 0, b: 10, c: 1001 });
    });
  });

  it('a key is there until its time has passed, then it is gone (lazy expiry)', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const requests = cold<FrameBatch>('a 99ms b 1ms c', {
        a: batch(['SET', 'k', 'v', 'PX', '100']),
        b: batch(['GET', 'k']), // at 100 ms: exactly its time. Not past it: still there.
        c: batch(['GET', 'k']), // at 102 ms: gone
      });
      expectObservable(text(session(new Db(), requests))).toBe('a 99ms b 1ms c', {
        a: '+OK\r\n',
        b: '$1\r\nv\r\n',
        c: '$-1\r\n',
      });
    });
  });

  it('TTL counts down with virtual time: 100 s in no time at all', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const requests = cold<FrameBatch>('a 39999ms b 59999ms c 1s d', {
        a: batch(['SET', 'k', 'v', 'EX', '100']),
        b: batch(['TTL', 'k']), // at 40 s: 60 left
        c: batch(['TTL', 'k']), // at 100 s: 0 left (rounded), still there
        d: batch(['TTL', 'k']), // at 101 s: -2, no such key
      });
      expectObservable(text(session(new Db(), requests))).toBe('a 39999ms b 59999ms c 1s d', {
        a: '+OK\r\n',
        b: ':60\r\n',
        c: ':0\r\n',
        d: ':-2\r\n',
      });
    });
  });

  it('an expired key nobody touches is purged by the one scheduled purge (active expiry)', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      db.set('soon', Buffer.from('v'), { at: 10 });
      db.set('later', Buffer.from('v'), { at: 50 });
      db.set('forever', Buffer.from('v'));
      // db.size counts stored keys, expired or not: only a purge makes it drop. Nothing
      // reads a key here, so each drop below is the scheduled purge at work.
      const probes = cold('5ms a 9ms b 39ms c', { a: 0, b: 0, c: 0 }).pipe(map(() => db.size));
      expectObservable(probes).toBe('5ms a 9ms b 39ms c', { a: 3, b: 2, c: 1 });
    });
  });
});
