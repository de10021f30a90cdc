// The server's request grammar: decodeRequest(), alone and driven by frames().
//
// A Redis server does not read general RESP. A request is either a multibulk
// (`*<n>\r\n` then n times `$<len>\r\n<bytes>\r\n`) or, when the first byte is anything
// but `*`, an inline line as typed into telnet (`SET a "b c"`). Malformed input gets a
// `Protocol error: ...` reply and the connection closes. Real clients and tools match on
// those texts, so these tests pin Redis 7's exact wording and the exact point where
// each error is detected (every expected value here was checked against redis-server
// 7.0). They also pin what Redis silently ignores (empty lines, `*0`, `*-1`) and how
// frames() orders a protocol error after the frames that came before it.

import { concatAll, from, toArray } from 'rxjs';
import { Frame } from '../../src/protocol/frame';
import { decodeRequest } from '../../src/protocol/request';
import { FrameBatch, frames } from '../../src/protocol/frames';
import { MAX_INLINE_SIZE, ProtocolError } from '../../src/protocol/errors';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

/** frames(decodeRequest) over the given chunks, synchronously: the batches it emits. */
function batches(...chunks: Array<string | Buffer>): FrameBatch[] {
  let out: FrameBatch[] | undefined;
  from(chunks.map((c) => (typeof c === 'string' ? bytes(c) : c)))
    .pipe(frames(decodeRequest), toArray())
    .subscribe((b) => (out = b));
  if (out === undefined) throw new Error('frames() did not complete synchronously');
  return out;
}

/** Each item as text: a command as its arguments (latin1), a protocol error as its message. */
type Shown = string[] | { error: string };
function show(item: Frame | ProtocolError): Shown {
  if (item instanceof ProtocolError) return { error: item.message };
  if (item.type !== 'array') throw new Error(`a request decoded to a ${item.type}, not an array`);
  return item.value.map((arg) => {
    if (arg.type !== 'bulk') throw new Error(`a request argument decoded to a ${arg.type}`);
    return arg.value.toString('latin1');
  });
}

/** Everything frames(decodeRequest) emits for these chunks, flattened and shown. */
function decoded(...chunks: Array<string | Buffer>): Shown[] {
  let out: Array<Frame | ProtocolError> | undefined;
  from(chunks.map((c) => (typeof c === 'string' ? bytes(c) : c)))
    .pipe(frames(decodeRequest), concatAll(), toArray())
    .subscribe((items) => (out = items));
  if (out === undefined) throw new Error('frames() did not complete synchronously');
  return out.map(show);
}

const err = (message: string): Shown => ({ error: `Protocol error: ${message}` });

describe('multibulk requests', () => {
  it('decodes an array of bulk strings into the command arguments', () => {
    expect(decoded('*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n')).toEqual([['SET', 'key', 'value']]);
  });

  it('is binary safe: CR, LF and NUL inside a bulk string are data', () => {
    expect(decoded('*2\r\n$4\r\nPING\r\n$6\r\na\r\n\0\nb\r\n')).toEqual([['PING', 'a\r\n\0\nb']]);
  });

  it('accepts an empty argument ($0)', () => {
    expect(decoded('*2\r\n$4\r\nPING\r\n$0\r\n\r\n')).toEqual([['PING', '']]);
  });

  it('skips the two bytes after a bulk string without checking them, as Redis does', () => {
    expect(decoded('*1\r\n$4\r\nPINGxx*1\r\n$4\r\nPING\r\n')).toEqual([['PING'], ['PING']]);
  });

  it('skips the byte after the CR of a count line without checking it', () => {
    expect(decoded('*1\rX$4\r\nPING\r\n')).toEqual([['PING']]);
  });

  it('decodeRequest reports where the request ends, so the next one can follow', () => {
    const buf = bytes('*1\r\n$4\r\nPING\r\n*1\r\n$4\r\nPING\r\n');
    const step = decodeRequest(buf, 0);
    expect(step).toEqual({ kind: 'frame', frame: expect.anything(), end: 14 });
    expect(decodeRequest(buf, 14)).toMatchObject({ kind: 'frame', end: 28 });
  });

  it('waits for one byte after the CR before reading a count line', () => {
    expect(decodeRequest(bytes('*1\r'), 0)).toMatchObject({ kind: 'incomplete' });
    expect(decoded('*1\r', '\n$4\r\nPING\r\n')).toEqual([['PING']]);
  });

  it('reads a multibulk cut in the middle of a value, resuming from the part already read', () => {
    const first = decodeRequest(bytes('*2\r\n$3\r\nGET\r\n$5\r\nhel'), 0);
    expect(first).toMatchObject({ kind: 'incomplete', end: 17 });
    if (first instanceof ProtocolError || first.kind !== 'incomplete') throw new Error('expected incomplete');
    // The GET already read travels in `partial`; the rest buffer starts at `end`.
    expect(first.partial?.items.map((f) => (f.type === 'bulk' ? f.value.toString() : '?'))).toEqual(['GET']);
    const rest = decodeRequest(bytes('hello\r\n'), 0, first.partial);
    expect(rest).toMatchObject({ kind: 'frame', end: 7 });
    if (rest instanceof ProtocolError || rest.kind !== 'frame' || rest.frame === null) throw new Error('expected a frame');
    expect(show(rest.frame)).toEqual(['GET', 'hello']);
  });
});

describe('inline requests', () => {
  it.each([
    ['PING\r\n', [['PING']]],
    ['PING\n', [['PING']]],
    ['  GET   key\t\r\n', [['GET', 'key']]],
    ['SET a "b c"\r\n', [['SET', 'a', 'b c']]],
    ['PING "\\x41\\n"\r\n', [['PING', 'A\n']]],
    ["PING 'it\\'s'\r\n", [['PING', "it's"]]],
    ['PING ""\r\n', [['PING', '']]],
    // Double-quote escapes; an unknown escape is the character itself; \x needs two hex digits.
    ['PING "a\\tb\\qc\\"\\x4a\\x4"\r\n', [['PING', 'a\tbqc"Jx4']]],
    ['PING "\\n\\r\\t\\b\\a\\\\"\r\n', [['PING', '\n\r\t\b\x07\\']]],
    // Single quotes keep backslashes, except before a quote.
    ["PING 'a\\nb'\r\n", [['PING', 'a\\nb']]],
    // A CR is a separator; only the one right before the LF is the line end.
    ['PING\r\r\n', [['PING']]],
  ])('%j decodes to %j', (input, expected) => {
    expect(decoded(input)).toEqual(expected);
  });

  it('ignores empty and blank lines', () => {
    expect(decodeRequest(bytes('\r\n'), 0)).toEqual({ kind: 'frame', frame: null, end: 2 });
    expect(decodeRequest(bytes('\n'), 0)).toEqual({ kind: 'frame', frame: null, end: 1 });
    expect(decoded('\r\n\n \t \r\nPING\r\n\r\n')).toEqual([['PING']]);
  });

  it('waits for the line end, however the line is cut', () => {
    expect(decoded('SET a "b', ' c"', '\r', '\n')).toEqual([['SET', 'a', 'b c']]);
  });

  it('treats a NUL byte as the end of the searched text, as strchr() does in Redis: the line never completes', () => {
    expect(decoded('PING\0\r\nPING\r\n')).toEqual([]);
  });
});

describe('requests Redis ignores', () => {
  it.each(['*0\r\n', '*-1\r\n', '*-5\r\n'])('%j decodes to nothing and the next request follows', (input) => {
    expect(decodeRequest(bytes(input), 0)).toEqual({ kind: 'frame', frame: null, end: input.length });
    expect(decoded(input + 'PING\r\n')).toEqual([['PING']]);
  });
});

describe('protocol errors, with Redis 7 texts', () => {
  it.each([
    ['*abc\r\n', 'invalid multibulk length'],
    ['*2147483648\r\n', 'invalid multibulk length'],
    ['*+1\r\n', 'invalid multibulk length'],
    ['*01\r\n', 'invalid multibulk length'],
    ['*\r\n', 'invalid multibulk length'],
    ['*1\r\nx\r\n', "expected '$', got 'x'"],
    ['*1\r\n:1\r\n', "expected '$', got ':'"],
    // Redis prints the byte with %c, then turns CR and LF into spaces.
    ['*1\r\n\r\n', "expected '$', got ' '"],
    ['*1\r\n\n\r\n', "expected '$', got ' '"],
    ['*1\r\n\x80\r\n', "expected '$', got '\x80'"],
    ['*1\r\n$-1\r\n', 'invalid bulk length'],
    ['*1\r\n$-0\r\n', 'invalid bulk length'],
    ['*1\r\n$abc\r\n', 'invalid bulk length'],
    ['*1\r\n$+1\r\n', 'invalid bulk length'],
    ['*1\r\n$01\r\n', 'invalid bulk length'],
    ['*1\r\n$536870913\r\n', 'invalid bulk length'],
    ['SET a "b\r\n', 'unbalanced quotes in request'],
    ["SET a 'b\r\n", 'unbalanced quotes in request'],
    ['PING "a"b\r\n', 'unbalanced quotes in request'],
    ["PING 'a'b\r\n", 'unbalanced quotes in request'],
  ])('%j -> Protocol error: %s', (input, message) => {
    const step = decodeRequest(bytes(input), 0);
    expect(step).toBeInstanceOf(ProtocolError);
    expect((step as ProtocolError).message).toBe(`Protocol error: ${message}`);
    // What the client receives: the ERR code in front, as in `-ERR Protocol error: ...`.
    expect((step as ProtocolError).reply).toBe(`ERR Protocol error: ${message}`);
  });

  it('the largest legal lengths are accepted (and nothing is allocated for them)', () => {
    expect(decodeRequest(bytes('*2147483647\r\n'), 0)).toMatchObject({ kind: 'incomplete' });
    expect(decodeRequest(bytes('*1\r\n$536870912\r\n'), 0)).toMatchObject({ kind: 'incomplete' });
  });

  it('an inline line longer than 64 KB without a newline: too big inline request', () => {
    expect(decodeRequest(Buffer.alloc(MAX_INLINE_SIZE, 'a'), 0)).toMatchObject({ kind: 'incomplete' });
    expect(decodeRequest(Buffer.alloc(MAX_INLINE_SIZE + 1, 'a'), 0)).toEqual(new ProtocolError('Protocol error: too big inline request'));
    // Through frames(), the limit is checked as the line grows, chunk by chunk.
    expect(decoded(Buffer.alloc(40_000, 'a'), Buffer.alloc(40_000, 'a'))).toEqual([err('too big inline request')]);
  });

  it('a multibulk count line longer than 64 KB: too big mbulk count string', () => {
    expect(decodeRequest(bytes('*' + '1'.repeat(MAX_INLINE_SIZE - 1)), 0)).toMatchObject({ kind: 'incomplete' });
    expect(decoded('*' + '1'.repeat(MAX_INLINE_SIZE))).toEqual([err('too big mbulk count string')]);
  });

  it('a bulk length line longer than 64 KB: too big bulk count string', () => {
    expect(decodeRequest(bytes('*1\r\n$' + '1'.repeat(MAX_INLINE_SIZE - 1)), 0)).toMatchObject({ kind: 'incomplete' });
    expect(decoded('*1\r\n$' + '1'.repeat(MAX_INLINE_SIZE))).toEqual([err('too big bulk count string')]);
    // Also for a later argument, after one has been read.
    expect(decoded('*2\r\n$4\r\nPING\r\n', '$' + '1'.repeat(MAX_INLINE_SIZE))).toEqual([err('too big bulk count string')]);
  });

  it('an error is found only once the line holding it is complete, as in Redis', () => {
    expect(decodeRequest(bytes('*1\r\nxyz'), 0)).toMatchObject({ kind: 'incomplete' });
    expect(decodeRequest(bytes('*abc'), 0)).toMatchObject({ kind: 'incomplete' });
  });
});

describe('frames(decodeRequest) around a protocol error', () => {
  it('emits the frames before the error first, in the same batch, the error last', () => {
    expect(batches('PING\r\n*1\r\n$4\r\nPING\r\n*x\r\nPING\r\n').map((b) => b.map(show))).toEqual([
      [['PING'], ['PING'], err('invalid multibulk length')],
    ]);
  });

  it('emits nothing more after the error, whatever arrives next', () => {
    expect(batches('PING\r\n', '*1\r\n$-1\r\nPING\r\n', 'PING\r\n', '*1\r\n$4\r\nPING\r\n').map((b) => b.map(show))).toEqual([
      [['PING']],
      [err('invalid bulk length')],
    ]);
  });

  it('an error in a later chunk of a request cut across chunks still comes after the earlier frames', () => {
    expect(decoded('PING\r\n*2\r\n$4\r\nPI', 'NG\r\n', 'y\r\n')).toEqual([['PING'], err("expected '$', got 'y'")]);
  });

  it('inline and multibulk requests can follow each other in one stream', () => {
    expect(decoded('PING\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\nSET k v\r\n*0\r\nPING\n')).toEqual([
      ['PING'],
      ['GET', 'k'],
      ['SET', 'k', 'v'],
      ['PING'],
    ]);
  });
});
