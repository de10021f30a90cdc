// Testing time with marbles: key expiry on virtual time.
//
// The Db never reads the clock itself: it asks its scheduler (`scheduler.now()`) and
// schedules its purge on it. Inside `testScheduler.run(...)`, RxJS points
// `asyncScheduler` (the Db's default) at virtual time, so "100 ms later" is just a
// marble frame away: these tests run in microseconds and can never be flaky.
//
// Marble syntax used below: each character is one frame (1 ms of virtual time), a
// letter is a value, `|` completion, and `99ms` advances virtual time by 99 ms.
// So in 'a 99ms b', `a` is at 0 ms and `b` at 100 ms.

import { map } from 'rxjs';
import { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import { asText, batch, newTestScheduler } from '../support/marbles';

describe('key expiry on virtual time', () => {
  it('GET sees the value until the expiry time has passed, then nil', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      // SET at 0 ms with a 100 ms time to live; GET at 100 ms and at 102 ms.
      const requests = cold('a 99ms b 1ms c', {
        a: batch('SET', 'k', 'v', 'PX', '100'),
        b: batch('GET', 'k'),
        c: batch('GET', 'k'),
      });
      // As in Redis, a key expires once the clock is *past* its time: still there at 100.
      expectObservable(asText(session(db, requests))).toBe('a 99ms b 1ms c', {
        a: '+OK\r\n',
        b: '$1\r\nv\r\n',
        c: '$-1\r\n',
      });
    });
  });

  it('the scheduled purge removes the key without any GET', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      db.set('k', Buffer.from('v'), { at: 100 }); // expires after 100 ms of virtual time
      db.set('forever', Buffer.from('v'));
      // Probe the number of stored keys (expired ones included until purged) at 50 and 101 ms.
      const probes = cold('50ms a 50ms b', { a: 'a', b: 'b' }).pipe(map(() => db.size));
      expectObservable(probes).toBe('50ms a 50ms b', { a: 2, b: 1 });
    });
  });

  it('one purge at the next expiry handles many keys, in expiry order', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      db.set('late', Buffer.from('v'), { at: 30 });
      db.set('early', Buffer.from('v'), { at: 10 });
      db.set('middle', Buffer.from('v'), { at: 20 });
      const probes = cold('5ms a 9ms b 9ms c 9ms d', { a: 0, b: 0, c: 0, d: 0 }).pipe(map(() => db.size));
      expectObservable(probes).toBe('5ms a 9ms b 9ms c 9ms d', { a: 3, b: 2, c: 1, d: 0 });
    });
  });

  it('a plain SET removes the expiry; KEEPTTL keeps it', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const requests = cold('a b c 200ms d', {
        a: [...batch('SET', 'plain', '1', 'PX', '50'), ...batch('SET', 'kept', '1', 'PX', '50')],
        b: [...batch('SET', 'plain', '2'), ...batch('SET', 'kept', '2', 'KEEPTTL')],
        c: batch('GET', 'kept'),
        d: [...batch('GET', 'plain'), ...batch('GET', 'kept')],
      });
      expectObservable(asText(session(db, requests))).toBe('a b c 200ms d', {
        a: '+OK\r\n+OK\r\n',
        b: '+OK\r\n+OK\r\n',
        c: '$1\r\n2\r\n',
        d: '$1\r\n2\r\n$-1\r\n',
      });
    });
  });

  it('re-setting a key with a later expiry moves its expiry', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const db = new Db();
      const requests = cold('a 9ms b 20ms c 100ms d', {
        a: batch('SET', 'k', 'first', 'PX', '10'),
        b: batch('SET', 'k', 'second', 'PX', '100'), // at 10 ms, before the first expiry passed
        c: batch('GET', 'k'), // at 31 ms: the old expiry (10) is past, the new one (110) is not
        d: batch('GET', 'k'), // at 132 ms: gone
      });
      expectObservable(asText(session(db, requests))).toBe('a 9ms b 20ms c 100ms d', {
        a: '+OK\r\n',
        b: '+OK\r\n',
        c: '$6\r\nsecond\r\n',
        d: '$-1\r\n',
      });
    });
  });
});
