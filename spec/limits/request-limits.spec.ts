// The connection-dependent limits of the request decoder, requestDecoder(limits):
//
// - Before a client has authenticated (a password is set), Redis allows at most 10
//   arguments and 16384 bytes per argument, and says so at the header, before the data
//   arrives: `Protocol error: unauthenticated multibulk length` / `... bulk length`.
// - An AUTH pipelined in the same chunk as a larger request has not run when the
//   decoder meets that request: it is let through and checked again (by the session,
//   through uncheckedBeforeAuth) or, if incomplete, re-checked with the next chunk.
// - client-query-buffer-limit: a client whose unparsed input passes the limit gets a
//   QueryBufferLimitError (closed without reply), checked only for values that large.
//
// The texts were checked against redis-server 7.0 started with --requirepass (the
// differential spec next to this one plays them against it).

import { concatAll, from, toArray } from 'rxjs';
import { Frame } from '../../src/protocol/frame';
import { frames } from '../../src/protocol/frames';
import { ProtocolError } from '../../src/protocol/errors';
import {
  MIN_QUERY_BUFFER_LIMIT,
  QueryBufferLimitError,
  RequestDecoder,
  RequestLimits,
  decodeRequest,
  requestDecoder,
} from '../../src/protocol/request';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');
const command = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

/** Mutable limits, as a connection's are: the test flips authRequired between chunks. */
function limits(authRequired: boolean, queryBufferLimit = 1024 * 1024 * 1024): { authRequired: boolean; queryBufferLimit: number } {
  return { authRequired, queryBufferLimit };
}

type Shown = string[] | { error: string };
function show(item: Frame | ProtocolError): Shown {
  if (item instanceof ProtocolError) return { error: item.message };
  if (item.type !== 'array') throw new Error(`decoded a ${item.type}`);
  return item.value.map((arg) => (arg.type === 'bulk' ? arg.value.toString('latin1') : `<${arg.type}>`));
}

/** frames(decoder) over the chunks; `between(i)` runs after chunk i's batch, as a session would. */
type Batch = ReadonlyArray<Frame | ProtocolError>;
function decode(decoder: RequestDecoder, chunks: string[], between: (i: number, batch: Batch) => void = () => undefined): Array<Frame | ProtocolError> {
  const out: Array<Frame | ProtocolError> = [];
  let i = 0;
  from(chunks.map(bytes))
    .pipe(frames(decoder))
    .subscribe((batch) => {
      out.push(...batch);
      between(i++, batch);
    });
  return out;
}

const err = (message: string): Shown => ({ error: `Protocol error: ${message}` });
const UNAUTH_MULTIBULK = err('unauthenticated multibulk length');
const UNAUTH_BULK = err('unauthenticated bulk length');

describe('unauthenticated protocol limits', () => {
  it('10 arguments are allowed, 11 are refused at the count line, before any argument arrives', () => {
    const ten = Array.from({ length: 9 }, (_, i) => `a${i}`);
    expect(decode(requestDecoder(limits(true)), [command('PING', ...ten)]).map(show)).toEqual([['PING', ...ten]]);
    expect(decode(requestDecoder(limits(true)), ['*11\r\n']).map(show)).toEqual([UNAUTH_MULTIBULK]);
  });

  it('16384 bytes per argument are allowed, 16385 are refused at the length line', () => {
    const max = 'x'.repeat(16384);
    expect(decode(requestDecoder(limits(true)), [command('ECHO', max)]).map(show)).toEqual([['ECHO', max]]);
    expect(decode(requestDecoder(limits(true)), ['*2\r\n$4\r\nECHO\r\n$16385\r\n']).map(show)).toEqual([UNAUTH_BULK]);
  });

  it('inline requests are not limited by argument count (Redis checks multibulk only)', () => {
    const line = `PING ${'a '.repeat(20)}\r\n`;
    expect(decode(requestDecoder(limits(true)), [line]).map(show)).toEqual([['PING', ...Array(20).fill('a')]]);
  });

  it('an authenticated client has the normal limits', () => {
    expect(decode(requestDecoder(limits(false)), [command('MSET', ...Array(20).fill('k'))]).map(show)).toHaveLength(1);
    expect(decodeRequest(bytes('*11\r\n'), 0)).toMatchObject({ kind: 'incomplete' });
  });

  it('a request after a failing command in the same chunk is still checked at once (nothing could log in)', () => {
    expect(decode(requestDecoder(limits(true)), ['PING\r\n*11\r\n']).map(show)).toEqual([['PING'], UNAUTH_MULTIBULK]);
  });
});

describe('a large request pipelined after AUTH in the same chunk', () => {
  it('is let through when complete; the session re-checks it only if AUTH failed', () => {
    const auth = limits(true);
    const decoder = requestDecoder(auth);
    const many = command('MSET', ...Array(12).fill('k'));
    const out = decode(decoder, [command('AUTH', 'secret') + many]);
    expect(out.map(show)).toEqual([['AUTH', 'secret'], ['MSET', ...Array(12).fill('k')]]);
    // Still unauthenticated when it is about to run (AUTH failed): Redis's error.
    expect(show(decoder.uncheckedBeforeAuth(out[1] as Frame)!)).toEqual(UNAUTH_MULTIBULK);
    // A request that never broke a limit is never re-checked.
    expect(decoder.uncheckedBeforeAuth(out[0] as Frame)).toBeUndefined();
  });

  it('HELLO counts as a login too (HELLO 3 AUTH user pass)', () => {
    const decoder = requestDecoder(limits(true));
    const big = 'v'.repeat(20_000);
    const out = decode(decoder, [command('hello', '3', 'AUTH', 'default', 'pw') + command('SET', 'k', big)]);
    expect(out.map(show)).toEqual([['hello', '3', 'AUTH', 'default', 'pw'], ['SET', 'k', big]]);
    expect(show(decoder.uncheckedBeforeAuth(out[1] as Frame)!)).toEqual(UNAUTH_BULK);
  });

  it('when incomplete, the decoder looks again at the next chunk: allowed if AUTH succeeded', () => {
    const auth = limits(true);
    const big = 'v'.repeat(100_000);
    const request = command('SET', 'k', big);
    const out = decode(requestDecoder(auth), [command('AUTH', 'secret') + request.slice(0, 100), request.slice(100)], (i) => {
      if (i === 0) auth.authRequired = false; // the session ran AUTH successfully
    });
    expect(out.map(show)).toEqual([['AUTH', 'secret'], ['SET', 'k', big]]);
  });

  it('when incomplete and AUTH failed, the next chunk gets the error, before the rest is buffered', () => {
    const auth = limits(true);
    const request = command('SET', 'k', 'v'.repeat(100_000));
    // Only 100 more bytes arrive: a decoder waiting for the whole value would say nothing.
    const out = decode(requestDecoder(auth), [command('AUTH', 'wrong') + request.slice(0, 100), request.slice(100, 200)]);
    expect(out.map(show)).toEqual([['AUTH', 'wrong'], UNAUTH_BULK]);
  });
});

describe('client-query-buffer-limit', () => {
  const LIMIT = MIN_QUERY_BUFFER_LIMIT; // 1 MB, Redis's smallest

  it('a value arriving past the limit closes the client once more than the limit is pending', () => {
    const decoder = requestDecoder(limits(false, LIMIT));
    const header = `*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${3 * LIMIT}\r\n`;
    // Exactly the limit pending: still fine (Redis closes when the length is greater).
    expect(decode(decoder, [header, 'x'.repeat(LIMIT)])).toEqual([]);
    const over = decode(requestDecoder(limits(false, LIMIT)), [header, 'x'.repeat(LIMIT), 'x'.repeat(10)]);
    expect(over).toHaveLength(1);
    expect(over[0]).toBeInstanceOf(QueryBufferLimitError);
    expect((over[0] as QueryBufferLimitError).pending).toBe(LIMIT + 10);
  });

  it('a value within the limit, however it is cut, is decoded', () => {
    const decoder = requestDecoder(limits(false, LIMIT));
    const value = 'y'.repeat(LIMIT - 2);
    const request = command('SET', 'k', value);
    const chunks = [request.slice(0, 50_000), request.slice(50_000, 600_000), request.slice(600_000)];
    expect(decode(decoder, chunks).map(show)).toEqual([['SET', 'k', value]]);
  });

  it('the limit is read live, so CONFIG SET changes it for connections already open', () => {
    const live = limits(false, 2 * LIMIT);
    const header = `*2\r\n$4\r\nECHO\r\n$${4 * LIMIT}\r\n`;
    let seen: ReadonlyArray<unknown> = [];
    decode(requestDecoder(live), [header, 'z'.repeat(LIMIT + 1)], (_, batch) => (seen = batch));
    expect(seen).toEqual([]); // under 2 MB: nothing yet
    live.queryBufferLimit = LIMIT;
    const out = decode(requestDecoder(live), [header, 'z'.repeat(LIMIT + 1)]);
    expect(out[0]).toBeInstanceOf(QueryBufferLimitError);
  });

  it('the plain decodeRequest has the 1 GB default, beyond any legal bulk: a 512 MB value is only waited for', () => {
    const step = decodeRequest(bytes(`*2\r\n$4\r\nECHO\r\n$${512 * 1024 * 1024}\r\n`), 0);
    expect(step).toMatchObject({ kind: 'incomplete' });
  });
});

// The type is part of the public surface: a connection's limits are any object with these two fields.
const _typecheck: RequestLimits = limits(false);
void _typecheck;
