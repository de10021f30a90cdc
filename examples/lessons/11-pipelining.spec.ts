// Lesson 11: pipelining, matching replies to requests in order.
//
// The story. A client that waits for each reply before sending the next request pays
// a network round trip per command. Pipelining sends many requests without waiting
// and reads the replies as they come. mini-redis needs a second client type for that
// (BufferedClient, with a task and a channel). Ours pipelines by default, because of
// one property of the Redis protocol: a connection's replies come back in the order
// its requests were sent. So no request ids are needed, only a queue.
//
// src/client/pipeline.ts:
//   - subscribing to a command pushes its subscriber onto a FIFO of pending commands,
//     and writes the request (cold, lesson 02);
//   - `replies$` (the socket's bytes through the same `frames()` operator the server
//     uses, lesson 04) emits batches of reply frames, and `deliver` hands each frame to
//     the oldest pending command: `this.pending.shift()`.
// Any number of callers may have commands in flight at once; `forkJoin` of a thousand
// GETs is a thousand requests on the wire before the first reply is back.
//
// Two supporting details:
//   - src/client/fifo.ts: `Array.prototype.shift` moves every element, O(n) per reply;
//     the Fifo advances a head index instead and compacts now and then: O(1) amortized.
//   - src/client/request-writer.ts: requests written during one event-loop turn leave
//     in ONE socket write (flushed by process.nextTick). The server then reads them as
//     one chunk, frames() decodes them as one batch, and the replies come back as one
//     write: batching on both ends is what makes pipelining fast.
//
// Exercises:
// 1. In src/client/fifo.ts, turn the queue into a stack: make the first line of shift()
//    `if (this.head < this.items.length) return this.items.pop();`. Every test fails:
//    each reply now goes to the NEWEST pending command, so "one" gets the reply meant
//    for "four", and the thousand GETs get each other's values.
// 2. In src/client/fifo.ts (shift), in the compaction branch, delete `this.head = 0;`
//    after `this.items = this.items.slice(this.head);`. "the Fifo keeps order across
//    its compaction" fails: after compacting, the head points past the oldest items.

import { forkJoin, firstValueFrom } from 'rxjs';
import { Client } from '../../src/client/client';
import type { Connection } from '../../src/client/connection';
import { Fifo } from '../../src/client/fifo';
import { RedisError } from '../../src/client/errors';
import { bulk, error } from '../../src/protocol/frame';
import type { FrameBatch } from '../../src/protocol/frames';
import { connect } from '../../src';
import { fakeConnection, newScheduler, useServerBehindWiretap } from './test-doubles';

describe('lesson 11: pipelining', () => {
  it('replies are matched to commands in order, however they are batched', () => {
    const scheduler = newScheduler();
    const written: string[] = [];
    scheduler.run(({ hot, expectObservable }) => {
      // Two replies in one chunk at 5, one at 7, one at 9. The third is an error reply.
      const replies$ = hot<FrameBatch>('-----a-b-c', {
        a: [bulk('1'), bulk('2')],
        b: [error('WRONGTYPE Operation against a key holding the wrong kind of value')],
        c: [bulk('4')],
      });
      const client = new Client(fakeConnection(replies$, written, () => scheduler.now()) as unknown as Connection);
      // Four commands sent at 0, 1, 2 and 3, before any reply is back: a pipeline.
      expectObservable(client.getString('one')).toBe('-----(x|)', { x: '1' });
      expectObservable(client.getString('two'), '-^').toBe('-----(x|)', { x: '2' });
      expectObservable(client.getString('three'), '--^').toBe(
        '-------#',
        undefined,
        new RedisError('WRONGTYPE Operation against a key holding the wrong kind of value'),
      );
      expectObservable(client.getString('four'), '---^').toBe('---------(x|)', { x: '4' });
    });
    expect(written).toEqual(['0 GET one', '1 GET two', '2 GET three', '3 GET four']);
  });

  it('the Fifo keeps order across its compaction', () => {
    const fifo = new Fifo<number>();
    let next = 0;
    const taken: number[] = [];
    // Push 3000, take 2000 (the head passes 1024: the array is compacted), push 500
    // more, take everything: every number must come out once, in order.
    for (let i = 0; i < 3000; i++) fifo.push(next++);
    for (let i = 0; i < 2000; i++) taken.push(fifo.shift()!);
    for (let i = 0; i < 500; i++) fifo.push(next++);
    while (fifo.length > 0) taken.push(fifo.shift()!);
    expect(taken).toEqual(Array.from({ length: 3500 }, (_, i) => i));
  });

  describe('over real TCP, through a wiretap', () => {
    // A real server with a Wiretap in front: the tests read the bytes the client sends.
    const setup = useServerBehindWiretap();

    it('a thousand concurrent GETs: one connection, a few writes, every reply to its own command', async () => {
      for (let i = 0; i < 1000; i++) setup.server.db.set(`lesson11:${i}`, Buffer.from(`value ${i}`));
      const client = await connect({ port: setup.tap.port });
      const chunksBefore = setup.tap.chunksFromClients;

      const gets = Array.from({ length: 1000 }, (_, i) => client.getString(`lesson11:${i}`));
      const values = await firstValueFrom(forkJoin(gets)); // all subscribed at once

      expect(values).toEqual(Array.from({ length: 1000 }, (_, i) => `value ${i}`));
      // 1000 requests, written in one turn: one write, read by the server in a chunk or
      // a few (TCP may cut a write), never one per request.
      expect(setup.tap.chunksFromClients - chunksBefore).toBeLessThan(20);
      await client.close();
    });
  });
});
