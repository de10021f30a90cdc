// What BLPOP and BRPOP share (Redis's blockingPopGenericCommand): BLPOP key [key ...]
// timeout pops from the first key, in argument order, that holds a non-empty list,
// exactly as LPOP would, and answers [key, element]. When every key is missing it
// blocks: the reply becomes an Observable (src/commands/blocking.ts) that emits once a
// push to one of the keys lets it pop, or the null array when the timeout (a float
// number of seconds, 0 = forever) runs out.
//
// Why the same code serves at once and later: `attempt` is `popWithKey` (pop.ts), the
// function the immediate path calls, run again after each command that wrote one of the
// keys, with clients served in the order they blocked. A key that holds another type by
// then is passed over and the client keeps waiting, as in Redis.
//
// The order of the checks is Redis's: the timeout is parsed first (so a bad timeout is
// an error even when a key could serve), then the keys are looked at, and a key of
// another type met before any non-empty list is WRONGTYPE.

import { NULL_ARRAY } from '../../protocol/frame';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { block, parseTimeout } from '../blocking';
import type { End } from './list-arguments';
import { firstList, popWithKey, readyList } from './pop';

export interface BlockingPop {
  readonly keys: readonly string[];
  /** Parsed when the command runs: the deadline's range check needs the clock. */
  readonly timeout: Buffer;
}

interface BlockingPopMetadata {
  readonly name: string;
  readonly end: End;
  readonly summary: string;
}

export function blockingPopCommand(metadata: BlockingPopMetadata): CommandSpec<BlockingPop> {
  const { end } = metadata;
  return {
    name: metadata.name,
    arity: -3,
    flags: ['write', 'noscript', 'blocking'],
    categories: ['@write', '@list', '@slow', '@blocking'],
    keys: { first: 1, last: -2, step: 1 },
    summary: metadata.summary,
    since: '2.0.0',
    group: 'list',
    syntax: 'key [key ...] timeout',
    keySpecs: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: -2 } }],
    parse: (args) => ({ keys: args.slice(0, -1).map(keyOf), timeout: args[args.length - 1] }),
    apply({ keys, timeout }, context) {
      const { db } = context;
      const timeoutMs = parseTimeout(timeout);
      if (timeoutMs instanceof ReplyError) return timeoutMs.frame;
      const found = firstList(db, keys);
      if (found instanceof ReplyError) return found.frame;
      if (found !== undefined) return popWithKey(db, found.key, found.list, end);
      return block(context, {
        keys,
        timeoutMs,
        timeoutReply: NULL_ARRAY,
        attempt: (woken?: string) => {
          const ready = readyList(db, keys, woken);
          return ready === undefined ? undefined : popWithKey(db, ready.key, ready.list, end);
        },
      });
    },
  };
}
