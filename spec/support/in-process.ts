// Drives one client session with no socket: commands go into session() as frames and
// each call returns the one parsed reply, synchronously.
//
// Pattern: a Subject as the input side of an Observable pipeline. session() is
// synchronous for non-blocking commands (a command's apply never awaits), so the reply
// bytes are in `output` as soon as next() returns; that lets a property test or a
// uniformity test afford thousands of commands, which the socket tests cannot.
// A call that leaves anything but exactly one reply is an error, so a test cannot
// silently read a stale or partial reply.
import { Subject } from 'rxjs';
import type { Db } from '../../src/db/db';
import { session } from '../../src/server/session';
import { command } from '../../src/protocol/frame';
import type { FrameBatch } from '../../src/protocol/frames';
import { readReply, type Resp2Reply } from './resp2-reader';

/** Runs commands through session() synchronously and parses each reply (RESP2). */
export function inProcess(db: Db): (...args: string[]) => Resp2Reply {
  const input = new Subject<FrameBatch>();
  const output: Buffer[] = [];
  session(db, input).subscribe((buffers) => output.push(...buffers));
  return (...args) => {
    input.next([command(...args)]);
    const bytes = Buffer.concat(output.splice(0));
    const read = readReply(bytes);
    if (read === undefined || read.end !== bytes.length) throw new Error(`not one reply: ${bytes.toString('latin1')}`);
    return read.reply;
  };
}
