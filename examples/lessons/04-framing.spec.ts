// Lesson 04: framing with `scan`.
//
// The story. TCP delivers a stream of bytes, not messages. One request can arrive cut
// in three chunks; three requests can arrive in one chunk. Something must turn
// "chunks, cut wherever the network cut them" into "whole requests". mini-redis does it
// in connection.rs with a read buffer and a loop; we do it with one operator,
// `frames()` in src/protocol/frames.ts:
//
//   chunk$.pipe(
//     scan((state, chunk) => step(state, chunk, decoder), initial),  // fold each chunk in
//     map((state) => state.batch),                                   // what it completed
//     filter((batch) => batch.length > 0),                           // (nothing: stay quiet)
//   )
//
// `scan` is `reduce` that emits every intermediate result: it carries a state from one
// value to the next. Here the state is the undecoded remainder (the start of a request
// whose end has not arrived) plus the batch the last chunk completed. Each chunk is
// appended to the remainder, every complete request in it is decoded, and they leave
// together as ONE batch: the session then runs the whole batch in one loop and answers
// with one write (a pipelining client sending 100 GETs in one chunk gets one chunk back).
//
// Two details make it fast and correct:
// - Linear in the input. The decoder reports how many bytes it `need`s before anything
//   can complete: for a 1 MB value, at least the whole megabyte. Until that many bytes
//   have arrived, `step` only remembers the chunk: no copy, no decoding. The chunks are
//   joined once, at the end. (Joining the remainder with every new chunk would copy
//   1 MB in 16 KB chunks 64 times: quadratic.)
// - A fresh state per subscription. `scan` starts from `initial`, which `step` updates
//   in place (one allocation fewer per chunk). That is only safe if every subscriber has
//   its own: frames() builds `initial` inside `defer()`, which runs once per subscription.
//
// Exercises:
// 1. In src/protocol/frames.ts `step`, delete the early return
//    `if (state.pendingLength < state.need) return state;`. "a 1 MB value in 64 chunks is
//    decoded once" fails: the decoder now runs on every chunk.
// 2. In src/protocol/frames.ts, create `initial` once, outside `defer()` (move the
//    `const initial = ...` line above `return (chunk$) =>`). "two subscribers each get
//    their own state" fails: the second subscriber's chunks land in the first one's
//    remainder.

import { from, toArray } from 'rxjs';
import { frames, type FrameBatch } from '../../src/protocol/frames';
import { decodeRequest } from '../../src/protocol/request';
import { command } from '../../src/protocol/frame';
import { ProtocolError } from '../../src/protocol/errors';
import type { Decoder } from '../../src/protocol/decode';
import { newScheduler, resp } from './test-doubles';

/** Request bytes, as a client sends them. */
const bytes = (...args: string[]): Buffer => Buffer.from(resp(...args), 'latin1');

const PING = command('PING');
const GET = command('GET', 'key');

describe('lesson 04: framing with scan', () => {
  it('a request cut in three: nothing comes out until its last byte has arrived', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const get = bytes('GET', 'key'); // *2\r\n$3\r\nGET\r\n$3\r\nkey\r\n
      const chunks = cold('a-b-c|', { a: get.subarray(0, 3), b: get.subarray(3, 12), c: get.subarray(12) });
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('----c|', { c: [GET] });
    });
  });

  it('three requests in one chunk leave as one batch of three', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const chunks = cold('a|', { a: Buffer.concat([bytes('PING'), bytes('GET', 'key'), bytes('PING')]) });
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('a|', { a: [PING, GET, PING] });
    });
  });

  it('the state carries a remainder: the first request now, the second with the next chunk', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const both = Buffer.concat([bytes('PING'), bytes('GET', 'key')]);
      const cut = bytes('PING').length + 5; // five bytes into the GET
      const chunks = cold('a--b|', { a: both.subarray(0, cut), b: both.subarray(cut) });
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('a--b|', { a: [PING], b: [GET] });
    });
  });

  it('two subscribers each get their own state', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const get = bytes('GET', 'key');
      const chunks = cold('a-b|', { a: get.subarray(0, 10), b: get.subarray(10) });
      const framed$ = chunks.pipe(frames(decodeRequest)); // ONE Observable...
      expectObservable(framed$).toBe('--b|', { b: [GET] }); // ...two subscriptions, at 0
      expectObservable(framed$, '-^').toBe('---b|', { b: [GET] }); // and at 1
    });
  });

  it('malformed input ends the batch with a ProtocolError; what follows is never read', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const chunks = cold('a-b|', { a: Buffer.concat([bytes('PING'), Buffer.from('*x\r\n')]), b: bytes('PING') });
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('a--|', {
        a: [PING, new ProtocolError('Protocol error: invalid multibulk length')],
      });
    });
  });

  it('a 1 MB value in 64 chunks is decoded once, when its last chunk arrives', async () => {
    const value = 'v'.repeat(1024 * 1024);
    const request = bytes('SET', 'big', value);
    const chunks: Buffer[] = [];
    for (let at = 0; at < request.length; at += 16 * 1024) chunks.push(request.subarray(at, at + 16 * 1024));
    expect(chunks.length).toBeGreaterThanOrEqual(64);

    // The real decoder, counted: how often does frames() have to look at the bytes?
    let decoderCalls = 0;
    // (All four arguments passed on: the fourth is a large value frames() cut out of its
    // chunks itself, see src/protocol/chunked-bulk.ts.)
    const counted: Decoder<unknown> = (buf, offset, partial, value) => {
      decoderCalls++;
      return decodeRequest(buf, offset, partial as never, value);
    };
    const batches: FrameBatch[] = await new Promise((resolve) => from(chunks).pipe(frames(counted), toArray()).subscribe(resolve));

    expect(batches).toHaveLength(1); // one batch: the SET, complete
    const [set] = batches[0];
    const args = !(set instanceof ProtocolError) && set.type === 'array' ? set.value.map((arg) => (arg.type === 'bulk' ? arg.value : Buffer.alloc(0))) : [];
    expect(args.map((arg) => arg.length)).toEqual([3, 3, value.length]);
    expect(args[2].equals(Buffer.from(value))).toBe(true); // (toEqual on a megabyte is slow)
    // Once for the header of the first chunk (which says how long the value is), once
    // for the whole request at the end: not once per chunk.
    expect(decoderCalls).toBeLessThanOrEqual(3);
  });
});
