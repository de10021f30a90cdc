// A tiny, standalone RESP2 reply reader for tests.
//
// The differential harness needs to know where one reply ends so that it can wait
// for "exactly N replies" without sleeping. It deliberately does not import the
// decoder from src/: the oracle side of the comparison must not depend on the code
// under test, or a bug in our decoder could hide itself.
//
// It is strict on purpose: anything a real Redis would never send (a RESP3 type, a
// lone '\n' in a status line, a bulk string without its trailing CRLF) is an error,
// so that malformed replies fail loudly instead of making a read hang.

export type Resp2Reply =
  | { readonly kind: 'simple'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'integer'; readonly value: bigint }
  | { readonly kind: 'bulk'; readonly bytes: Buffer | null }
  | { readonly kind: 'array'; readonly items: readonly Resp2Reply[] | null };

export interface Resp2Read {
  readonly reply: Resp2Reply;
  /** Offset just past the reply's last byte. */
  readonly end: number;
}

export class Resp2SyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} (at byte ${offset})`);
    this.name = 'Resp2SyntaxError';
  }
}

const CR = 0x0d;
const LF = 0x0a;

/** Lengths and counts are "-1" or digits without a sign or leading zeros. */
const LENGTH = /^(?:-1|0|[1-9][0-9]*)$/;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * Reads one reply starting at `offset`. Returns undefined when the buffer does not
 * hold a complete reply yet (the caller waits for more bytes); throws
 * Resp2SyntaxError when the bytes cannot be a RESP2 reply.
 */
export function readReply(buf: Buffer, offset = 0): Resp2Read | undefined {
  if (offset >= buf.length) return undefined;
  const lineEnd = findLineEnd(buf, offset + 1);
  if (lineEnd === undefined) return undefined;
  const line = buf.toString('latin1', offset + 1, lineEnd);
  const afterLine = lineEnd + 2;
  const type = buf[offset];

  switch (type) {
    case 0x2b: // '+'
      return { reply: { kind: 'simple', text: line }, end: afterLine };
    case 0x2d: // '-'
      return { reply: { kind: 'error', text: line }, end: afterLine };
    case 0x3a: // ':'
      if (!INTEGER.test(line)) throw new Resp2SyntaxError(`bad integer ${JSON.stringify(line)}`, offset);
      return { reply: { kind: 'integer', value: BigInt(line) }, end: afterLine };
    case 0x24: {
      // '$'
      const length = parseLength(line, offset);
      if (length < 0) return { reply: { kind: 'bulk', bytes: null }, end: afterLine };
      const payloadEnd = afterLine + length;
      if (buf.length < payloadEnd + 2) return undefined;
      if (buf[payloadEnd] !== CR || buf[payloadEnd + 1] !== LF) {
        throw new Resp2SyntaxError('bulk string not followed by CRLF', payloadEnd);
      }
      return { reply: { kind: 'bulk', bytes: buf.subarray(afterLine, payloadEnd) }, end: payloadEnd + 2 };
    }
    case 0x2a: {
      // '*'
      const count = parseLength(line, offset);
      if (count < 0) return { reply: { kind: 'array', items: null }, end: afterLine };
      const items: Resp2Reply[] = [];
      let at = afterLine;
      for (let i = 0; i < count; i++) {
        const item = readReply(buf, at);
        if (item === undefined) return undefined;
        items.push(item.reply);
        at = item.end;
      }
      return { reply: { kind: 'array', items }, end: at };
    }
    default:
      throw new Resp2SyntaxError(`unexpected reply type byte ${JSON.stringify(String.fromCharCode(type))}`, offset);
  }
}

/**
 * Offset just past `count` complete replies from the start of `buf`, or undefined
 * while they have not all arrived.
 */
export function endOfReplies(buf: Buffer, count: number): number | undefined {
  let at = 0;
  for (let i = 0; i < count; i++) {
    const read = readReply(buf, at);
    if (read === undefined) return undefined;
    at = read.end;
  }
  return at;
}

/** A compact, unambiguous text form of a reply, for messages and normalised comparisons. */
export function renderReply(reply: Resp2Reply): string {
  switch (reply.kind) {
    case 'simple':
      return `+${JSON.stringify(reply.text)}`;
    case 'error':
      return `-${JSON.stringify(reply.text)}`;
    case 'integer':
      return `:${reply.value}`;
    case 'bulk':
      return reply.bytes === null ? '(nil)' : JSON.stringify(reply.bytes.toString('latin1'));
    case 'array':
      return reply.items === null ? '(nil array)' : `[${reply.items.map(renderReply).join(', ')}]`;
  }
}

// A header line ends at the first CRLF; a CR or LF on its own inside a header line
// is not RESP2, so it is reported rather than skipped over.
function findLineEnd(buf: Buffer, from: number): number | undefined {
  for (let i = from; i < buf.length; i++) {
    const byte = buf[i];
    if (byte === LF) throw new Resp2SyntaxError('LF without CR in a header line', i);
    if (byte === CR) {
      if (i + 1 >= buf.length) return undefined;
      if (buf[i + 1] !== LF) throw new Resp2SyntaxError('CR not followed by LF in a header line', i);
      return i;
    }
  }
  return undefined;
}

function parseLength(line: string, offset: number): number {
  if (!LENGTH.test(line)) throw new Resp2SyntaxError(`bad length ${JSON.stringify(line)}`, offset);
  return Number(line);
}
