// A transparent TCP proxy that records every byte between a client and a server.
//
// The compatibility suite drives real clients (ioredis, node-redis), and when one of
// them fails against our server, the failure it reports ("Connection is closed", a
// timeout, a wrong-shaped reply) rarely says which command went wrong. The wire does:
// with the client connected through this proxy, a failing test can print what the
// client sent and what the server answered, byte for byte. The proxy changes nothing
// the client sees except the port number.
import * as net from 'node:net';
import { decode } from '../../src/protocol/decode';
import type { Frame } from '../../src/protocol/frame';
import { showBytes } from './raw-connection';

/** One command a client sent and the reply it got (undefined: none yet). */
export interface Exchange {
  /** The command's arguments as text, e.g. ['CLIENT', 'SETINFO', 'LIB-NAME', 'ioredis']. */
  readonly command: readonly string[];
  readonly reply: Frame | undefined;
}

/** What one connection said since a mark, decoded. */
export interface Conversation {
  readonly connection: number;
  readonly exchanges: readonly Exchange[];
  /** RESP3 pushes (pub/sub messages, subscription confirmations), in order. */
  readonly pushes: readonly Frame[];
}

interface Chunk {
  readonly connection: number;
  readonly from: 'client' | 'server';
  readonly bytes: Buffer;
}

const SHOWN_PER_CHUNK = 400;
const SHOWN_IN_ALL = 12_000;

export class RecordingProxy {
  private readonly chunks: Chunk[] = [];
  private readonly sockets = new Set<net.Socket>();
  private connections = 0;

  private constructor(
    private readonly listener: net.Server,
    readonly host: string,
    readonly port: number,
  ) {}

  /** Listens on an ephemeral port of 127.0.0.1 and forwards each connection to host:port. */
  static start(targetHost: string, targetPort: number): Promise<RecordingProxy> {
    return new Promise((resolve, reject) => {
      let proxy: RecordingProxy | undefined;
      const listener = net.createServer((client) => proxy?.relay(client, targetHost, targetPort));
      listener.once('error', reject);
      listener.listen(0, '127.0.0.1', () => {
        proxy = new RecordingProxy(listener, '127.0.0.1', (listener.address() as net.AddressInfo).port);
        resolve(proxy);
      });
    });
  }

  /** A position in the recording, for transcriptSince(). */
  mark(): number {
    return this.chunks.length;
  }

  /**
   * What crossed the proxy since `mark`, one line per burst of bytes in one direction:
   * `#2 client> "*1\r\n$4\r\nPING\r\n"` then `#2 server< "+PONG\r\n"`.
   */
  transcriptSince(mark: number): string {
    const lines: string[] = [];
    let current: { connection: number; from: string; bytes: Buffer[] } | undefined;
    const flush = (): void => {
      if (current === undefined) return;
      const arrow = current.from === 'client' ? 'client>' : 'server<';
      lines.push(`#${current.connection} ${arrow} ${showBytes(Buffer.concat(current.bytes), SHOWN_PER_CHUNK)}`);
    };
    for (const chunk of this.chunks.slice(mark)) {
      if (current !== undefined && current.connection === chunk.connection && current.from === chunk.from) {
        current.bytes.push(chunk.bytes);
        continue;
      }
      flush();
      current = { connection: chunk.connection, from: chunk.from, bytes: [chunk.bytes] };
    }
    flush();
    let text = lines.join('\n');
    if (text.length > SHOWN_IN_ALL) text = `${text.slice(0, SHOWN_IN_ALL)}\n... (${text.length} characters in all)`;
    return text === '' ? '(nothing crossed the wire)' : text;
  }

  /**
   * Each connection's traffic since `mark`, decoded and paired: the n-th command with
   * the n-th reply that is not a push. (A RESP2 subscriber's messages are replies in
   * this pairing; the tests that read conversations look at handshakes, before any.)
   */
  conversations(mark: number): Conversation[] {
    const byConnection = new Map<number, { client: Buffer[]; server: Buffer[] }>();
    for (const chunk of this.chunks.slice(mark)) {
      let both = byConnection.get(chunk.connection);
      if (both === undefined) byConnection.set(chunk.connection, (both = { client: [], server: [] }));
      both[chunk.from].push(chunk.bytes);
    }
    return [...byConnection].map(([connection, both]) => {
      const commands = decodeAll(Buffer.concat(both.client));
      const frames = decodeAll(Buffer.concat(both.server));
      const replies = frames.filter((frame) => frame.type !== 'push');
      return {
        connection,
        exchanges: commands.map((command, i) => ({ command: textOf(command), reply: replies[i] })),
        pushes: frames.filter((frame) => frame.type === 'push'),
      };
    });
  }

  /** Closes the listener and every relayed connection. */
  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.listener.close(() => resolve()));
  }

  private relay(client: net.Socket, host: string, port: number): void {
    const connection = ++this.connections;
    const server = net.connect(port, host);
    for (const socket of [client, server]) {
      this.sockets.add(socket);
      socket.setNoDelay(true);
      // Either side closing (or failing) closes the other, as a direct connection would.
      socket.on('error', () => undefined);
      socket.once('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        server.destroy();
      });
    }
    client.on('data', (bytes: Buffer) => {
      this.chunks.push({ connection, from: 'client', bytes });
      server.write(bytes);
    });
    server.on('data', (bytes: Buffer) => {
      this.chunks.push({ connection, from: 'server', bytes });
      client.write(bytes);
    });
    client.on('end', () => server.end());
    server.on('end', () => client.end());
  }
}

/** Every complete frame in `bytes` (a cut-off last frame is left out). */
function decodeAll(bytes: Buffer): Frame[] {
  const frames: Frame[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const step = decode(bytes, offset);
    if (step.kind !== 'frame') break;
    if (step.frame !== null) frames.push(step.frame);
    offset = step.end;
  }
  return frames;
}

function textOf(command: Frame): string[] {
  if (command.type !== 'array') return [`(not a command: ${command.type})`];
  return command.value.map((arg) => (arg.type === 'bulk' ? arg.value.toString('latin1') : `(${arg.type})`));
}

/** A plain JS value for a frame, so tests can compare replies with toEqual. */
export type Plain = string | number | bigint | boolean | null | { error: string } | Plain[] | { [key: string]: Plain };

/**
 * A frame as a plain value: strings for simple, bulk and verbatim strings (latin1),
 * numbers for integers and doubles, arrays for arrays, sets and pushes, objects for
 * maps (keys in their order), `{ error }` for errors, null for both nulls.
 */
export function plain(frame: Frame): Plain {
  switch (frame.type) {
    case 'simple':
      return frame.value;
    case 'error':
      return { error: frame.value };
    case 'integer':
    case 'double':
    case 'boolean':
      return frame.value;
    case 'bulk':
    case 'verbatim':
      return frame.value.toString('latin1');
    case 'latin1':
    case 'bigNumber':
      return frame.value;
    case 'null':
    case 'nullArray':
      return null;
    case 'array':
    case 'set':
    case 'push':
      return frame.value.map(plain);
    case 'map': {
      const object: { [key: string]: Plain } = {};
      for (const [key, value] of frame.value) object[String(plain(key))] = plain(value);
      return object;
    }
  }
}
