// A tiny, standalone RESP3 reply reader for tests: RESP2 plus the types a connection
// sees after HELLO 3 (null `_`, double `,`, boolean `#`, big number `(`, blob error
// `!`, verbatim string `=`, map `%`, set `~`, push `>`, attribute `|`).
//
// The differential harness needs to know where one reply ends so that it can wait for
// "exactly N replies" without sleeping, in either protocol: a case may switch with
// HELLO 3 halfway through. It deliberately does not import the decoder from src/
// (the oracle side must not depend on the code under test), and it is strict: bytes
// no Redis would send are an error, so a malformed reply fails loudly instead of
// making a read hang.
//
// The same reader serves RESP2 (resp2-reader.ts): with `protocol` 2 it accepts only
// RESP2's five types, so a RESP3 byte on a RESP2 connection fails loudly too.
//
// Counting rule: a push frame (`>`) is a reply of its own, exactly as a RESP2
// subscribed-mode message is one; an attribute (`|`) is not, it belongs to the reply
// that follows it.

export type Resp3Reply =
  | { readonly kind: 'simple'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'integer'; readonly value: bigint }
  /** `$`: bytes, or null for RESP2's `$-1`. */
  | { readonly kind: 'bulk'; readonly bytes: Buffer | null }
  /** `*`: items, or null for RESP2's `*-1`. */
  | { readonly kind: 'array'; readonly items: readonly Resp3Reply[] | null }
  | { readonly kind: 'null' }
  | { readonly kind: 'double'; readonly text: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'bignum'; readonly text: string }
  | { readonly kind: 'blobError'; readonly bytes: Buffer }
  | { readonly kind: 'verbatim'; readonly format: string; readonly bytes: Buffer }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [Resp3Reply, Resp3Reply])[] }
  | { readonly kind: 'set'; readonly items: readonly Resp3Reply[] }
  | { readonly kind: 'push'; readonly items: readonly Resp3Reply[] }
  | { readonly kind: 'attribute'; readonly entries: readonly (readonly [Resp3Reply, Resp3Reply])[]; readonly reply: Resp3Reply };

export interface Resp3Read {
  readonly reply: Resp3Reply;
  /** Offset just past the reply's last byte. */
  readonly end: number;
}

export class RespSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} (at byte ${offset})`);
    this.name = 'RespSyntaxError';
  }
}
export { RespSyntaxError as Resp3SyntaxError };

/** RESP2 (before HELLO 3) or RESP3. */
export type Protocol = 2 | 3;
/** The type bytes of RESP2; RESP3 adds the others. */
const RESP2_TYPES = new Set(['+', '-', ':', '$', '*']);

const CR = 0x0d;
const LF = 0x0a;

/** Lengths and counts are "-1" or digits without a sign or leading zeros. */
const LENGTH = /^(?:-1|0|[1-9][0-9]*)$/;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
/** What Redis prints for a double: %.17g output, or inf / -inf / nan. */
const DOUBLE = /^(?:-?(?:inf|[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?)|nan)$/;

/**
 * Reads one reply starting at `offset`. Returns undefined when the buffer does not hold
 * a complete reply yet; throws RespSyntaxError when the bytes cannot be a reply of
 * `protocol` (RESP3 unless told).
 */
export function readReply(buf: Buffer, offset = 0, protocol: Protocol = 3): Resp3Read | undefined {
  if (offset >= buf.length) return undefined;
  const lineEnd = findLineEnd(buf, offset + 1);
  if (lineEnd === undefined) return undefined;
  const line = buf.toString('latin1', offset + 1, lineEnd);
  const afterLine = lineEnd + 2;
  const type = String.fromCharCode(buf[offset]);
  if (protocol === 2 && !RESP2_TYPES.has(type)) {
    throw new RespSyntaxError(`unexpected reply type byte ${JSON.stringify(type)} in RESP2`, offset);
  }

  switch (type) {
    case '+':
      return { reply: { kind: 'simple', text: line }, end: afterLine };
    case '-':
      return { reply: { kind: 'error', text: line }, end: afterLine };
    case ':':
      if (!INTEGER.test(line)) throw new RespSyntaxError(`bad integer ${JSON.stringify(line)}`, offset);
      return { reply: { kind: 'integer', value: BigInt(line) }, end: afterLine };
    case '_':
      if (line !== '') throw new RespSyntaxError(`null with a payload ${JSON.stringify(line)}`, offset);
      return { reply: { kind: 'null' }, end: afterLine };
    case ',':
      if (!DOUBLE.test(line)) throw new RespSyntaxError(`bad double ${JSON.stringify(line)}`, offset);
      return { reply: { kind: 'double', text: line }, end: afterLine };
    case '#':
      if (line !== 't' && line !== 'f') throw new RespSyntaxError(`bad boolean ${JSON.stringify(line)}`, offset);
      return { reply: { kind: 'boolean', value: line === 't' }, end: afterLine };
    case '(':
      if (!INTEGER.test(line)) throw new RespSyntaxError(`bad big number ${JSON.stringify(line)}`, offset);
      return { reply: { kind: 'bignum', text: line }, end: afterLine };
    case '$':
    case '!':
    case '=': {
      const length = parseLength(line, offset);
      if (length < 0) {
        if (type !== '$') throw new RespSyntaxError(`negative length for '${type}'`, offset);
        return { reply: { kind: 'bulk', bytes: null }, end: afterLine };
      }
      const payloadEnd = afterLine + length;
      if (buf.length < payloadEnd + 2) return undefined;
      if (buf[payloadEnd] !== CR || buf[payloadEnd + 1] !== LF) {
        throw new RespSyntaxError('blob not followed by CRLF', payloadEnd);
      }
      const bytes = buf.subarray(afterLine, payloadEnd);
      const end = payloadEnd + 2;
      if (type === '$') return { reply: { kind: 'bulk', bytes }, end };
      if (type === '!') return { reply: { kind: 'blobError', bytes }, end };
      // A verbatim string starts with its three-letter format and a colon: `txt:`.
      if (length < 4 || bytes[3] !== 0x3a) throw new RespSyntaxError('verbatim string without a format', offset);
      return { reply: { kind: 'verbatim', format: bytes.toString('latin1', 0, 3), bytes: bytes.subarray(4) }, end };
    }
    case '*':
    case '~':
    case '>': {
      const count = parseLength(line, offset);
      if (count < 0) {
        if (type !== '*') throw new RespSyntaxError(`negative count for '${type}'`, offset);
        return { reply: { kind: 'array', items: null }, end: afterLine };
      }
      const items = readItems(buf, afterLine, count, protocol);
      if (items === undefined) return undefined;
      const kind = type === '*' ? 'array' : type === '~' ? 'set' : 'push';
      return { reply: { kind, items: items.items } as Resp3Reply, end: items.end };
    }
    case '%':
    case '|': {
      const count = parseLength(line, offset);
      if (count < 0) throw new RespSyntaxError(`negative count for '${type}'`, offset);
      const items = readItems(buf, afterLine, count * 2, protocol);
      if (items === undefined) return undefined;
      const entries: (readonly [Resp3Reply, Resp3Reply])[] = [];
      for (let i = 0; i < items.items.length; i += 2) entries.push([items.items[i], items.items[i + 1]]);
      if (type === '%') return { reply: { kind: 'map', entries }, end: items.end };
      const annotated = readReply(buf, items.end, protocol);
      if (annotated === undefined) return undefined;
      return { reply: { kind: 'attribute', entries, reply: annotated.reply }, end: annotated.end };
    }
    default:
      throw new RespSyntaxError(`unexpected reply type byte ${JSON.stringify(type)}`, offset);
  }
}

function readItems(buf: Buffer, from: number, count: number, protocol: Protocol): { items: Resp3Reply[]; end: number } | undefined {
  const items: Resp3Reply[] = [];
  let at = from;
  for (let i = 0; i < count; i++) {
    const item = readReply(buf, at, protocol);
    if (item === undefined) return undefined;
    items.push(item.reply);
    at = item.end;
  }
  return { items, end: at };
}

/**
 * Offset just past `count` complete replies from the start of `buf`, or undefined
 * while they have not all arrived.
 */
export function endOfReplies(buf: Buffer, count: number, protocol: Protocol = 3): number | undefined {
  let at = 0;
  for (let i = 0; i < count; i++) {
    const read = readReply(buf, at, protocol);
    if (read === undefined) return undefined;
    at = read.end;
  }
  return at;
}

/** A compact, unambiguous text form of a reply, for messages and normalised comparisons. */
export function renderReply(reply: Resp3Reply): string {
  const text = (bytes: Buffer): string => JSON.stringify(bytes.toString('latin1'));
  const pairs = (entries: readonly (readonly [Resp3Reply, Resp3Reply])[]): string =>
    entries.map(([k, v]) => `${renderReply(k)}: ${renderReply(v)}`).join(', ');
  switch (reply.kind) {
    case 'simple':
      return `+${JSON.stringify(reply.text)}`;
    case 'error':
      return `-${JSON.stringify(reply.text)}`;
    case 'integer':
      return `:${reply.value}`;
    case 'bulk':
      return reply.bytes === null ? '(nil)' : text(reply.bytes);
    case 'array':
      return reply.items === null ? '(nil array)' : `[${reply.items.map(renderReply).join(', ')}]`;
    case 'null':
      return '(null)';
    case 'double':
      return `,${reply.text}`;
    case 'boolean':
      return reply.value ? '#t' : '#f';
    case 'bignum':
      return `(${reply.text}`;
    case 'blobError':
      return `!${text(reply.bytes)}`;
    case 'verbatim':
      return `=${reply.format}:${text(reply.bytes)}`;
    case 'map':
      return `{${pairs(reply.entries)}}`;
    case 'set':
      return `~{${reply.items.map(renderReply).join(', ')}}`;
    case 'push':
      return `>[${reply.items.map(renderReply).join(', ')}]`;
    case 'attribute':
      return `|{${pairs(reply.entries)}} ${renderReply(reply.reply)}`;
  }
}

// A header line ends at the first CRLF; a CR or LF on its own inside a header line
// is not RESP, so it is reported rather than skipped over.
function findLineEnd(buf: Buffer, from: number): number | undefined {
  for (let i = from; i < buf.length; i++) {
    const byte = buf[i];
    if (byte === LF) throw new RespSyntaxError('LF without CR in a header line', i);
    if (byte === CR) {
      if (i + 1 >= buf.length) return undefined;
      if (buf[i + 1] !== LF) throw new RespSyntaxError('CR not followed by LF in a header line', i);
      return i;
    }
  }
  return undefined;
}

function parseLength(line: string, offset: number): number {
  if (!LENGTH.test(line)) throw new RespSyntaxError(`bad length ${JSON.stringify(line)}`, offset);
  return Number(line);
}
