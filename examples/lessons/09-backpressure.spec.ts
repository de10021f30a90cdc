// Lesson 09: backpressure at the edges.
//
// The story. A client can send requests faster than it reads the replies: pipeline a
// thousand GETs of a large value and never read. The server answers each one, and the
// replies pile up in the socket's buffer, in our memory. Nothing in RxJS stops that by
// itself: an Observable pushes, and `next()` has no way to say "not so fast". So the
// brake lives where the bytes leave and enter, in src/server/writer.ts (writeTo), the
// edge where the reply stream meets the socket:
//
//   - each time replies are queued, it adds up what is not written yet (its own queue,
//     plus `socket.writableLength`, what Node has not handed to the kernel yet);
//   - past the high-water mark (1 MB by default), it calls `socket.pause()`: no more
//     'data' events, so no more requests, so no more replies. The client's further
//     requests wait in the kernel, and TCP's own flow control slows the client down;
//   - when the socket says 'drain' (its buffer emptied: the client is reading again),
//     `socket.resume()`, and the requests that waited are read and answered.
// The pipeline in between stays ignorant of it: pausing the source is enough, because
// every stage between the socket and the writer is synchronous.
//
// The same edge batches: replies queued during one event-loop turn are written with
// one `socket.write()` at the end of the turn (src/server/turn-flush.ts: one
// setImmediate for the whole server), as Redis writes each client's buffer once per
// event-loop iteration.
//
// Why no marbles here: the writer is driven by the event loop (setImmediate, 'drain'),
// not by an RxJS scheduler, so virtual time cannot reach it. These tests wait for one
// turn of the event loop instead (`nextTurn()`), never for a clock.
//
// Exercises:
// 1. In src/server/writer.ts `onDrain`, delete `if (readingPaused) resumeReading();`. The
//    two tests that end with 'drain' fail: the socket stays paused forever, and the PING
//    that waited is never answered.
// 2. In src/server/writer.ts `next`, write at once instead of once per turn: replace
//    `everyTurn.flushThisTurn(flush);` by `flush();`. "replies queued in one turn leave
//    in one write" fails: three writes instead of one.

import type { Socket } from 'node:net';
import { NEVER, Subject } from 'rxjs';
import { writeTo } from '../../src/server/writer';
import { serveConnection } from '../../src/server/connection';
import { ServerState } from '../../src/commands/server-state';
import { Db } from '../../src/db/db';
import { FakeSocket, resp } from './test-doubles';

/** Resolves after the current event-loop turn, when the writer has flushed. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const asSocket = (fake: FakeSocket): Socket => fake as unknown as Socket;

describe('lesson 09: backpressure at the edges', () => {
  it('replies queued in one turn leave in one write', async () => {
    const socket = new FakeSocket();
    const replies$ = new Subject<readonly Buffer[]>();
    replies$.pipe(writeTo(asSocket(socket))).subscribe();

    replies$.next([Buffer.from('+OK\r\n')]);
    replies$.next([Buffer.from(':1\r\n')]);
    replies$.next([Buffer.from('$1\r\nv\r\n')]);
    expect(socket.writes).toHaveLength(0); // queued, not written yet
    await nextTurn();
    expect(socket.writes.map(String)).toEqual(['+OK\r\n:1\r\n$1\r\nv\r\n']); // one write
    replies$.complete();
  });

  it("past the high-water mark reading pauses; 'drain' resumes it", async () => {
    const socket = new FakeSocket();
    socket.resume(); // a connection being served is flowing
    socket.full = true; // the client is not reading: the socket cannot take more
    const replies$ = new Subject<readonly Buffer[]>();
    replies$.pipe(writeTo(asSocket(socket), { highWaterMark: 1024 })).subscribe();

    replies$.next([Buffer.alloc(4096, 'x')]); // 4 KB unwritten > 1 KB
    expect(socket.isPaused).toBe(true); // paused as soon as it was queued
    await nextTurn();
    expect(socket.writes).toHaveLength(1); // written to the socket, which kept it
    expect(socket.isPaused).toBe(true); // and still paused: the socket is full

    socket.drain(); // the client read its replies
    expect(socket.isPaused).toBe(false);
    expect(socket.calls).toEqual(['resume', 'pause', 'write', 'resume']);
    replies$.complete();
  });

  it("a whole connection: while it is paused, the client's next request waits; 'drain' lets it in", async () => {
    const db = new Db();
    db.set('big', Buffer.alloc(2 * 1024 * 1024, 'v')); // a 2 MB value: over the 1 MB mark
    const socket = new FakeSocket();
    serveConnection(asSocket(socket), db, NEVER, new ServerState()).subscribe();
    socket.full = true; // a client that does not read

    socket.receive(resp('GET', 'big'));
    expect(socket.isPaused).toBe(true); // 2 MB of reply queued: stop reading
    socket.receive(resp('PING')); // arrives, but stays in the kernel: nobody reads it
    await nextTurn();
    expect(socket.output.length).toBe(2 * 1024 * 1024 + '$2097152\r\n\r\n'.length); // only the GET's reply
    expect(socket.output.endsWith('+PONG\r\n')).toBe(false);

    socket.drain(); // the client catches up: reading resumes, the PING is read
    await nextTurn();
    expect(socket.output.endsWith('+PONG\r\n')).toBe(true);
    socket.hangUp();
  });
});
