// Plays one corpus case against one server and records a transcript: per step, the
// bytes written and the bytes each connection received, and the closes. Two
// transcripts (Redis's and ours) are then compared byte for byte.
//
// Two details make the comparison meaningful rather than lucky:
//
// - A barrier decides chunk boundaries. After a write that expects no reply yet
//   (the first half of a split command, or each single byte in split mode), the
//   runner does a PING round trip on a separate connection to the same server.
//   Both servers read every ready socket in one event-loop turn before writing the
//   turn's replies, so when the PONG is back the earlier bytes have been read as a
//   chunk of their own: the next write really arrives separately, with no sleeping.
//
// - A trailer catches extra bytes. At the end, every connection still open sends a
//   PING and reads up to its PONG (plain, or the subscribed-mode array form), or
//   until it closes. Anything the server sent that the steps did not wait for (a
//   message delivered twice, a reply too many) shows up there.
//
// Replies are read as RESP3 (a superset of RESP2), so a case can switch with HELLO 3
// and compare RESP3 bytes. HELLO's reply carries the connection's id, which the two
// servers number differently; it is the one value masked before comparing.
import { RawConnection, showBytes, type Endpoint } from '../support/raw-connection';
import { readReply, renderReply, type Resp3Reply } from '../support/resp3-reader';
import type { Case, Expectation } from './corpus';

export interface RunOptions {
  /** Write every step one byte at a time, each byte its own chunk. */
  readonly bytewise: boolean;
  /**
   * Throw on the first failed wait. Used for Redis: there a failure is a bug in the
   * corpus or the harness. For our server a failure is a finding: it is recorded in
   * the transcript and shown next to what Redis did.
   */
  readonly strict: boolean;
  readonly timeoutMs: number;
}

export type EntryKind = 'sent' | 'received' | 'received, channel order ignored' | 'closed' | 'trailer' | 'failed';

export interface Entry {
  readonly conn: string;
  readonly kind: EntryKind;
  readonly bytes: Buffer;
}

export type Transcript = readonly Entry[];

/** A server under test: where to connect, plus the barrier connection. */
export class Target {
  private barrierConnection: RawConnection | undefined;

  constructor(
    readonly label: string,
    readonly endpoint: Endpoint,
    readonly timeoutMs: number,
  ) {}

  connect(): Promise<RawConnection> {
    return RawConnection.connect(this.endpoint, this.timeoutMs);
  }

  /** Returns once the server has read everything written to it before the call. */
  async barrier(): Promise<void> {
    this.barrierConnection ??= await this.connect();
    await this.barrierConnection.send('PING\r\n', this.timeoutMs);
    const pong = await this.barrierConnection.readReplies(1, this.timeoutMs);
    if (pong.toString('latin1') !== '+PONG\r\n') {
      throw new Error(`${this.label}: barrier PING answered ${showBytes(pong)}`);
    }
  }

  close(): void {
    this.barrierConnection?.destroy();
    this.barrierConnection = undefined;
  }
}

export async function runCase(target: Target, c: Case, options: RunOptions): Promise<Transcript> {
  const transcript: Entry[] = [];
  const connections = new Map<string, RawConnection>();
  const closedAsExpected = new Set<string>();
  const record = (conn: string, kind: EntryKind, bytes: Buffer | string): void => {
    transcript.push({ conn, kind, bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes });
  };
  const open = async (name: string): Promise<RawConnection> => {
    let conn = connections.get(name);
    if (conn === undefined) {
      conn = await target.connect();
      connections.set(name, conn);
    }
    return conn;
  };

  try {
    for (const step of c.steps) {
      // Every connection a step reads from must exist before the write.
      for (const e of step.expect) {
        if (!connections.has(e.conn) && e.conn !== step.conn) {
          throw new Error(`corpus: case ${c.name} waits on connection "${e.conn}" before using it`);
        }
      }
      const conn = await open(step.conn);
      record(step.conn, 'sent', step.send);
      const bytes = Buffer.from(step.send, 'latin1');
      if (options.bytewise) {
        for (let i = 0; i < bytes.length; i++) {
          // A closed connection takes no more bytes: the rest are what the server
          // would have ignored anyway, and the reads below still compare the replies.
          if (!(await conn.send(bytes.subarray(i, i + 1), options.timeoutMs))) break;
          await target.barrier();
        }
      } else {
        await conn.send(bytes, options.timeoutMs);
        if (step.expect.length === 0) await target.barrier();
      }
      for (const e of step.expect) {
        await readExpectation(connections.get(e.conn)!, e, options, record);
        if (e.close) closedAsExpected.add(e.conn);
      }
    }
    for (const [name, conn] of connections) {
      if (closedAsExpected.has(name)) continue;
      const { bytes, closed } = await readTrailer(conn, options.timeoutMs);
      record(name, 'trailer', bytes);
      if (closed) record(name, 'closed', '');
    }
  } catch (err) {
    if (options.strict) throw new Error(`${target.label}, case ${c.name}: ${(err as Error).message}`);
    record('*', 'failed', (err as Error).message);
  } finally {
    for (const conn of connections.values()) conn.destroy();
  }
  return transcript;
}

async function readExpectation(
  conn: RawConnection,
  e: Expectation,
  options: RunOptions,
  record: (conn: string, kind: EntryKind, bytes: Buffer | string) => void,
): Promise<void> {
  if (e.close) {
    record(e.conn, 'received', await conn.readUntilClosed(options.timeoutMs));
    record(e.conn, 'closed', '');
    return;
  }
  const count = e.replies ?? 0;
  const bytes = maskHelloIds(await conn.readReplies(count, options.timeoutMs), count);
  if (e.unorderedChannels) record(e.conn, 'received, channel order ignored', channelOrderIgnored(bytes, count));
  else record(e.conn, 'received', bytes);
}

/**
 * (Un)subscribe confirmations are [kind, channel, count]: keep the counts in order,
 * sort the (kind, channel) pairs. Anything else is kept whole, so it still differs.
 */
function channelOrderIgnored(bytes: Buffer, count: number): string {
  const pairs: string[] = [];
  const counts: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const read = readReply(bytes, at)!;
    at = read.end;
    const items = read.reply.kind === 'array' || read.reply.kind === 'push' ? read.reply.items : null;
    if (items !== null && items.length === 3 && items[2].kind === 'integer') {
      pairs.push(renderReply({ kind: 'array', items: items.slice(0, 2) }));
      counts.push(`:${items[2].value}`);
    } else {
      pairs.push(renderReply(read.reply));
    }
  }
  return `pairs ${pairs.sort().join(' ')}; counts ${counts.join(' ')}`;
}

/**
 * HELLO answers {server, version, proto, id, ...}: a map in RESP3, a flat array in
 * RESP2. The id is the connection's number on that server; `:<id>` replaces it.
 */
function maskHelloIds(bytes: Buffer, count: number): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const read = readReply(bytes, at)!;
    const reply = bytes.subarray(at, read.end);
    const first = read.reply.kind === 'map' ? read.reply.entries[0]?.[0] : read.reply.kind === 'array' ? read.reply.items?.[0] : undefined;
    const isHello = first?.kind === 'bulk' && first.bytes?.toString('latin1') === 'server';
    parts.push(isHello ? Buffer.from(reply.toString('latin1').replace(/(\$2\r\nid\r\n):[0-9]+\r\n/, '$1:<id>\r\n'), 'latin1') : reply);
    at = read.end;
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts);
}

const PONG: Resp3Reply[] = [
  { kind: 'simple', text: 'PONG' },
  { kind: 'array', items: [{ kind: 'bulk', bytes: Buffer.from('pong') }, { kind: 'bulk', bytes: Buffer.alloc(0) }] },
];

function isPong(reply: Resp3Reply): boolean {
  return PONG.some((pong) => renderReply(pong) === renderReply(reply));
}

/** Sends PING and reads up to and including its PONG, or until the server closes. */
async function readTrailer(conn: RawConnection, timeoutMs: number): Promise<{ bytes: Buffer; closed: boolean }> {
  if (!conn.closed) await conn.send('PING\r\n', timeoutMs);
  let closed = false;
  const bytes = await conn.readUntil(
    'the trailer PING to be answered with PONG (or the connection to close)',
    (received, isClosed) => {
      let at = 0;
      for (;;) {
        const read = readReply(received, at);
        if (read === undefined) break;
        at = read.end;
        if (isPong(read.reply)) return at;
      }
      if (isClosed) {
        closed = true;
        return received.length;
      }
      return undefined;
    },
    timeoutMs,
  );
  return { bytes, closed };
}

// ---------------------------------------------------------------------------
// Comparison

function sameEntry(a: Entry, b: Entry): boolean {
  return a.conn === b.conn && a.kind === b.kind && a.bytes.equals(b.bytes);
}

/** '' when both transcripts are the same, byte for byte; otherwise a readable report. */
export function compareTranscripts(c: Case, redis: Transcript, ours: Transcript): string {
  const length = Math.max(redis.length, ours.length);
  let first = -1;
  for (let i = 0; i < length; i++) {
    const a = redis[i];
    const b = ours[i];
    if (a === undefined || b === undefined || !sameEntry(a, b)) {
      first = i;
      break;
    }
  }
  if (first < 0) return '';

  const lines = [`case ${c.name}: our server's bytes differ from redis-server's at entry ${first + 1}`];
  const a = redis[first];
  const b = ours[first];
  if (a !== undefined && b !== undefined && a.conn === b.conn && a.kind === b.kind) {
    const at = firstDifferentByte(a.bytes, b.bytes);
    lines.push(
      `first different byte: offset ${at} (redis ${a.bytes.length} bytes, ours ${b.bytes.length} bytes)`,
      `  redis: ${showBytes(window(a.bytes, at))}`,
      `  ours:  ${showBytes(window(b.bytes, at))}`,
    );
  }
  lines.push('', '--- redis-server (expected)', ...render(redis, first), '', '+++ our server (received)', ...render(ours, first));
  return lines.join('\n');
}

function render(t: Transcript, mark: number): string[] {
  return t.map((entry, i) => {
    const flag = i === mark ? '>>' : '  ';
    const arrow = entry.kind === 'sent' ? '->' : '<-';
    switch (entry.kind) {
      case 'closed':
        return `${flag} ${entry.conn} closed by the server`;
      case 'failed':
        return `${flag} FAILED: ${entry.bytes.toString('latin1')}`;
      default:
        return `${flag} ${entry.conn} ${arrow} ${entry.kind === 'sent' ? '' : `(${entry.kind}) `}${showBytes(entry.bytes, 400)}`;
    }
  });
}

function firstDifferentByte(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** A few bytes around `at`, so a difference deep inside a long value is visible. */
function window(bytes: Buffer, at: number): Buffer {
  return bytes.subarray(Math.max(0, at - 40), at + 80);
}
