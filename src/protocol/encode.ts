// Frames -> bytes. Replies are encoded into a reusable scratch buffer, so that a batch
// of replies (everything one incoming chunk asked for) leaves as one write: a
// pipelined burst of a thousand GETs is one syscall, not a thousand.
//
// The writer knows the connection's protocol version (2 until HELLO 3): RESP3's types
// are written natively in RESP3 and folded into arrays and bulk strings in RESP2, the
// way Redis's own reply functions (addReplyMapLen, addReplyDouble...) do.

import { Frame } from './frame';
import { formatDouble } from './double';

export type ProtocolVersion = 2 | 3;

/** Nesting past which write() stops recursing (see writeDeep). */
const DEEP = 256;

const isAggregate = (frame: Frame): frame is Extract<Frame, { type: 'array' | 'set' | 'push' | 'map' }> =>
  frame.type === 'array' || frame.type === 'set' || frame.type === 'push' || frame.type === 'map';

/** Values at least this large are passed through by reference instead of copied. */
const LARGE = 16 * 1024;

/**
 * Accumulates encoded frames. `take()` hands out everything written so far as a list
 * of buffers (small replies packed together, large values by reference) for one
 * vectored write, and leaves the writer empty for the next batch.
 */
export class ReplyWriter {
  private scratch = Buffer.allocUnsafe(LARGE);
  private pos = 0;
  private out: Buffer[] = [];
  private bytes = 0;

  /** RESP2 (the default, until a client says HELLO 3) or RESP3. */
  protocol: ProtocolVersion = 2;

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.bytes + this.pos;
  }

  /** How deep write() has recursed into aggregates (see writeDeep). */
  private depth = 0;

  /** The same bytes as write(), with an explicit stack of the aggregates still open. */
  private writeDeep(root: Frame): void {
    const pending: Frame[] = [root];
    while (pending.length > 0) {
      const frame = pending.pop()!;
      if (!isAggregate(frame)) {
        this.write(frame);
        continue;
      }
      const children: readonly Frame[] = frame.type === 'map' ? frame.value.flat() : frame.value;
      if (frame.type === 'map') this.line(this.protocol === 3 ? '%' : '*', String(this.protocol === 3 ? frame.value.length : children.length));
      else if (frame.type === 'array') this.header(0x2a /* * */, children.length);
      else this.line(this.protocol === 3 ? (frame.type === 'set' ? '~' : '>') : '*', String(children.length));
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
    }
  }

  /** Encodes one reply frame at the end of the output, in the connection's protocol. */
  write(frame: Frame): void {
    switch (frame.type) {
      case 'simple':
        return this.line('+', frame.value);
      case 'error':
        return this.line('-', frame.value);
      case 'integer':
        if (typeof frame.value === 'number' && Number.isSafeInteger(frame.value)) return this.header(0x3a /* : */, frame.value);
        return this.line(':', String(frame.value));
      case 'bulk':
        return this.bulk(frame.value);
      case 'latin1':
        return this.latin1(frame.value);
      case 'null':
        return this.ascii(this.protocol === 3 ? '_\r\n' : '$-1\r\n');
      case 'nullArray':
        return this.ascii(this.protocol === 3 ? '_\r\n' : '*-1\r\n');
      case 'array':
        // A script can return arrays nested thousands deep (Redis stops near 8,000
        // levels): past a depth no real reply reaches, the rest goes without recursion.
        if (this.depth >= DEEP) return this.writeDeep(frame);
        this.depth++;
        this.header(0x2a /* * */, frame.value.length);
        for (const item of frame.value) this.write(item);
        this.depth--;
        return;
      case 'set':
        if (this.depth >= DEEP) return this.writeDeep(frame);
        return this.aggregate(this.protocol === 3 ? '~' : '*', frame.value);
      case 'push':
        if (this.depth >= DEEP) return this.writeDeep(frame);
        return this.aggregate(this.protocol === 3 ? '>' : '*', frame.value);
      // The RESP3 types fold into RESP2 exactly as Redis's reply functions fold them
      // (addReplyMapLen, addReplyDouble, addReplyBool...): a client that never said
      // HELLO 3 must see the same bytes a real Redis would send it. Commands return the
      // RESP3 shape and never ask which protocol the connection speaks.
      case 'map':
        if (this.depth >= DEEP) return this.writeDeep(frame);
        this.depth++;
        if (this.protocol === 3) this.line('%', String(frame.value.length));
        else this.line('*', String(frame.value.length * 2));
        for (const [key, value] of frame.value) {
          this.write(key);
          this.write(value);
        }
        this.depth--;
        return;
      // A double is a bulk string in RESP2 (that is what INCRBYFLOAT has always
      // answered), printed with %.17g so that it reads back as the same double.
      case 'double':
        if (this.protocol === 3) return this.line(',', formatDouble(frame.value));
        return this.bulk(Buffer.from(formatDouble(frame.value), 'latin1'));
      // RESP2 has no boolean: Redis answers 1 or 0.
      case 'boolean':
        if (this.protocol === 3) return this.ascii(frame.value ? '#t\r\n' : '#f\r\n');
        return this.line(':', frame.value ? '1' : '0');
      // RESP2 has no big number either: its digits go as a bulk string (addReplyBigNum).
      case 'bigNumber':
        if (this.protocol === 3) return this.line('(', frame.value);
        return this.bulk(Buffer.from(frame.value, 'latin1'));
      // A verbatim string (INFO, CLIENT INFO in RESP3) carries a 3-letter format so a
      // client can show it as text; RESP2 gets the bare bulk string.
      case 'verbatim':
        if (this.protocol === 2) return this.bulk(frame.value);
        this.line('=', String(frame.value.length + 4));
        this.ascii(`${frame.format}:`);
        this.raw(frame.value);
        return this.ascii('\r\n');
    }
  }

  private aggregate(prefix: string, items: readonly Frame[]): void {
    this.depth++;
    this.line(prefix, String(items.length));
    for (const item of items) this.write(item);
    this.depth--;
  }

  /** Writes pre-encoded bytes as they are (e.g. a pub/sub message encoded once for all). */
  raw(bytes: Buffer): void {
    if (bytes.length >= LARGE) {
      this.flushScratch();
      this.out.push(bytes);
      this.bytes += bytes.length;
    } else {
      this.reserve(bytes.length);
      this.pos += bytes.copy(this.scratch, this.pos);
    }
  }

  // take() is what makes "one write per batch" work: the session writes every reply of
  // a batch, then takes them all at once and emits ONE list of buffers downstream, which
  // the writer hands to the socket in one call. Small replies are packed into the
  // scratch buffer (one copy), large values travel by reference (no copy at all).
  /** Everything written since the last take, ready for one write. */
  take(): Buffer[] {
    this.flushScratch();
    const out = this.out;
    this.out = [];
    this.bytes = 0;
    return out;
  }

  private bulk(value: Buffer): void {
    const n = value.length;
    if (n < 256) {
      // The common small value: header, bytes and CRLF straight into the scratch buffer.
      this.reserve(n + 32); // header (at most 24) + value + CRLF, without a flush between
      this.header(0x24 /* $ */, n);
      const scratch = this.scratch;
      let pos = this.pos;
      for (let i = 0; i < n; i++) scratch[pos++] = value[i];
      scratch[pos++] = 0x0d;
      scratch[pos++] = 0x0a;
      this.pos = pos;
      return;
    }
    this.header(0x24 /* $ */, n);
    this.raw(value);
    this.ascii('\r\n');
  }

  // A bulk string held as a latin1 string: its chars are its bytes, so they go straight
  // into the scratch buffer, with no Buffer made for the value. A large one is encoded
  // once, by reference, as `bulk` does with large Buffers.
  private latin1(text: string): void {
    const n = text.length;
    if (n >= LARGE) {
      this.header(0x24 /* $ */, n);
      this.raw(Buffer.from(text, 'latin1'));
      this.ascii('\r\n');
      return;
    }
    this.reserve(n + 32); // header (at most 24) + value + CRLF, without a flush between
    this.header(0x24 /* $ */, n);
    const scratch = this.scratch;
    let pos = this.pos;
    // A short string is copied char by char (cheaper than a call into write()).
    if (n < 64) for (let i = 0; i < n; i++) scratch[pos++] = text.charCodeAt(i);
    else pos += scratch.write(text, pos, 'latin1');
    scratch[pos++] = 0x0d;
    scratch[pos++] = 0x0a;
    this.pos = pos;
  }

  /**
   * `<prefix><n>\r\n` with the digits written by hand: lengths and integers are on
   * every reply, and formatting them through String() and a string write costs more
   * than the rest of a small reply together.
   */
  private header(prefix: number, n: number): void {
    this.reserve(24);
    const scratch = this.scratch;
    let pos = this.pos;
    scratch[pos++] = prefix;
    if (n < 0) {
      scratch[pos++] = 0x2d; // -
      n = -n;
    }
    if (n < 10) {
      scratch[pos++] = 0x30 + n;
    } else {
      let digits = 0;
      for (let m = n; m > 0; m = Math.floor(m / 10)) digits++;
      let at = pos + digits;
      pos = at;
      while (n > 0) {
        const q = Math.floor(n / 10);
        scratch[--at] = 0x30 + (n - q * 10);
        n = q;
      }
    }
    scratch[pos++] = 0x0d;
    scratch[pos++] = 0x0a;
    this.pos = pos;
  }

  private line(prefix: string, text: string): void {
    this.reserve(text.length + 3);
    this.scratch[this.pos++] = prefix.charCodeAt(0);
    // latin1: simple strings and errors are byte strings (see frame.ts).
    this.pos += this.scratch.write(text, this.pos, 'latin1');
    this.scratch[this.pos++] = 0x0d;
    this.scratch[this.pos++] = 0x0a;
  }

  private ascii(text: string): void {
    this.reserve(text.length);
    this.pos += this.scratch.write(text, this.pos, 'latin1');
  }

  // The scratch buffer is reused from batch to batch: allocation per reply is what
  // makes a naive encoder slow, and a GET answered in 12 bytes should not cost a
  // Buffer of its own. When it fills up, the packed bytes are copied out (flushScratch)
  // and it starts over; a reply larger than it gets a scratch buffer of its size.
  private reserve(n: number): void {
    if (this.pos + n <= this.scratch.length) return;
    this.flushScratch();
    if (n > this.scratch.length) this.scratch = Buffer.allocUnsafe(n);
  }

  // Copies the packed small replies out, so the scratch buffer can be reused at once.
  private flushScratch(): void {
    if (this.pos === 0) return;
    this.out.push(Buffer.from(this.scratch.subarray(0, this.pos)));
    this.bytes += this.pos;
    this.pos = 0;
  }
}

// The one-shot encoders: for tests, the client's fixtures and anywhere a single frame
// needs its bytes. The server itself never uses them: it keeps one ReplyWriter per
// connection (its protocol version lives there) and batches.
/** Encodes one frame into a single buffer, in RESP2. */
export function encode(frame: Frame): Buffer {
  return encodeAs(frame, 2);
}

/** Encodes one frame into a single buffer, in the given protocol version. */
export function encodeAs(frame: Frame, protocol: ProtocolVersion): Buffer {
  const writer = new ReplyWriter();
  writer.protocol = protocol;
  writer.write(frame);
  const parts = writer.take();
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}
