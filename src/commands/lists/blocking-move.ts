// What BLMOVE and BRPOPLPUSH share (Redis's blmoveGenericCommand): LMOVE when the
// source holds a list; when it is missing, wait until a push lets the move happen, or
// the timeout runs out (the null array, as for every blocked list command, even though
// the immediate "nothing to move" of LMOVE is a null bulk).
//
// Only the source is looked at before blocking: a destination of another type is found
// out when the move is attempted, at once or later; a client blocked that way is then
// answered WRONGTYPE and stops waiting, and nothing moves (serveClientBlockedOnList).
// The move itself is `move` in pop.ts, shared with LMOVE.

import { type Frame, NULL, NULL_ARRAY } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { type ConnectionContext, ReplyError, type Replies } from '../command';
import { block, parseTimeout } from '../blocking';
import { readAs, writeAs } from '../typed-value';
import type { Lmove } from './lmove';
import { move } from './pop';

export function blockingMove({ source, destination, from, to }: Lmove, timeout: Buffer, context: ConnectionContext): Frame | ReturnType<typeof block> {
  const { db } = context;
  const timeoutMs = parseTimeout(timeout);
  if (timeoutMs instanceof ReplyError) return timeoutMs.frame;
  const list = writeAs(db, source, RedisList, false);
  if (list instanceof ReplyError) return list.frame;
  if (list !== undefined) return move(db, source, list, destination, from, to);
  return block(context, {
    keys: [source],
    timeoutMs,
    timeoutReply: NULL_ARRAY,
    deniedReply: NULL,
    attempt: (): Replies | undefined => {
      const ready = readAs(db, source, RedisList);
      if (!(ready instanceof RedisList) || ready.size === 0) return undefined;
      return move(db, source, ready, destination, from, to);
    },
  });
}
