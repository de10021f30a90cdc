// Connection: the client's edge, where a TCP socket becomes streams. It is the client's
// counterpart of the server's socket adapters, and the only client file that touches
// `net`. Everything above it (pipeline.ts, pubsub.ts) is written against two things:
//
//   replies$  Observable<FrameBatch>: the socket's bytes through `frames()`, the same
//             scan-based framing operator the server uses, here with the general RESP
//             decoder. One batch per network chunk: a burst of a thousand replies is
//             matched to its commands in one synchronous loop.
//   write()   a command, as a list of arguments, batched per event-loop turn
//             (request-writer.ts).
//
// RxJS pattern: wrapping an event emitter as an Observable. 'data' becomes `next`;
// 'close' becomes `complete` (we or the server closed the connection) or `error` (it
// broke: 'error' came first). The Observable does not own the socket: unsubscribing
// only removes the listeners; closing is an explicit `end()` or `destroy()`.

import * as net from 'node:net';
import { Observable } from 'rxjs';
import { frames, type FrameBatch } from '../protocol/frames';
import { ConnectionError } from './errors';
import { RequestWriter, type Argument } from './request-writer';

/** Where {@link connect} connects. */
export interface ConnectOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 6379. */
  readonly port?: number;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 6379;

export class Connection {
  /** Reply frames as they arrive, one batch per chunk read. Subscribe once. */
  readonly replies$: Observable<FrameBatch>;
  private readonly writer: RequestWriter;
  /** Set by the socket's 'error' event: the connection broke rather than closed. */
  private failure: ConnectionError | undefined;
  private readonly closedPromise: Promise<void>;

  /**
   * Opens a connection. Rejects with a ConnectionError naming `host:port` and the
   * system's reason, e.g. `could not connect to 127.0.0.1:6379: ECONNREFUSED`.
   */
  // Opening is the one asynchronous step with a single outcome (connected, or why not),
  // hence a Promise. The 'error' listener used while connecting is removed once
  // connected, and replaced by the permanent one in the constructor.
  static open(options: ConnectOptions = {}): Promise<Connection> {
    const host = options.host ?? DEFAULT_HOST;
    const port = options.port ?? DEFAULT_PORT;
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ host, port });
      // Requests are small and a client waits on each reply: Nagle's algorithm would
      // hold a lone GET back for up to 40 ms waiting for more bytes to send with it.
      socket.setNoDelay(true);
      const onError = (err: NodeJS.ErrnoException): void => {
        socket.destroy();
        const reason = err.code ?? err.message;
        reject(new ConnectionError(`could not connect to ${host}:${port}: ${reason}`, err.code));
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        socket.off('error', onError);
        resolve(new Connection(socket, `${host}:${port}`));
      });
    });
  }

  private constructor(
    private readonly socket: net.Socket,
    /** `host:port`, for error messages. */
    readonly address: string,
  ) {
    this.writer = new RequestWriter(socket);
    // A permanent 'error' listener: without one, an ECONNRESET would crash the process.
    // The error is remembered and reported when 'close' follows (it always does).
    socket.on('error', (err: NodeJS.ErrnoException) => {
      this.failure ??= new ConnectionError(`connection to ${address} lost: ${err.code ?? err.message}`, err.code);
    });
    this.closedPromise = new Promise((resolve) => socket.once('close', () => resolve()));

    // The socket's bytes as a stream, built once per connection. Pipeline and
    // SubscriberConnection subscribe to `replies$` exactly once, so this Observable
    // needs no sharing; making it cold keeps the listeners off the socket until then.
    const chunks$ = new Observable<Buffer>((subscriber) => {
      const onData = (chunk: Buffer): void => subscriber.next(chunk);
      const onClose = (): void => {
        if (this.failure) subscriber.error(this.failure);
        else subscriber.complete();
      };
      socket.on('data', onData);
      socket.on('close', onClose);
      if (socket.destroyed) onClose();
      return () => {
        socket.off('data', onData);
        socket.off('close', onClose);
      };
    });
    // The same framing operator as the server's (lesson 04), with the general RESP
    // decoder: a client reads replies, whose grammar is all of RESP, not requests.
    this.replies$ = chunks$.pipe(frames());
  }

  /** True once the socket is closed or closing: nothing more can be written. */
  get closed(): boolean {
    return this.socket.destroyed || !this.socket.writable;
  }

  /** Queues a command; it is sent with the others written in this event-loop turn. */
  write(args: readonly Argument[]): void {
    this.writer.write(args);
  }

  /** Sends what is queued, then closes our side; the socket closes when the server's does. */
  // end() versus destroy(): end() is polite (queued requests still go out, the server
  // answers them and closes its side), destroy() is for a stream that can no longer be
  // trusted (an unparseable reply) or a client that must stop now.
  end(): void {
    this.writer.flush();
    this.socket.end();
  }

  /** Closes at once. What is queued is dropped. */
  destroy(): void {
    this.socket.destroy();
  }

  /** Resolves once the socket is fully closed. */
  whenClosed(): Promise<void> {
    return this.closedPromise;
  }
}
