// Lesson 10: cancellation is unsubscribing, and teardown is where resources are freed.
//
// The story. With Promises, "I no longer want this" has no standard spelling. With
// Observables it has one: `subscription.unsubscribe()` (or an operator doing it for
// you: `take(1)`, `takeUntil`, `timeout`, `switchMap` moving on). Whatever the
// Observable holds is released in its teardown, the function its subscribe function
// returns, which RxJS runs on unsubscribe AND on complete or error. So cleanup is
// written once, in one place, and runs however the subscription ends.
//
// The client shows two kinds of cancellation:
//
// - A message stream (src/client/pubsub.ts, SubscriberConnection.listen):
//
//     new Observable((subscriber) => {
//       this.routes.set(channel, subscriber);
//       this.request('SUBSCRIBE', channel);          // acquire
//       return () => {                               // teardown
//         this.routes.delete(channel);
//         this.request('UNSUBSCRIBE', channel);      // release, on the server too
//       };
//     })
//
//   Unsubscribing from `client.subscribe('news')` therefore sends UNSUBSCRIBE news, and
//   so does a `take(1)` that has its message. MessageStream (message-stream.ts) merges
//   such channels with mergeMap: unsubscribing the stream unsubscribes every inner.
//
// - A command (src/client/pipeline.ts): once a request is on the wire it cannot be taken
//   back, and its reply will come. So the teardown only detaches the subscriber from
//   its place in the queue: the reply is consumed when it arrives and dropped, and the
//   replies after it still find their own commands (lesson 11).
//
// Exercises:
// 1. In src/client/pubsub.ts (SubscriberConnection.listen), delete the teardown's
//    `if (!this.connection.closed) this.request('UNSUBSCRIBE', channel);`. "unsubscribing,
//    or completing, sends UNSUBSCRIBE" fails (no UNSUBSCRIBE is written), and over real
//    TCP the wiretap never sees one.
// 2. In src/client/pipeline.ts (send), make the teardown give up the queue slot: replace
//    `pending.subscriber = undefined;` in the returned function by `this.pending.shift();`.
//    "a command cancelled before its reply" fails: the reply to the cancelled GET still
//    arrives, finds the next command at the head of the queue, and is taken for its
//    reply. A cancelled request keeps its slot because its reply is still coming.

import { Observable, Subject, take } from 'rxjs';
import { Client } from '../../src/client/client';
import { Connection } from '../../src/client/connection';
import { MessageStream } from '../../src/client/message-stream';
import type { ChannelMessage, PubSub } from '../../src/client/pubsub';
import { array, bulk } from '../../src/protocol/frame';
import type { FrameBatch } from '../../src/protocol/frames';
import { connect } from '../../src';
import { fakeConnection, newScheduler, resp, useServerBehindWiretap } from './test-doubles';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const messageFrame = (channel: string, body: string) => array([bulk('message'), bulk(channel), bulk(body)]);

afterEach(() => jest.restoreAllMocks());

describe('lesson 10: cancellation and teardown', () => {
  it('a command cancelled before its reply: the reply is dropped, the next command gets its own', () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const replies$ = hot<FrameBatch>('----a---b', { a: [bulk('first')], b: [bulk('second')] });
      const client = new Client(fakeConnection(replies$, []) as unknown as Connection);
      const first$ = client.getString('first');
      const second$ = client.getString('second');
      expectObservable(first$, '^-!').toBe(''); // gave up at 2; its reply comes at 4 anyway
      expectObservable(second$).toBe('--------(x|)', { x: 'second' }); // and is not mistaken for this one's
    });
  });

  it('unsubscribing, or completing, sends UNSUBSCRIBE', async () => {
    const scheduler = newScheduler();
    const written: string[] = [];
    const serverSide = new Subject<FrameBatch>(); // what the server sends the subscriber connection
    const subscriberConnection = fakeConnection(serverSide, written, () => scheduler.now());
    jest.spyOn(Connection, 'open').mockResolvedValue(subscriberConnection as unknown as Connection);
    const client = new Client(fakeConnection(new Subject(), []) as unknown as Connection);

    // The subscriber connection opens asynchronously (a Promise): open it before the
    // marbles, by listening to another channel for the duration of the test.
    const keepOpen = client.subscribe('keep-open').subscribe();
    await nextTurn();

    scheduler.run(({ hot, expectObservable }) => {
      hot('--------m', { m: [messageFrame('sports', 'goal')] }).subscribe(serverSide);
      // 'news' from frame 2 to 6: the observer leaves.
      expectObservable(client.subscribe('news'), '--^---!').toBe('');
      // 'sports' from frame 4; take(1) completes with the message at 8, and leaves.
      const goal: ChannelMessage = { channel: 'sports', message: Buffer.from('goal') };
      expectObservable(client.subscribe('sports').pipe(take(1)), '----^').toBe('--------(g|)', { g: goal });
    });
    expect(written).toEqual(['0 SUBSCRIBE keep-open', '2 SUBSCRIBE news', '4 SUBSCRIBE sports', '6 UNSUBSCRIBE news', '8 UNSUBSCRIBE sports']);
    keepOpen.unsubscribe();
  });

  it("unsubscribing from a MessageStream tears down every channel's inner subscription", () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const a = hot<ChannelMessage>('--1-----');
      const b = hot<ChannelMessage>('----2---');
      // A PubSub whose channels are these marbles: MessageStream's own code does the rest.
      const pubsub = { closed: false, closing$: new Subject<void>(), channel: (name: string): Observable<ChannelMessage> => (name === 'a' ? a : b) };
      const stream = new MessageStream(pubsub as unknown as PubSub, ['a', 'b']);
      expectObservable(stream, '^----!').toBe('--1-2');
      expectSubscriptions(a.subscriptions).toBe('^----!');
      expectSubscriptions(b.subscriptions).toBe('^----!');
    });
  });

  describe('over real TCP, through a wiretap', () => {
    // A real server with a Wiretap in front: the tests read the bytes the client sends.
    const setup = useServerBehindWiretap();

    it('the client sends UNSUBSCRIBE when its observer leaves, and the server lets go', async () => {
      const client = await connect({ port: setup.tap.port });
      const news = client.subscribe('lesson10:news');
      const subscription = news.subscribe();
      await news.ready();
      expect(setup.server.db.subscribers('lesson10:news')).toBe(1);

      subscription.unsubscribe(); // the teardown runs...
      await setup.tap.waitForRequest(resp('UNSUBSCRIBE', 'lesson10:news')); // ...and puts this on the wire
      await setup.tap.waitForReply('unsubscribe\r\n$13\r\nlesson10:news\r\n'); // the server confirmed
      expect(setup.server.db.subscribers('lesson10:news')).toBe(0);
      await client.close();
    });
  });
});
