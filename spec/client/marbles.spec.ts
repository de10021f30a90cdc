// Marble tests: the client's two stream-shaped ideas, on virtual time, with the socket
// replaced by a hot Observable of reply batches and a fake PubSub of channel streams.
//
// - Pipeline: commands subscribed at various times, replies arriving in batches; each
//   command gets the next reply in order, a cancelled command's reply is dropped, and
//   a command never subscribed is never written.
// - MessageStream: channels added and removed while observed (a dynamic mergeMap, each
//   inner ended by takeUntil), and completion when the client closes.

import { Observable, Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { type Frame, bulk, error } from '../../src';
import type { FrameBatch } from '../../src/protocol/frames';
import type { Connection } from '../../src/client/connection';
import { RedisError } from '../../src/client/errors';
import { MessageStream } from '../../src/client/message-stream';
import { Pipeline } from '../../src/client/pipeline';
import type { ChannelMessage, PubSub } from '../../src/client/pubsub';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/** A Connection whose replies are the given Observable and whose writes are recorded. */
function fakeConnection(replies$: Observable<FrameBatch>, written: string[]): Connection {
  return {
    address: 'test:0',
    replies$,
    closed: false,
    write: (args: readonly (string | Buffer)[]) => written.push(args.join(' ')),
    end: () => undefined,
    destroy: () => undefined,
    whenClosed: () => Promise.resolve(),
  } as unknown as Connection;
}

const text = (frame: Frame): string => (frame.type === 'bulk' ? frame.value.toString() : frame.type);

describe('Pipeline (marbles)', () => {
  it('matches replies to commands in order; a cancelled command drops its reply', () => {
    newScheduler().run(({ hot, expectObservable, flush }) => {
      const replies$ = hot<FrameBatch>('----a---b---c', {
        a: [bulk('one'), bulk('two')], // one chunk, two replies
        b: [bulk('three')],
        c: [bulk('four')],
      });
      const written: string[] = [];
      const pipeline = new Pipeline(fakeConnection(replies$, written));

      const one$ = pipeline.command(['GET', '1'], text);
      const two$ = pipeline.command(['GET', '2'], text);
      const three$ = pipeline.command(['GET', '3'], text);
      const four$ = pipeline.command(['GET', '4'], text);
      const never$ = pipeline.command(['GET', 'never'], text);

      expectObservable(one$).toBe('----(x|)', { x: 'one' });
      expectObservable(two$, '^-!').toBe(''); // unsubscribed at 2: 'two' is dropped
      expectObservable(three$).toBe('--------(x|)', { x: 'three' });
      expectObservable(four$, '------^').toBe('------------(x|)', { x: 'four' });
      void never$; // cold: built, never subscribed, never sent

      flush();
      expect(written).toEqual(['GET 1', 'GET 2', 'GET 3', 'GET 4']);
      expect(pipeline.inFlight).toBe(0);
    });
  });

  it('an error reply errors that command only', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const replies$ = hot<FrameBatch>('--a', { a: [bulk('ok'), error('ERR nope'), bulk('fine')] });
      const pipeline = new Pipeline(fakeConnection(replies$, []));
      expectObservable(pipeline.command(['A'], text)).toBe('--(x|)', { x: 'ok' });
      expectObservable(pipeline.command(['B'], text)).toBe('--#', undefined, new RedisError('ERR nope'));
      expectObservable(pipeline.command(['C'], text)).toBe('--(x|)', { x: 'fine' });
    });
  });
});

describe('MessageStream (marbles)', () => {
  const message = (channel: string, body: string): ChannelMessage => ({ channel, message: Buffer.from(body) });

  it('adds and removes channels while observed, and completes when the client closes', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const a = hot<ChannelMessage>('--1--2--3---', { 1: message('a', '1'), 2: message('a', '2'), 3: message('a', '3') });
      const b = hot<ChannelMessage>('----4---5---', { 4: message('b', '4'), 5: message('b', '5') });
      const closing$ = new Subject<void>();
      const pubsub = {
        closed: false,
        closing$,
        channel: (name: string) => (name === 'a' ? a : b),
        waitUntil: () => Promise.resolve(),
        isConfirmed: () => true,
        isSettled: () => true,
      } as unknown as PubSub;

      const stream = new MessageStream(pubsub, ['a']);
      cold('---x').subscribe(() => void stream.addChannels('b'));
      cold('------x').subscribe(() => void stream.removeChannels('a'));
      cold('----------x').subscribe(() => closing$.next());

      expectObservable(stream).toBe('--1-42--5-|', {
        1: message('a', '1'),
        2: message('a', '2'),
        4: message('b', '4'),
        5: message('b', '5'),
      });
      // Not '3' from a: a was removed at frame 6. Its subscription lived from 0 to 6.
      expectSubscriptions(a.subscriptions).toBe('^-----!');
      expectSubscriptions(b.subscriptions).toBe('---^------!');
    });
  });
});
