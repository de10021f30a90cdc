// The test doubles the lessons use, in one place so that each lesson can stay a story.
//
// The lessons drive the project's REAL code (listen, server, session, frames, writeTo,
// Pipeline, PubSub...). What they replace is only the outside world at the edges:
//
// - FakeSocket      a net.Socket as the server sees one: bytes arrive (`receive`), the
//                   peer hangs up (`hangUp`), writes are recorded and can be refused
//                   (`full`, the way a real socket says its buffer is full).
// - FakeNetServer   a net.Server that "accepts" the FakeSockets a test hands it.
// - FakeConnection  the client's Connection (src/client/connection.ts): replies come
//                   from an Observable the test controls, requests are recorded.
// - Peer, Wiretap   real TCP: a raw client that waits on bytes (never on the clock),
//                   and a proxy that shows the bytes a client really sends.
//
// Every wait has a timeout that says what it was waiting for; none of them sleeps.

import { EventEmitter } from 'node:events';
import * as net from 'node:net';
// The module object itself (not a namespace copy), the one listen.ts calls into.
import netModule from 'node:net';
import { BehaviorSubject, Observable, Subject, filter, firstValueFrom, from, timeout } from 'rxjs';
import { startServer, type RunningServer } from '../../src/server/run';
// The lessons' TestScheduler is the suite's own: it compares with Jest's toEqual.
export { newTestScheduler as newScheduler } from '../../spec/support/marbles';

/** How long a lesson waits for something that should take microseconds. */
export const WAIT_MS = 3000;

/** Waits until `text$` satisfies `condition`, or fails saying what it waited for. */
function waitOn(text$: BehaviorSubject<string>, condition: (text: string) => boolean, what: string): Promise<string> {
  return firstValueFrom(
    text$.pipe(
      filter(condition),
      timeout({
        first: WAIT_MS,
        with: () => {
          throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}; got ${JSON.stringify(text$.value)}`);
        },
      }),
    ),
  );
}

/** `promise`, or an error saying what was awaited if it takes longer than WAIT_MS. */
export function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return firstValueFrom(
    from(promise).pipe(
      timeout({
        first: WAIT_MS,
        with: () => {
          throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
        },
      }),
    ),
  );
}

/** Counts the occurrences of `needle` in `text`. */
export const count = (text: string, needle: string): number => text.split(needle).length - 1;

/** A command as a client puts it on the wire (RESP multibulk), as text. */
export const resp = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

// ---------------------------------------------------------------------------
// Server side: a socket and a listener, without a network

/**
 * A net.Socket as the server uses one. Like a real socket accepted with
 * `pauseOnConnect`, it starts paused, and bytes that arrive while it is paused wait in
 * the "kernel" (`unread`) until it is resumed: that is what lets lesson 06 show that a
 * connection beyond the limit is accepted but not read.
 */
export class FakeSocket extends EventEmitter {
  readonly remoteAddress = '127.0.0.1'; // loopback: protected mode lets it in
  readonly remotePort: number;
  readonly localAddress = '127.0.0.1';
  readonly localPort = 6379;
  /** Every call the server made on the socket, in order: `write`, `pause`, `resume`, `end`, `destroy`. */
  readonly calls: string[] = [];
  /** The bytes written by the server, one entry per write() call. */
  readonly writes: Buffer[] = [];
  /** While true, write() answers false: "the buffer is full, wait for 'drain'". */
  full = false;
  /** If false, end() leaves the socket open until the test calls `closed()`. */
  closeOnEnd = true;
  /** Bytes the "kernel" has not sent yet; a test raises it to play a slow reader. */
  writableLength = 0;
  isPaused = true;
  destroyed = false;
  closed = false;
  writableEnded = false;
  private unread: Buffer[] = [];

  /** `clock` stamps each call with a time (a TestScheduler's `now`), for marble lessons. */
  constructor(
    private readonly clock?: () => number,
    port = 50000,
  ) {
    super();
    this.remotePort = port;
  }

  private record(call: string): void {
    this.calls.push(this.clock === undefined ? call : `${this.clock()} ${call}`);
  }

  /** Everything written so far, as text. */
  get output(): string {
    return Buffer.concat(this.writes).toString('latin1');
  }

  // ---- what the peer does ----

  /** The peer sends bytes: delivered now if the socket is flowing, else kept unread. */
  receive(bytes: string | Buffer): void {
    const chunk = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    if (this.isPaused) this.unread.push(chunk);
    else this.emit('data', chunk);
  }

  /** The peer closes its side: 'end', as a real socket emits it. */
  hangUp(): void {
    this.emit('end');
  }

  /** The kernel buffer has room again. */
  drain(): void {
    this.full = false;
    this.writableLength = 0;
    this.emit('drain');
  }

  /** Completes a close that end() left pending (closeOnEnd = false). */
  finishClosing(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
  }

  // ---- what the server calls ----

  write(chunk: Buffer | string): boolean {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.from(chunk);
    this.writes.push(bytes);
    this.record('write');
    // A full socket keeps what it cannot send yet: that is its writableLength.
    if (this.full) this.writableLength += bytes.length;
    return !this.full;
  }

  cork(): void {}
  uncork(): void {}
  setTimeout(): this {
    return this;
  }

  get bytesWritten(): number {
    return this.writes.reduce((total, chunk) => total + chunk.length, 0);
  }

  pause(): this {
    this.isPaused = true;
    this.record('pause');
    return this;
  }

  resume(): this {
    this.isPaused = false;
    this.record('resume');
    const unread = this.unread;
    this.unread = [];
    for (const chunk of unread) this.emit('data', chunk);
    return this;
  }

  end(data?: string | Buffer | (() => void), callback?: () => void): this {
    if (typeof data === 'function') callback = data;
    else if (data !== undefined) this.write(data);
    this.writableEnded = true;
    this.record('end');
    if (this.closeOnEnd) this.finishClosing();
    callback?.();
    return this;
  }

  destroy(): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.record('destroy');
    this.finishClosing();
    return this;
  }
}

/** A net.Server that accepts whatever FakeSockets the test hands to `accept`. */
export class FakeNetServer extends EventEmitter {
  listening = false;
  /** When close() was called (by the clock given), or undefined. */
  closedAt: number | undefined;

  constructor(
    private readonly clock: () => number = () => 0,
    private readonly port = 6379,
  ) {
    super();
  }

  /** If true, listen() waits for the test to call `bound()` (to show errors before listening). */
  deferListening = false;
  private onBound: (() => void) | undefined;

  listen(_port: number, _host: string, callback: () => void): this {
    this.onBound = callback;
    if (!this.deferListening) this.bound();
    return this;
  }

  /** The port is bound: the listening callback runs (a real server runs it asynchronously). */
  bound(): void {
    this.listening = true;
    this.onBound?.();
  }

  address(): net.AddressInfo {
    return { port: this.port, address: '127.0.0.1', family: 'IPv4' };
  }

  close(): this {
    this.listening = false;
    this.closedAt = this.clock();
    return this;
  }

  /** A client connects. */
  accept(socket: FakeSocket): void {
    this.emit('connection', socket);
  }
}

// ---------------------------------------------------------------------------
// Client side: the Connection that Pipeline and PubSub are written against

/** What src/client/connection.ts offers, replaced by values a test controls. */
export interface FakeConnection {
  readonly address: string;
  /** The reply batches; the test pushes into it (or pipes marbles into it). */
  readonly replies$: Observable<ReadonlyArray<unknown>>;
  readonly closed: boolean;
  write(args: readonly (string | Buffer)[]): void;
  end(): void;
  destroy(): void;
  whenClosed(): Promise<void>;
}

/**
 * A fake client Connection. Requests are recorded in `written` as `"<time> ARGS"` when a
 * clock is given (`scheduler.now()` inside a marble test), else as `"ARGS"`.
 */
export function fakeConnection(
  replies$: Observable<ReadonlyArray<unknown>>,
  written: string[],
  clock?: () => number,
): FakeConnection & { readonly ended: boolean } {
  let ended = false;
  let resolveClosed!: () => void;
  const closedPromise = new Promise<void>((resolve) => (resolveClosed = resolve));
  const finish = (): void => {
    if (ended) return;
    ended = true;
    resolveClosed();
    if (replies$ instanceof Subject) replies$.complete();
  };
  return {
    address: 'fake:6379',
    replies$,
    get closed() {
      return ended;
    },
    get ended() {
      return ended;
    },
    write: (args) => {
      const text = args.map((arg) => arg.toString()).join(' ');
      written.push(clock === undefined ? text : `${clock()} ${text}`);
    },
    end: finish,
    destroy: finish,
    whenClosed: () => closedPromise,
  };
}

// ---------------------------------------------------------------------------
// Real TCP

/** A raw TCP client: sends exact bytes, and waits for bytes, never for time. */
export class Peer {
  private readonly received$ = new BehaviorSubject('');
  /** Resolves when the server has closed the connection. */
  readonly closed: Promise<void>;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => this.received$.next(this.received$.value + chunk.toString('latin1')));
    socket.on('error', () => undefined); // a reset shows up as the close that follows
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static connect(port: number): Promise<Peer> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ port, host: '127.0.0.1' });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new Peer(socket));
      });
    });
  }

  /** Everything received so far, as text. */
  get received(): string {
    return this.received$.value;
  }

  send(bytes: string): void {
    this.socket.write(Buffer.from(bytes, 'latin1'));
  }

  /** Resolves once the received text contains `text` (`times` times). */
  waitFor(text: string, times = 1): Promise<string> {
    return waitOn(this.received$, (received) => count(received, text) >= times, `${times} x ${JSON.stringify(text)}`);
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/**
 * A TCP proxy in front of a server, recording what clients send (`requests`) and what
 * the server answers (`replies`), so a lesson can show the bytes a client library puts
 * on the wire: SUBSCRIBE, UNSUBSCRIBE, how many commands per chunk.
 */
export class Wiretap {
  private readonly requests$ = new BehaviorSubject('');
  private readonly replies$ = new BehaviorSubject('');
  /** How many chunks (reads) arrived from clients. */
  chunksFromClients = 0;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static start(targetPort: number): Promise<Wiretap> {
    return new Promise((resolve) => {
      let tap: Wiretap; // assigned once listening, before any client can connect
      const server = net.createServer((client) => {
        const upstream = net.createConnection({ port: targetPort, host: '127.0.0.1' });
        for (const socket of [client, upstream]) {
          tap.sockets.add(socket);
          socket.on('error', () => undefined);
          socket.once('close', () => tap.sockets.delete(socket));
        }
        client.on('data', (chunk: Buffer) => {
          tap.chunksFromClients++;
          tap.requests$.next(tap.requests$.value + chunk.toString('latin1'));
          upstream.write(chunk);
        });
        upstream.on('data', (chunk: Buffer) => {
          tap.replies$.next(tap.replies$.value + chunk.toString('latin1'));
          client.write(chunk);
        });
        client.once('close', () => upstream.end());
        upstream.once('close', () => client.end());
      });
      server.listen(0, '127.0.0.1', () => {
        tap = new Wiretap(server, (server.address() as net.AddressInfo).port);
        resolve(tap);
      });
    });
  }

  /** Every byte clients sent so far, as text. */
  get requests(): string {
    return this.requests$.value;
  }

  /** Every byte the server answered so far, as text. */
  get replies(): string {
    return this.replies$.value;
  }

  /** Resolves once clients have sent `text` (`times` times). */
  waitForRequest(text: string, times = 1): Promise<string> {
    return waitOn(this.requests$, (sent) => count(sent, text) >= times, `a client to send ${times} x ${JSON.stringify(text)}`);
  }

  /** Resolves once the server has answered `text` (`times` times). */
  waitForReply(text: string, times = 1): Promise<string> {
    return waitOn(this.replies$, (got) => count(got, text) >= times, `the server to send ${times} x ${JSON.stringify(text)}`);
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Starts a real server on an ephemeral port with a Wiretap in front of it for the
 * enclosing `describe` (beforeAll / afterAll), so a lesson can watch the bytes a real
 * client sends. Read `.server` and `.tap` inside the tests.
 */
export function useServerBehindWiretap(): { readonly server: RunningServer; readonly tap: Wiretap } {
  let server: RunningServer | undefined;
  let tap: Wiretap | undefined;
  beforeAll(async () => {
    server = await startServer({ port: 0 });
    tap = await Wiretap.start(server.port);
  });
  afterAll(async () => {
    await tap?.close();
    await server?.close();
  });
  return {
    get server(): RunningServer {
      if (server === undefined) throw new Error('the server starts in beforeAll');
      return server;
    },
    get tap(): Wiretap {
      if (tap === undefined) throw new Error('the wiretap starts in beforeAll');
      return tap;
    },
  };
}

/**
 * Makes listen()'s `net.createServer` return a fake listener, so a lesson can run the
 * real server() on virtual time. Undo it with `jest.restoreAllMocks()` (afterEach).
 */
export function useFakeListener(fake: FakeNetServer): void {
  jest.spyOn(netModule, 'createServer').mockReturnValue(fake as unknown as net.Server);
}
