// A raw TCP / unix-socket client for tests: it sends exact bytes and reads exact
// bytes, with no RESP encoding of its own on the way out.
//
// Tests never sleep to "let the server answer": every read waits on socket events
// until a condition over the bytes received so far holds (N complete replies, the
// peer closing, ...). Every wait has a timeout, and a failed wait says what it was
// waiting for and shows, escaped, every byte that had arrived.
import * as net from 'node:net';
import { endOfReplies } from './resp3-reader';

export type Endpoint = { readonly port: number; readonly host?: string } | { readonly path: string };

export const DEFAULT_TIMEOUT_MS = 2000;

/**
 * Decides when a read is over: given the bytes received and not yet consumed, and
 * whether the peer has closed, returns how many leading bytes to consume (and
 * resolve with), or undefined to keep waiting. It may throw to fail the read.
 */
export type ReadCondition = (received: Buffer, closed: boolean) => number | undefined;

/**
 * Bytes shown as a JSON string of their latin1 form (one char per byte). JSON
 * escapes the control bytes; bytes 0x7f-0xff are escaped too (\u00XX), because
 * some of them print as nothing at all (0xad) or look like a space (0xa0).
 * Long byte strings keep their head and tail.
 */
export function showBytes(bytes: Buffer, max = 2000): string {
  if (bytes.length <= max) return quote(bytes);
  const head = bytes.subarray(0, Math.floor(max * 0.75));
  const tail = bytes.subarray(bytes.length - Math.floor(max * 0.25));
  return `${quote(head)} ...(${bytes.length} bytes in all)... ${quote(tail)}`;
}

function quote(bytes: Buffer): string {
  return JSON.stringify(bytes.toString('latin1')).replace(
    /[\u007f-\u00ff]/g,
    (c) => `\\u00${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

export function showEndpoint(to: Endpoint): string {
  return 'path' in to ? `unix:${to.path}` : `${to.host ?? '127.0.0.1'}:${to.port}`;
}

export class RawConnection {
  /** Bytes received and not yet consumed by a read. */
  private received: Buffer = Buffer.alloc(0);
  private isClosed = false;
  private lastError: Error | undefined;
  /** Re-checks the pending read's condition; one read at a time keeps order obvious. */
  private wake: (() => void) | undefined;

  private constructor(
    private readonly socket: net.Socket,
    readonly endpoint: Endpoint,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.wake?.();
    });
    // A reset or a broken pipe is how some peers close; it is recorded, not thrown,
    // so that a test about a closing connection still sees the bytes that came first.
    socket.on('error', (err) => {
      this.lastError = err;
    });
    socket.on('close', () => {
      this.isClosed = true;
      this.wake?.();
    });
  }

  static connect(to: Endpoint, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket =
        'path' in to
          ? net.createConnection({ path: to.path })
          : net.createConnection({ port: to.port, host: to.host ?? '127.0.0.1' });
      const fail = (err: Error): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(new Error(`cannot connect to ${showEndpoint(to)}: ${err.message}`));
      };
      const timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      socket.once('error', fail);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', fail);
        // Small writes must leave at once (no Nagle): split-delivery tests depend on it.
        if (!('path' in to)) socket.setNoDelay(true);
        resolve(new RawConnection(socket, to));
      });
    });
  }

  /** True once the socket has closed (by either side). */
  get closed(): boolean {
    return this.isClosed;
  }

  /** The socket error seen, if any (ECONNRESET, EPIPE, ...). */
  get error(): Error | undefined {
    return this.lastError;
  }

  /**
   * Writes bytes (a string is taken as latin1: one char per byte). Resolves true once
   * they are handed to the kernel, false if the connection was already closed or the
   * write failed: writing to a peer that is closing on us is an expected event in
   * protocol-error tests. Rejects only if the bytes are still not flushed after
   * `timeoutMs` (a peer that stopped reading).
   */
  send(bytes: string | Buffer, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<boolean> {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    if (this.isClosed || this.socket.destroyed || !this.socket.writable) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      const settle = (written: boolean): void => {
        clearTimeout(timer);
        this.socket.off('close', onClose);
        resolve(written);
      };
      const onClose = (): void => settle(false);
      const timer = setTimeout(() => {
        this.socket.off('close', onClose);
        reject(
          new Error(
            `a write of ${data.length} bytes was not flushed after ${timeoutMs} ms (the peer stopped reading?); ` +
              `received so far: ${showBytes(this.received)}`,
          ),
        );
      }, timeoutMs);
      this.socket.once('close', onClose);
      this.socket.write(data, (err) => settle(!err));
    });
  }

  /**
   * Waits until `condition` accepts the bytes received so far, then consumes and
   * resolves with the prefix it asked for. Rejects when the timeout passes, when the
   * peer closes before the condition holds, or when the condition throws; the
   * message names `what` and shows the bytes received.
   */
  readUntil(what: string, condition: ReadCondition, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      if (this.wake !== undefined) {
        reject(new Error(`readUntil(${what}): another read is already waiting on this connection`));
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const finish = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        this.wake = undefined;
      };
      const soFar = (): string =>
        `received so far: ${showBytes(this.received)}` +
        (this.lastError ? ` (socket error: ${this.lastError.message})` : '');
      const check = (): boolean => {
        let take: number | undefined;
        try {
          take = condition(this.received, this.isClosed);
        } catch (err) {
          finish();
          reject(new Error(`while waiting for ${what}: ${(err as Error).message}; ${soFar()}`));
          return true;
        }
        if (take !== undefined) {
          const out = this.received.subarray(0, take);
          this.received = this.received.subarray(take);
          finish();
          resolve(out);
          return true;
        }
        if (this.isClosed) {
          finish();
          reject(new Error(`connection closed while waiting for ${what}; ${soFar()}`));
          return true;
        }
        return false;
      };
      if (check()) return;
      this.wake = () => void check();
      timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${soFar()}`));
      }, timeoutMs);
    });
  }

  /** Resolves with the bytes of exactly `count` complete replies (RESP2, or RESP3 after HELLO 3). */
  readReplies(count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Buffer> {
    const what = `${count} repl${count === 1 ? 'y' : 'ies'}`;
    return this.readUntil(what, (received) => endOfReplies(received, count), timeoutMs);
  }

  /** Resolves with every byte still unread once the peer has closed the connection. */
  readUntilClosed(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Buffer> {
    return this.readUntil('the connection to close', (received, closed) => (closed ? received.length : undefined), timeoutMs);
  }

  /** Closes at once; unread bytes are dropped. */
  destroy(): void {
    this.socket.destroy();
  }
}
