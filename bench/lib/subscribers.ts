// Raw pub/sub subscribers for the PUBLISH fan-out benchmark: N plain TCP sockets, each
// sending `SUBSCRIBE channel` and then counting the `message` frames it receives.
//
// Why raw sockets and not a client library: the subscribers must cost as little CPU as
// possible (they share the machine with the server and redis-benchmark) and must not
// depend on the code under test. Counting is done on the bytes: every delivered message
// is the exact same RESP frame, so we count its occurrences, carrying the last few
// bytes of each chunk over to the next so a frame cut by the network still counts once.

import * as net from 'node:net';
import { HOST } from './processes';

const bulk = (s: Buffer) => Buffer.concat([Buffer.from(`$${s.length}\r\n`), s, Buffer.from('\r\n')]);

/** The bytes a server sends a subscriber for `message` published to `channel`. */
export function messageFrame(channel: string, message: string): Buffer {
  return Buffer.concat([Buffer.from('*3\r\n'), bulk(Buffer.from('message')), bulk(Buffer.from(channel)), bulk(Buffer.from(message))]);
}

export class Subscribers {
  readonly counts: number[];
  /** hrtime of the last chunk that held a message. */
  lastMessageAt = 0n;
  private readonly sockets: net.Socket[] = [];

  private constructor(n: number) {
    this.counts = new Array<number>(n).fill(0);
  }

  /** Opens `n` connections, each subscribed to `channel`; resolves once all are confirmed. */
  static async open(port: number, n: number, channel: string, message: string): Promise<Subscribers> {
    const subs = new Subscribers(n);
    const pattern = messageFrame(channel, message);
    const confirmation = Buffer.concat([Buffer.from('*3\r\n'), bulk(Buffer.from('subscribe')), bulk(Buffer.from(channel)), Buffer.from(':1\r\n')]);
    const request = Buffer.concat([Buffer.from('*2\r\n'), bulk(Buffer.from('SUBSCRIBE')), bulk(Buffer.from(channel))]);
    await Promise.all(
      Array.from({ length: n }, (_, i) => subs.openOne(port, i, request, confirmation, pattern)),
    );
    return subs;
  }

  private openOne(port: number, index: number, request: Buffer, confirmation: Buffer, pattern: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ host: HOST, port });
      this.sockets.push(socket);
      socket.setNoDelay(true);
      let confirmed = false;
      let carry: Buffer = Buffer.alloc(0);
      socket.once('error', reject);
      socket.once('connect', () => socket.write(request));
      socket.on('data', (chunk: Buffer) => {
        let buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        if (!confirmed) {
          const at = buf.indexOf(confirmation);
          if (at === -1) {
            carry = buf;
            return;
          }
          confirmed = true;
          buf = buf.subarray(at + confirmation.length);
          socket.off('error', reject);
          socket.on('error', () => undefined);
          resolve();
        }
        let count = 0;
        let from = 0;
        for (let at = buf.indexOf(pattern, from); at !== -1; at = buf.indexOf(pattern, from)) {
          count++;
          from = at + pattern.length;
        }
        if (count > 0) {
          this.counts[index] += count;
          this.lastMessageAt = process.hrtime.bigint();
        }
        // Keep what could be the start of a frame cut by the chunk boundary.
        const keepFrom = Math.max(from, buf.length - (pattern.length - 1));
        carry = Buffer.from(buf.subarray(keepFrom));
      });
    });
  }

  get total(): number {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  /**
   * Resolves once every subscriber has `expected` messages, or when no message has
   * arrived for `quietMs` (then some were lost). Returns the time (ms since `since`,
   * an hrtime) at which the last message arrived.
   */
  waitFor(expected: number, since: bigint, quietMs = 3000): Promise<number> {
    return new Promise((resolve) => {
      let lastTotal = -1;
      let lastChange = Date.now();
      const check = () => {
        const total = this.total;
        const now = Date.now();
        if (total !== lastTotal) {
          lastTotal = total;
          lastChange = now;
        }
        if (this.counts.every((c) => c >= expected) || now - lastChange > quietMs) {
          resolve(Number(this.lastMessageAt - since) / 1e6);
        } else setTimeout(check, 5);
      };
      check();
    });
  }

  close(): void {
    for (const socket of this.sockets) socket.destroy();
  }
}
