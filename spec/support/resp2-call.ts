// Sends commands to a server over a RawConnection and parses the replies: the request
// encoding and the "N commands in, N replies out" loop that the command specs which
// talk to a live server (ours or redis-server) all need.
//
// Pattern: a pipeline. Every command of a batch goes out in one write and we wait for
// exactly as many complete replies (RawConnection.readReplies counts them with the
// RESP2 reader), so a test never sleeps and never races a half-arrived reply. `call`
// is the one-command case of the same thing, so there is a single read path.
//
// The reader is the test suite's own (resp2-reader.ts), not the server's decoder: the
// oracle side must not depend on the code under test.
import type { RawConnection } from './raw-connection';
import { readReply, type Resp2Reply } from './resp2-reader';

/** How long a batch may take to answer; generous, since a failing test only waits this long once. */
const REPLY_TIMEOUT_MS = 10_000;

/** A RESP2 request, as bytes (latin1 strings: one char per byte). */
export const request = (...args: readonly string[]): string =>
  `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a, 'latin1')}\r\n${a}\r\n`).join('')}`;

/** Sends commands in one write (a pipeline) and parses their replies, in order. */
export async function pipeline(conn: RawConnection, commands: readonly (readonly string[])[]): Promise<Resp2Reply[]> {
  if (commands.length === 0) return [];
  await conn.send(commands.map((c) => request(...c)).join(''));
  const bytes = await conn.readReplies(commands.length, REPLY_TIMEOUT_MS);
  const replies: Resp2Reply[] = [];
  for (let at = 0; at < bytes.length; ) {
    const read = readReply(bytes, at)!;
    replies.push(read.reply);
    at = read.end;
  }
  return replies;
}

/** One command, one parsed reply. */
export const call = async (conn: RawConnection, ...args: string[]): Promise<Resp2Reply> => (await pipeline(conn, [args]))[0];
