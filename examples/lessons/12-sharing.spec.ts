// Lesson 12: sharing, one channel subscription for many observers, reference-counted.
//
// The story. Three parts of an app want the messages of 'news'. Subscribing three
// times on the server would triple the traffic and make "who unsubscribes, and when?"
// everyone's problem. What we want: the first observer subscribes on the server, the
// others join it, and the server is told UNSUBSCRIBE only when the last one has left.
// That is reference counting, and RxJS has it built in: `share()`.
//
// src/client/pubsub.ts, PubSub.channel(name):
//
//   const shared = this.connection$.pipe(
//     switchMap((connection) => connection.listen(name)),   // SUBSCRIBE ... teardown: UNSUBSCRIBE
//     finalize(() => this.channels.delete(name)),
//     share(),
//   );
//   this.channels.set(name, shared);                         // one per channel, client-wide
//
// `share()` subscribes to its source when its first observer arrives, multicasts every
// value to all observers, counts them, and unsubscribes from the source when the count
// drops back to zero. So the source's subscribe logic (SUBSCRIBE) runs once, and its
// teardown (UNSUBSCRIBE, lesson 10) runs once, at the end, with no counter of ours. The
// Map makes every `client.subscribe('news')` of the client use that one Observable.
//
// The same pattern one level down: `connection$`, the dedicated subscriber connection,
// is itself shared (with a ReplaySubject, so that a channel arriving later still gets
// the connection already open): opened by the first channel, closed after the last.
//
// Exercises:
// 1. In src/client/pubsub.ts (channel), delete `share(),` at the end of the pipe. Every
//    observer now runs the source for itself, and each sends its own SUBSCRIBE: over
//    real TCP the wiretap counts two. In the marble test the first observer even loses
//    its messages: the connection keeps one route per channel, and the second observer's
//    SUBSCRIBE took it over.
// 2. In src/client/pubsub.ts (channel), delete the two lines that return the existing
//    Observable (`const existing = ...` and `if (existing !== undefined) return existing;`).
//    Each observer now gets its own share(): the marble test sees two SUBSCRIBEs, and
//    over real TCP the wiretap sees SUBSCRIBE twice.

import { ReplaySubject, Subject, firstValueFrom } from 'rxjs';
import { Client } from '../../src/client/client';
import { Connection } from '../../src/client/connection';
import type { ChannelMessage } from '../../src/client/pubsub';
import { array, bulk } from '../../src/protocol/frame';
import type { FrameBatch } from '../../src/protocol/frames';
import { connect } from '../../src';
import { count, fakeConnection, newScheduler, resp, useServerBehindWiretap } from './test-doubles';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const messageFrame = (channel: string, body: string) => array([bulk('message'), bulk(channel), bulk(body)]);
const news = (body: string): ChannelMessage => ({ channel: 'news', message: Buffer.from(body) });

afterEach(() => jest.restoreAllMocks());

describe('lesson 12: one channel subscription shared by many observers', () => {
  it('two observers, one SUBSCRIBE, one UNSUBSCRIBE: when the last one leaves', async () => {
    const scheduler = newScheduler();
    const written: string[] = [];
    const serverSide = new Subject<FrameBatch>();
    jest.spyOn(Connection, 'open').mockResolvedValue(fakeConnection(serverSide, written, () => scheduler.now()) as unknown as Connection);
    const client = new Client(fakeConnection(new Subject(), []) as unknown as Connection);
    // Open the subscriber connection (a Promise) before the marbles; keep it open.
    const keepOpen = client.subscribe('keep-open').subscribe();
    await nextTurn();

    scheduler.run(({ hot, expectObservable }) => {
      // The server publishes to 'news' at 5 and at 7.
      hot('-----a-b', { a: [messageFrame('news', 'a')], b: [messageFrame('news', 'b')] }).subscribe(serverSide);
      // Two parts of the app, each with its own client.subscribe('news'):
      expectObservable(client.subscribe('news'), '--^---!').toBe('-----a', { a: news('a') }); // 2 to 6
      expectObservable(client.subscribe('news'), '----^----!').toBe('-----a-b', { a: news('a'), b: news('b') }); // 4 to 9
    });
    // The first arrival subscribed (2); the second joined silently (4); the first
    // leaving (6) sent nothing; the last leaving (9) sent UNSUBSCRIBE.
    expect(written).toEqual(['0 SUBSCRIBE keep-open', '2 SUBSCRIBE news', '9 UNSUBSCRIBE news']);
    keepOpen.unsubscribe();
  });

  describe('over real TCP, through a wiretap', () => {
    // A real server with a Wiretap in front: the tests read the bytes the client sends.
    const setup = useServerBehindWiretap();

    it('the server sees one subscriber however many observers the client has', async () => {
      const channel = 'lesson12:news';
      const client = await connect({ port: setup.tap.port });
      const [seenByA, seenByB] = [new ReplaySubject<ChannelMessage>(), new ReplaySubject<ChannelMessage>()];
      const streamA = client.subscribe(channel);
      const streamB = client.subscribe(channel); // another part of the app, same channel
      const a = streamA.subscribe(seenByA);
      const b = streamB.subscribe(seenByB);
      await Promise.all([streamA.ready(), streamB.ready()]);

      expect(count(setup.tap.requests, resp('SUBSCRIBE', channel))).toBe(1); // once on the wire
      expect(setup.server.db.subscribers(channel)).toBe(1); // one subscriber for the server
      expect(await firstValueFrom(client.publish(channel, 'hello'))).toBe(1); // received once...
      const [gotA, gotB] = await Promise.all([firstValueFrom(seenByA), firstValueFrom(seenByB)]);
      expect([gotA.message.toString(), gotB.message.toString()]).toEqual(['hello', 'hello']); // ...seen twice

      a.unsubscribe(); // one observer leaves: B still listens, nothing is sent
      // Prove the absence: requests on one connection leave in order, so once a later
      // SUBSCRIBE is on the wire, an UNSUBSCRIBE sent before it would be there too.
      const probe = client.subscribe('lesson12:probe');
      const p = probe.subscribe();
      await setup.tap.waitForRequest(resp('SUBSCRIBE', 'lesson12:probe'));
      expect(setup.tap.requests).not.toContain(resp('UNSUBSCRIBE', channel));

      b.unsubscribe(); // the last observer leaves: now the server is told
      await setup.tap.waitForRequest(resp('UNSUBSCRIBE', channel));
      p.unsubscribe();
      await client.close();
    });
  });
});
