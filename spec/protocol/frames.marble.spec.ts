// frames(), the scan-based framing operator, over different chunk splits.
//
// TCP delivers a byte stream, not messages: one request may arrive in three chunks,
// three requests in one. frames() folds chunks into its state with `scan` and emits,
// per chunk, the complete frames that chunk finished: one batch, or nothing. These
// marbles show the cuts and what comes out of them.

import { Frame, command } from '../../src/protocol/frame';
import { frames } from '../../src/protocol/frames';
import { decodeRequest } from '../../src/protocol/request';
import { ProtocolError } from '../../src/protocol/errors';
import { newTestScheduler, request } from '../support/marbles';

const PING = command('PING');
const GET = command('GET', 'key');

describe('frames(decodeRequest) over chunk splits', () => {
  it('one request in one chunk: one batch of one frame', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const chunks = cold('a|', { a: request('PING') });
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('a|', { a: [PING] });
    });
  });

  it('a request cut in three: nothing until its last byte arrives', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const bytes = request('GET', 'key');
      const chunks = cold('a-b-c|', { a: bytes.subarray(0, 3), b: bytes.subarray(3, 12), c: bytes.subarray(12) });
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('----c|', { c: [GET] });
    });
  });

  it('several requests in one chunk: one batch holding them all', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const chunks = cold('a|', { a: Buffer.concat([request('PING'), request('GET', 'key'), request('PING')]) });
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('a|', { a: [PING, GET, PING] });
    });
  });

  it('a cut in the middle of the second request: the first now, the second later', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const bytes = Buffer.concat([request('PING'), request('GET', 'key')]);
      const cut = request('PING').length + 5;
      const chunks = cold('a-b|', { a: bytes.subarray(0, cut), b: bytes.subarray(cut) });
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('a-b|', { a: [PING], b: [GET] });
    });
  });

  it('byte at a time: a frame exactly when its last byte arrives', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const bytes = request('PING'); // 14 bytes: *1\r\n$4\r\nPING\r\n
      const letters = 'abcdefghijklmn';
      const values: Record<string, Buffer> = {};
      [...letters].forEach((letter, i) => (values[letter] = bytes.subarray(i, i + 1)));
      const chunks = cold(`${letters}|`, values);
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('-------------n|', { n: [PING] });
    });
  });

  it('inline commands too, cut anywhere', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const chunks = cold('a-b|', { a: Buffer.from('SET k "hello wo'), b: Buffer.from('rld"\r\nPING\r\n') });
      const set: Frame = command('SET', 'k', 'hello world');
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('--b|', { b: [set, PING] });
    });
  });

  it('a protocol error ends the batch with the error; later bytes are ignored', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const chunks = cold('a-b|', { a: Buffer.concat([request('PING'), Buffer.from('*x\r\n')]), b: request('PING') });
      expectObservable(chunks.pipe(frames(decodeRequest))).toBe('a--|', {
        a: [PING, new ProtocolError('Protocol error: invalid multibulk length')],
      });
    });
  });
});
