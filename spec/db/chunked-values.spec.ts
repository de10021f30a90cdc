// Large values kept in the pieces they arrived in (src/protocol/chunked-bulk.ts).
//
// A SET of a value of 32 KB or more that the network cut into chunks stores the chunks
// themselves, unjoined; the first read of the key joins them, once. These tests check
// that this shortcut is invisible: every string command sees the very bytes that were
// sent, whatever the cuts, and the Db never keeps a small view that would pin a large
// buffer. (The property test in spec/protocol/decode.property.spec.ts covers the
// decoding; the differential suites compare the replies with Redis's over TCP.)

import { NEVER, from, lastValueFrom, map, toArray } from 'rxjs';
import { Db } from '../../src/db/db';
import { connectionReplies } from '../../src/server/connection';
import { command } from '../../src/protocol/frame';
import { encode } from '../../src/protocol/encode';
import { ChunkedBulk } from '../../src/protocol/chunked-bulk';

const VALUE = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 31) & 0xff));
const OTHER = Buffer.alloc(50_000, 'o');

/** The bytes of a request, and those bytes cut every `size` bytes. */
const bytesOf = (...args: Array<string | Buffer>): Buffer => encode(command(...args));
function cutEvery(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

/** Runs the chunks through one connection (no socket) and returns all its reply bytes. */
async function repliesTo(db: Db, chunks: readonly Buffer[]): Promise<Buffer> {
  const output = connectionReplies(from(chunks), db, NEVER).pipe(
    map((buffers) => Buffer.concat(buffers)),
    toArray(),
  );
  return Buffer.concat(await lastValueFrom(output));
}

const bulkReply = (value: Buffer): Buffer => Buffer.concat([Buffer.from(`$${value.length}\r\n`), value, Buffer.from('\r\n')]);

describe('large values that arrive in pieces', () => {
  for (const size of [1000, 16 * 1024, 64 * 1024]) {
    it(`SET then GET, STRLEN, GETRANGE, SET ... GET, APPEND return the bytes sent (chunks of ${size} bytes)`, async () => {
      const db = new Db();
      const requests = Buffer.concat([
        bytesOf('SET', 'big', VALUE),
        bytesOf('STRLEN', 'big'),
        bytesOf('GET', 'big'),
        bytesOf('GETRANGE', 'big', '-3', '-1'),
        bytesOf('SET', 'big', OTHER, 'GET'),
        bytesOf('APPEND', 'big', 'xyz'),
        bytesOf('GET', 'big'),
      ]);
      const replies = await repliesTo(db, cutEvery(requests, size));
      const expected = Buffer.concat([
        Buffer.from('+OK\r\n'),
        Buffer.from(`:${VALUE.length}\r\n`),
        bulkReply(VALUE),
        bulkReply(VALUE.subarray(-3)),
        bulkReply(VALUE),
        Buffer.from(`:${OTHER.length + 3}\r\n`),
        bulkReply(Buffer.concat([OTHER, Buffer.from('xyz')])),
      ]);
      expect(replies.equals(expected)).toBe(true);
    });
  }

  it('SET keeps the pieces unjoined until the key is read, then joins them once', async () => {
    const db = new Db();
    const chunks = cutEvery(bytesOf('SET', 'big', VALUE), 64 * 1024);
    expect(chunks.length).toBe(2);
    const concat = jest.spyOn(Buffer, 'concat');
    try {
      await repliesTo(db, chunks);
      const joinedValue = concat.mock.calls.some(([, total]) => (total ?? 0) >= VALUE.length);
      expect(joinedValue).toBe(false);
    } finally {
      concat.mockRestore();
    }
    const first = db.getStored('big');
    expect(Buffer.isBuffer(first) && first.equals(VALUE)).toBe(true);
    expect(db.getStored('big')).toBe(first); // joined once, then kept
  });

  it('the Db copies a piece that is a small view into a large buffer, and keeps the others as they are', () => {
    const db = new Db();
    const large = Buffer.alloc(40_000, 'a');
    const pinning = Buffer.alloc(1_000_000, 'b').subarray(0, 100); // 100 bytes of a 1 MB buffer
    db.set('k', new ChunkedBulk([large, pinning], large.length + pinning.length));
    const stored = db.getStored('k');
    expect(Buffer.isBuffer(stored) && stored.equals(Buffer.concat([large, pinning]))).toBe(true);

    const kept = new ChunkedBulk([large, pinning], large.length + pinning.length);
    db.set('k2', kept);
    // Read through the Db's own storage of the pieces: the 1 MB buffer is not pinned.
    const pieces = (db as unknown as { values: Map<string, unknown> }).values.get('k2');
    expect(pieces).toBeInstanceOf(ChunkedBulk);
    const [first, second] = (pieces as ChunkedBulk).parts;
    expect(first).toBe(large);
    expect(second.buffer).not.toBe(pinning.buffer);
    expect(second.equals(pinning)).toBe(true);
  });
});
