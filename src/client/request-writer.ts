// RequestWriter: how commands leave the client. Each command is encoded as Redis
// expects a request, a RESP array of bulk strings:
//
//   GET hello   ->   *2\r\n$3\r\nGET\r\n$5\r\nhello\r\n
//
// and every command written during the same event-loop turn leaves in ONE socket
// write, flushed by a single `process.nextTick`. This is the cork/uncork idea of Node's
// streams done one level up: a thousand callers that each subscribe to a GET in the
// same loop cost one syscall, not a thousand, and the server reads them as one chunk
// (and answers them as one chunk). Pipelining is only fast if the batching happens on
// both ends of the wire.
//
// Strings are accumulated as one JS string (V8 concatenates cheaply) and encoded to
// UTF-8 once, at flush time; Buffer arguments (binary values) are kept by reference
// and the batch is written with cork/uncork, so that Node hands all its pieces to the
// kernel as one vectored write.

import type { Socket } from 'node:net';

/** A command argument: text (sent as UTF-8) or raw bytes. */
export type Argument = string | Buffer;

export class RequestWriter {
  /** Text not yet turned into a part. */
  private text = '';
  /** Earlier pieces of the batch, in order, when it holds Buffers. */
  private parts: Argument[] = [];
  private scheduled = false;

  constructor(private readonly socket: Socket) {}

  /** Encodes one command into the current batch; it is sent at the end of this turn. */
  write(args: readonly Argument[]): void {
    let text = `*${args.length}\r\n`;
    for (const arg of args) {
      if (typeof arg === 'string') {
        text += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
      } else {
        // A Buffer cannot join the string without being re-encoded: it becomes a part
        // of its own, between the text before it and the text after it.
        this.parts.push(this.text + text + `$${arg.length}\r\n`, arg);
        this.text = '';
        text = '\r\n';
      }
    }
    this.text += text;
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(this.flush);
    }
  }

  // Why process.nextTick and not setImmediate (which the server's writer uses): a
  // client's requests are written from user code, typically a burst of subscriptions
  // in one synchronous run; nextTick flushes right after that run, before any I/O, so
  // the burst leaves as one write with no added latency. The server batches replies to
  // the end of the I/O phase instead, where all of one turn's input has been read.
  /** Sends the batch now (an arrow function, so it can be handed to nextTick as is). */
  readonly flush = (): void => {
    this.scheduled = false;
    const { socket } = this;
    if (this.parts.length === 0) {
      if (this.text.length > 0 && socket.writable) socket.write(this.text);
      this.text = '';
      return;
    }
    const parts = this.parts;
    if (this.text.length > 0) parts.push(this.text);
    this.parts = [];
    this.text = '';
    if (!socket.writable) return;
    socket.cork();
    for (const part of parts) socket.write(part);
    socket.uncork();
  };
}
