// concatSync() against concatMap, in marbles: for the same source and the same project
// (a direct value most of the time, an Observable that takes time now and then), the
// output must be concatMap's, frame for frame, and so must be completion, errors and
// unsubscription.

import { type Observable, concatMap, isObservable, of } from 'rxjs';
import { concatSync } from '../../src/server/concat-sync';
import { newTestScheduler } from '../support/marbles';

describe('concatSync: concatMap order, without an inner Observable for direct values', () => {
  const asConcatMap =
    <T, R>(project: (value: T) => R | Observable<R>) =>
    (source: Observable<T>): Observable<R> =>
      source.pipe(concatMap((value) => {
        const result = project(value);
        return isObservable(result) ? result : of(result);
      }));

  it('emits direct values at once, and holds later values behind a wait', () => {
    newTestScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const wait = cold('---w|');
      const source = hot('a-b-c--d--|');
      const project = (v: string): string | Observable<string> => (v === 'b' ? wait : v.toUpperCase());
      // b's wait emits at 5 and completes at 6: c (at 4) queued behind it runs at 6,
      // d (at 7) at once.
      expectObservable(source.pipe(concatSync(project))).toBe('a----wCD--|', { a: 'A', w: 'w', C: 'C', D: 'D' });
      expectObservable(source.pipe(asConcatMap(project))).toBe('a----wCD--|', { a: 'A', w: 'w', C: 'C', D: 'D' });
      expectSubscriptions(wait.subscriptions).toBe(['--^---!', '--^---!']);
    });
  });

  it('completes only after the wait in progress, and forwards errors', () => {
    newTestScheduler().run(({ hot, cold, expectObservable }) => {
      const source = hot('a|');
      expectObservable(source.pipe(concatSync(() => cold('--x|')))).toBe('--x|');
      const failing = hot('a-b');
      expectObservable(failing.pipe(concatSync((v: string) => (v === 'b' ? cold('#') : v)))).toBe('a-#');
    });
  });

  it('an Observable that completes at once leaves nothing running', () => {
    newTestScheduler().run(({ hot, expectObservable }) => {
      const source = hot('a---b---|');
      expectObservable(source.pipe(concatSync((v: string) => of(v, v)))).toBe('(aa)(bb)|');
    });
  });

  it('unsubscribing ends the source and the wait in progress', () => {
    newTestScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const wait = cold('-----w|');
      const source = hot('a---');
      expectObservable(source.pipe(concatSync(() => wait)), '^--!').toBe('');
      expectSubscriptions(source.subscriptions).toBe('^--!');
      expectSubscriptions(wait.subscriptions).toBe('^--!');
    });
  });
});
