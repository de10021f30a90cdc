// Frames -> bytes. Replies are encoded into a reusable scratch buffer, so that a batch
// of replies (everything one incoming chunk asked for) leaves as one write: a
// pipelined burst of a thousand GETs is one syscall, not a thousand.

import { Frame } from './frame';

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

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.bytes + this.pos;
  }

  write(frame: Frame): void {
    switch (frame.type) {
      case 'simple':
        return this.line('+', frame.value);
      case 'error':
        return this.line('-', frame.value);
      case 'integer':
        return this.line(':', String(frame.value));
      case 'bulk':
        return this.bulk(frame.value);
      case 'null':
        return this.ascii('$-1\r\n');
      case 'nullArray':
        return this.ascii('*-1\r\n');
      case 'array':
        this.line('*', String(frame.value.length));
        for (const item of frame.value) this.write(item);
        return;
    }
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

  /** Everything written since the last take, ready for one write. */
  take(): Buffer[] {
    this.flushScratch();
    const out = this.out;
    this.out = [];
    this.bytes = 0;
    return out;
  }

  private bulk(value: Buffer): void {
    this.line('$', String(value.length));
    this.raw(value);
    this.ascii('\r\n');
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

/** Encodes one frame into a single buffer. */
export function encode(frame: Frame): Buffer {
  const writer = new ReplyWriter();
  writer.write(frame);
  const parts = writer.take();
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}
