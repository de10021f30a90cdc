// BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]: LMPOP, or wait for one
// of the keys to get elements, then pop up to `count` of them and answer
// [key, [elements...]]; the null array on timeout. The arguments after the timeout are
// LMPOP's (parseMpop), checked before the timeout is; the pop is pop.ts's.

import { NULL_ARRAY } from '../../protocol/frame';
import { CommandSpec, ReplyError } from '../command';
import { block, parseTimeout } from '../blocking';
import { type Mpop, parseMpop } from './lmpop';
import { firstList, popManyWithKey, readyList } from './pop';

interface Blmpop extends Mpop {
  readonly timeout: Buffer;
}

export const blmpop: CommandSpec<Blmpop> = {
  name: 'blmpop',
  arity: -5,
  flags: ['write', 'blocking', 'movablekeys'],
  categories: ['@write', '@list', '@slow', '@blocking'],
  summary: 'Pop elements from a list, or block until one is available',
  since: '7.0.0',
  group: 'list',
  syntax: 'timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]',
  keySpecs: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 2 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } },
  ],
  parse(args) {
    const parsed = parseMpop(args.slice(1));
    if (parsed instanceof ReplyError) return parsed;
    return { ...parsed, timeout: args[0] };
  },
  apply({ keys, end, count, timeout }, context) {
    const { db } = context;
    const timeoutMs = parseTimeout(timeout);
    if (timeoutMs instanceof ReplyError) return timeoutMs.frame;
    const found = firstList(db, keys);
    if (found instanceof ReplyError) return found.frame;
    if (found !== undefined) return popManyWithKey(db, found.key, found.list, end, count);
    return block(context, {
      keys,
      timeoutMs,
      timeoutReply: NULL_ARRAY,
      attempt: (woken?: string) => {
        const ready = readyList(db, keys, woken);
        return ready === undefined ? undefined : popManyWithKey(db, ready.key, ready.list, end, count);
      },
    });
  },
};
