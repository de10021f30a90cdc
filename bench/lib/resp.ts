// A tiny RESP client for the soak test: an encoder, an incremental reply parser and a
// pipelining connection with a reply timeout.
//
// Why not the project's own client, or ioredis: the soak judges the server, so the load
// generator must not share code with it (a bug in a shared parser could hide itself), and
// it must do things a polished client refuses to do on purpose — pipeline into a socket it
// never reads, vanish mid-frame, count pub/sub messages byte-exactly. Keeping it to a
// hundred-odd lines also keeps its own cost visible: every reply is parsed once, into
// plain values, and nothing else.

import * as net from 'node:net';
import { HOST } from './processes';

/** An error reply (`-ERR ...`), kept apart from simple strings so it can't pass for one. */
export class RespError {
  constructor(readonly message: string) {}
  toString(): string {
    return `-${this.message}`;
  }
}

/**
 * A parsed reply: simple string -> string, error -> RespError, integer -> number, bulk ->
 * Buffer, null -> null, array (and RESP3 map/set/push, flattened) -> Reply[].
 */
export type Reply = string | number | Buffer | null | RespError | Reply[];

export type Args = readonly (string | Buffer | number)[];

/** One command as a RESP array of bulk strings. */
export function encode(args: Args): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`, 'latin1')];
  for (const arg of args) {
    const buf = Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg), 'utf8');
    parts.push(Buffer.from(`$${buf.length}\r\n`, 'latin1'), buf, Buffer.from('\r\n', 'latin1'));
  }
  return Buffer.concat(parts);
}

/**
 * Many commands of latin1 (here: ASCII) strings as one buffer: the whole batch built as one
 * string and converted once. For loading data sets, where encode()'s three small buffers
 * per argument would make the client, not the server, the slow side.
 */
export function encodeLatin1(commands: readonly (readonly string[])[]): Buffer {
  let text = '';
  for (const args of commands) {
    text += `*${args.length}\r\n`;
    for (const arg of args) text += `$${arg.length}\r\n${arg}\r\n`;
  }
  return Buffer.from(text, 'latin1');
}

const INCOMPLETE = Symbol('incomplete');
type Parsed = Reply | typeof INCOMPLETE;

/**
 * Incremental parser: `push(chunk)` returns every reply completed by that chunk. A reply
 * cut by a chunk boundary is parsed again from its start once more bytes arrive; the
 * soak's replies are small, so the re-parse costs less than keeping a resumable state.
 */
export class RespParser {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;

  push(chunk: Buffer): Reply[] {
    this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), chunk]) : chunk;
    this.pos = 0;
    const out: Reply[] = [];
    for (;;) {
      const start = this.pos;
      const reply = this.parse();
      if (reply === INCOMPLETE) {
        this.pos = start;
        return out;
      }
      out.push(reply);
    }
  }

  /** Bytes received but not yet part of a complete reply. */
  get pending(): number {
    return this.buf.length - this.pos;
  }

  private line(): string | typeof INCOMPLETE {
    const end = this.buf.indexOf('\r\n', this.pos + 1, 'latin1');
    if (end === -1) return INCOMPLETE;
    const text = this.buf.toString('latin1', this.pos + 1, end);
    this.pos = end + 2;
    return text;
  }

  private parse(): Parsed {
    if (this.pos >= this.buf.length) return INCOMPLETE;
    const type = String.fromCharCode(this.buf[this.pos]);
    const line = this.line();
    if (line === INCOMPLETE) return INCOMPLETE;
    switch (type) {
      case '+':
      case ',': // RESP3 double
      case '#': // RESP3 boolean
      case '(': // RESP3 big number
        return line;
      case '-':
        return new RespError(line);
      case ':':
        return Number(line);
      case '_':
        return null;
      case '$':
      case '=': {
        const n = Number(line);
        if (n < 0) return null;
        if (this.pos + n + 2 > this.buf.length) return INCOMPLETE;
        const value = Buffer.from(this.buf.subarray(this.pos, this.pos + n));
        this.pos += n + 2;
        return value;
      }
      case '*':
      case '~':
      case '>':
      case '%': {
        const n = Number(line) * (type === '%' ? 2 : 1);
        if (n < 0) return null;
        const items: Reply[] = [];
        for (let i = 0; i < n; i++) {
          const item = this.parse();
          if (item === INCOMPLETE) return INCOMPLETE;
          items.push(item);
        }
        return items;
      }
      default:
        throw new Error(`RESP parse error: unexpected type byte ${JSON.stringify(type)}`);
    }
  }
}

interface Batch {
  readonly replies: Reply[];
  readonly expected: number;
  readonly resolve: (replies: Reply[]) => void;
  readonly reject: (err: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** Opens a TCP connection to the server on loopback; rejects on connection error. */
export function connectSocket(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: HOST, port });
    socket.setNoDelay(true);
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

/**
 * A pipelining connection: `pipeline(commands)` writes them in one go and resolves with
 * their replies in order; replies that arrive with no command waiting (pub/sub messages)
 * go to `onPush`. A batch not fully answered within `timeoutMs` fails and the connection
 * is destroyed: the soak must notice a server that stops answering, not hang on it.
 */
export class RespClient {
  onPush: (reply: Reply) => void = () => undefined;
  /** Set once the socket has closed; `closedByUs` tells a planned close from a dropped one. */
  closed = false;
  closedByUs = false;
  /** The first socket error, if any (after our own destroy(), errors are ignored). */
  error: Error | undefined;
  private readonly parser = new RespParser();
  private readonly batches: Batch[] = [];
  private readonly closeWaiters: (() => void)[] = [];

  private constructor(
    readonly socket: net.Socket,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => {
      if (!this.closedByUs && this.error === undefined) this.error = err;
    });
    socket.on('close', () => {
      this.closed = true;
      const err = this.error ?? new Error('connection closed by the server');
      for (const batch of this.batches.splice(0)) {
        clearTimeout(batch.timer);
        batch.reject(err);
      }
      for (const waiter of this.closeWaiters.splice(0)) waiter();
    });
  }

  static async connect(port: number, timeoutMs = 10_000): Promise<RespClient> {
    return new RespClient(await connectSocket(port), timeoutMs);
  }

  command(...args: Args): Promise<Reply> {
    return this.pipeline([args]).then((replies) => replies[0]);
  }

  pipeline(commands: readonly Args[]): Promise<Reply[]> {
    return this.pipelineEncoded(Buffer.concat(commands.map(encode)), commands.length);
  }

  /** Writes `count` commands already encoded as `bytes`, resolves with their `count` replies. */
  pipelineEncoded(bytes: Buffer, count: number): Promise<Reply[]> {
    if (this.closed) return Promise.reject(this.error ?? new Error('connection closed'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const err = new Error(`no reply within ${this.timeoutMs} ms`);
        this.error ??= err;
        this.socket.destroy();
      }, this.timeoutMs);
      this.batches.push({ replies: [], expected: count, resolve, reject, timer });
      this.socket.write(bytes);
    });
  }

  /** Resolves once the socket has closed (at once if it already has). */
  whenClosed(): Promise<void> {
    return this.closed ? Promise.resolve() : new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  /** QUIT, then wait for the server to close the connection (its +OK is checked). */
  async quit(): Promise<void> {
    const reply = await this.command('QUIT');
    this.closedByUs = true;
    if (reply !== 'OK') throw new Error(`QUIT answered ${String(reply)}`);
    await this.whenClosed();
  }

  /** Half-close (FIN) and wait for the server to close its side. */
  end(): Promise<void> {
    this.closedByUs = true;
    this.socket.end();
    return this.whenClosed();
  }

  /** Close at once (RST with `reset`), without waiting for anything. */
  destroy(reset = false): void {
    this.closedByUs = true;
    if (reset) this.socket.resetAndDestroy();
    else this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    let replies: Reply[];
    try {
      replies = this.parser.push(chunk);
    } catch (err) {
      this.error ??= err as Error;
      this.socket.destroy();
      return;
    }
    for (const reply of replies) {
      const batch = this.batches[0];
      if (batch === undefined) {
        this.onPush(reply);
        continue;
      }
      batch.replies.push(reply);
      if (batch.replies.length === batch.expected) {
        this.batches.shift();
        clearTimeout(batch.timer);
        batch.resolve(batch.replies);
      }
    }
  }
}
