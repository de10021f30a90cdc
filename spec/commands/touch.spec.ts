// TOUCH on virtual time: what the differential corpus cannot show without waiting.
// A key with a time to live is counted up to its expiry and not after it, and TOUCH
// itself never moves the expiry. Driven through session() with TestScheduler, so
// "100 ms later" costs nothing and cannot be flaky.

import { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import { asText, batch, newTestScheduler } from '../support/marbles';

describe('TOUCH', () => {
  it('counts a key until its expiry has passed, then no more', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a 99ms b 1ms c', {
        a: [...batch('SET', 'k', 'v', 'PX', '100'), ...batch('SET', 'forever', 'v')],
        b: batch('TOUCH', 'k', 'forever', 'k'), // at 100 ms: k has not expired yet (Redis: "past" its time)
        c: batch('TOUCH', 'k', 'forever', 'k'), // at 101 ms: it has
      });
      expectObservable(asText(session(new Db(), requests))).toBe('a 99ms b 1ms c', {
        a: '+OK\r\n+OK\r\n',
        b: ':3\r\n',
        c: ':1\r\n',
      });
    });
  });

  it('leaves the expiry where it was', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const requests = cold('a 49ms b 50ms c', {
        a: batch('SET', 'k', 'v', 'PX', '100'),
        b: [...batch('TOUCH', 'k'), ...batch('PTTL', 'k')], // at 50 ms: 50 ms left, touched or not
        c: batch('EXISTS', 'k'), // at 101 ms: gone, as if never touched
      });
      expectObservable(asText(session(new Db(), requests))).toBe('a 49ms b 50ms c', {
        a: '+OK\r\n',
        b: ':1\r\n:50\r\n',
        c: ':0\r\n',
      });
    });
  });
});
