// Lesson 07: pub/sub is a Subject per channel, merged per connection with mergeMap,
// each channel ended by its own takeUntil.
//
// The story, in two halves.
//
// In the Db (src/db/db.ts) every channel with subscribers is a Subject. PUBLISH ends
// in `subject.next(batch)`: every current subscriber receives the batch, synchronously,
// in the order of publication. A batch? A plain Db delivers each message at once, as a
// batch of one; the server's Db waits for the end of the event-loop turn and delivers
// all the messages published to a channel during the turn as one batch, so that each
// subscriber's pipeline runs once for ten publishers rather than ten times (the last
// test). `db.subscribe(channel)` is an Observable over that Subject whose teardown
// counts the subscriber out, and removes the channel when the last one has left
// (PUBSUB CHANNELS must not list it any more). mini-redis uses a Tokio broadcast
// channel per Redis channel; a Subject is the RxJS broadcast.
//
// In a connection (src/server/session.ts, class Subscriptions), the channels of this
// client come and go while it is connected (SUBSCRIBE a, later SUBSCRIBE b, later
// UNSUBSCRIBE a). mini-redis keeps them in a StreamMap. Here:
//
//   added$.pipe(
//     mergeMap((name) => db.subscribe(name).pipe(
//       takeUntil(removed$.pipe(filter((left) => left === name))),
//     )),
//   )
//
// `added$` emits a channel name on SUBSCRIBE; mergeMap subscribes to that channel's
// Observable and merges its messages with the others'. UNSUBSCRIBE emits on `removed$`,
// and the `takeUntil` of that channel alone completes it: its teardown runs (the Db
// counts one subscriber fewer) while the other channels flow on. When the connection
// ends, every channel is removed the same way. The messages are merged with the
// replies into one output, written through one ReplyWriter, so a message can never
// overtake a reply written before it.
//
// `expectSubscriptions` is the tool to prove teardown: a hot marble Observable records
// when it was subscribed (`^`) and unsubscribed (`!`). Below, the Db's channels are
// replaced by hot marbles for that purpose; the session code is the real one.
//
// Exercises:
// 1. In src/server/session.ts (class Subscriptions), remove the takeUntil: replace
//    `messages$.pipe(takeUntil(this.removed$.pipe(filter((left) => left === key))))`
//    by `messages$`. "UNSUBSCRIBE ends that channel's inner Observable" fails: channel
//    x is never unsubscribed (its marble has no `!`), its message 3 still arrives, and
//    the connection's output never completes.
// 2. In src/db/db.ts (join), delete the line that removes the channel when
//    `current.subscribers === 0`. "the last subscriber out removes the channel" fails:
//    PUBSUB CHANNELS would list a channel nobody listens to.
// 3. In src/db/db.ts (join), delete the `this.deliver();` that comes first in the
//    subscribe function. "with deliverLater, the messages of one turn..." fails: the
//    newcomer receives 'd', a message published before it subscribed.

import { concatAll, map } from 'rxjs';
import { Db, type Message } from '../../src/db/db';
import { session } from '../../src/server/session';
import { command, type Frame } from '../../src/protocol/frame';
import type { FrameBatch } from '../../src/protocol/frames';
import { newScheduler } from './test-doubles';

const batch = (...args: string[]): Frame[] => [command(...args)];
const bulk = (text: string): string => `$${text.length}\r\n${text}\r\n`;
/** A message as the subscriber receives it (RESP2). */
const delivered = (channel: string, body: string): string => `*3\r\n${bulk('message')}${bulk(channel)}${bulk(body)}`;
const subscribed = (channel: string, count: number): string => `*3\r\n${bulk('subscribe')}${bulk(channel)}:${count}\r\n`;
const unsubscribed = (channel: string, count: number): string => `*3\r\n${bulk('unsubscribe')}${bulk(channel)}:${count}\r\n`;
/** A batch of one message, as a Db delivers it without `deliverLater`. */
const message = (channel: string, body: string): readonly Message[] => [{ channel, message: Buffer.from(body) }];

describe('lesson 07: pub/sub, a Subject per channel and a mergeMap per connection', () => {
  it('a channel is a Subject: every subscriber gets each message, in order, while subscribed', () => {
    const db = new Db();
    newScheduler().run(({ cold, expectObservable }) => {
      // PUBLISH at 1, 3 and 5.
      cold('-a-b-c').subscribe((body) => db.publish('news', Buffer.from(body)));
      // concatAll(): the batches (here, of one message each) as single messages.
      const bodies = (channel: string) => db.subscribe(channel).pipe(concatAll(), map((m) => m.message.toString()));
      expectObservable(bodies('news')).toBe('-a-b-c');
      // A subscriber from 2 to 4 gets only what was published meanwhile: a Subject is hot.
      expectObservable(bodies('news'), '--^-!').toBe('---b');
    });
  });

  it('the last subscriber out removes the channel', () => {
    const db = new Db();
    const first = db.subscribe('news').subscribe();
    const second = db.subscribe('news').subscribe();
    expect([db.subscribers('news'), db.activeChannels()]).toEqual([2, ['news']]);
    first.unsubscribe();
    expect([db.subscribers('news'), db.activeChannels()]).toEqual([1, ['news']]);
    second.unsubscribe();
    expect([db.subscribers('news'), db.activeChannels()]).toEqual([0, []]);
  });

  it('between connections: SUBSCRIBE on one, PUBLISH on another', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const db = new Db();
      const subscriber = hot<FrameBatch>('a', { a: batch('SUBSCRIBE', 'news') });
      const publisher = hot<FrameBatch>('---a-b', { a: batch('PUBLISH', 'news', 'one'), b: batch('PUBLISH', 'news', 'two') });
      const text = (output$: ReturnType<typeof session>) => output$.pipe(map((buffers) => Buffer.concat(buffers).toString()));
      expectObservable(text(session(db, subscriber))).toBe('a--b-c', {
        a: subscribed('news', 1),
        b: delivered('news', 'one'),
        c: delivered('news', 'two'),
      });
      // PUBLISH answers how many subscribers received the message.
      expectObservable(text(session(db, publisher))).toBe('---a-b', { a: ':1\r\n', b: ':1\r\n' });
    });
  });

  it("UNSUBSCRIBE ends that channel's inner Observable (takeUntil), and only that one", () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      // The channels, as hot marbles standing in for the Db's Subjects.
      const x = hot<readonly Message[]>('--1--2--3---', { 1: message('x', '1'), 2: message('x', '2'), 3: message('x', '3') });
      const y = hot<readonly Message[]>('-------4---5', { 4: message('y', '4'), 5: message('y', '5') });
      const db = new Db();
      jest.spyOn(db, 'subscribe').mockImplementation((channel) => (channel === 'x' ? x : y));

      // SUBSCRIBE x at 1, SUBSCRIBE y at 3, UNSUBSCRIBE x at 6; the client leaves at 10.
      const requests = hot<FrameBatch>('-a-b--u---|', {
        a: batch('SUBSCRIBE', 'x'),
        b: batch('SUBSCRIBE', 'y'),
        u: batch('UNSUBSCRIBE', 'x'),
      });
      const output$ = session(db, requests).pipe(map((buffers) => Buffer.concat(buffers).toString()));

      // Frame by frame: 1 subscribe x, 2 message 1 (x), 3 subscribe y, 5 message 2 (x),
      // 6 unsubscribe x, 7 message 4 (y), 10 the client leaves: complete. Message 3 (x, at
      // 8) never arrives: x was ended at 6. Nor does 5 (y, at 11): the connection is gone.
      expectObservable(output$).toBe('-abc-def--|', {
        a: subscribed('x', 1),
        b: delivered('x', '1'),
        c: subscribed('y', 2),
        d: delivered('x', '2'),
        e: unsubscribed('x', 1),
        f: delivered('y', '4'),
      });
      expectSubscriptions(x.subscriptions).toBe('-^----!'); // from SUBSCRIBE x to UNSUBSCRIBE x
      expectSubscriptions(y.subscriptions).toBe('---^------!'); // from SUBSCRIBE y to the end
    });
  });

  it('with deliverLater, the messages of one turn reach each subscriber as one batch', () => {
    // The server passes its end-of-turn hook; here we hold the delivery in our hands.
    let deliver: (() => void) | undefined;
    const db = new Db({ deliverLater: (run) => (deliver = run) });
    const batches: string[][] = [];
    db.subscribe('news').subscribe((batch) => batches.push(batch.map((m) => m.message.toString())));
    // Three PUBLISHes in one turn: each answers its receiver count at once...
    expect(['a', 'b', 'c'].map((body) => db.publish('news', Buffer.from(body)))).toEqual([1, 1, 1]);
    expect(batches).toEqual([]);
    // ...and the end of the turn delivers them together, in order.
    deliver?.();
    expect(batches).toEqual([['a', 'b', 'c']]);
    // A newcomer does not receive what was published before it came: joining delivers
    // the queue first.
    db.publish('news', Buffer.from('d'));
    const late: string[] = [];
    db.subscribe('news').subscribe((batch) => late.push(...batch.map((m) => m.message.toString())));
    expect(batches).toEqual([['a', 'b', 'c'], ['d']]);
    expect(late).toEqual([]);
  });
});
