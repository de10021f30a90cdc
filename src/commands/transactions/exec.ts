// EXEC: runs the queued commands as one synchronous batch and answers the array of
// their replies (an error is one element; the rest still run). It answers instead
//   -EXECABORT ... when a command was refused while queueing (unknown, wrong arity...),
//   a null array   when a watched key changed or expired since WATCH (RESP3: `_`),
// and in every case ends the transaction and drops the watches.
//
// Nothing else can run between the commands, because the loop is synchronous: that is
// the atomicity. Clients blocked on keys written here are served after the whole EXEC
// (the session serves them after each top-level command, and EXEC is one), and a
// blocking command inside does not block (blocking.ts answers at once while
// `executing`).

import { Observable, forkJoin, tap } from 'rxjs';
import type { Frame } from '../../protocol/frame';
import { NULL_ARRAY } from '../../protocol/frame';
import { Answered } from '../blocking';
import { afterward } from '../afterward';
import { alreadyCounted } from '../counted-errors';
import { CommandSpec, Replies, rawArguments } from '../command';

const WITHOUT_MULTI: Frame = { type: 'error', value: 'ERR EXEC without MULTI' };
const EXECABORT: Frame = { type: 'error', value: 'EXECABORT Transaction discarded because of previous errors.' };

export const exec: CommandSpec = {
  name: 'exec',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'skip_slowlog'],
  categories: ['@slow', '@transaction'],
  summary: 'Execute all commands issued after MULTI',
  since: '1.2.0',
  group: 'transactions',
  complexity: 'Depends on commands in the transaction',
  parse: rawArguments,
  apply(_args, context) {
    const { db, transaction } = context;
    if (transaction === undefined || !transaction.active) return WITHOUT_MULTI;
    // A key watched while live and expired since counts as changed (Redis 7.0).
    if (db.watches.anyExpired(transaction.watcher)) transaction.watcher.dirty = true;
    if (transaction.aborted || transaction.watcher.dirty) {
      const reply = transaction.aborted ? EXECABORT : NULL_ARRAY;
      transaction.discard();
      return reply;
    }
    // A queued command needs what is not there yet (the Lua engine, for an EVAL): wait
    // for it, then run the whole transaction, still as one synchronous batch.
    const pending = transaction.pending();
    if (pending.length > 0) {
      // If the engine cannot load, EXEC answers the error and the transaction ends anyway.
      const loaded$ = forkJoin(pending).pipe(tap({ error: () => transaction.discard() }));
      return afterward(loaded$, () => exec.apply(_args, context));
    }
    const commands = transaction.commands();
    // Unwatch first, as Redis: the transaction's own writes need not be tracked.
    transaction.unwatch();
    const replies: Frame[] = [];
    transaction.executing = true;
    try {
      for (const command of commands) {
        let reply = command();
        if (reply instanceof Answered) reply = reply.reply;
        else if (reply instanceof Observable) reply = NEVER_WAITS;
        const frames: readonly Frame[] = Array.isArray(reply) ? (reply as readonly Frame[]) : [reply as Frame];
        // INFO errorstats counts each command's error, as if it had been answered alone.
        for (const frame of frames) if (frame.type === 'error' && !alreadyCounted(frame)) context.server.countError(frame.value);
        replies.push(...frames);
      }
    } finally {
      transaction.executing = false;
      transaction.discard();
    }
    return { type: 'array', value: replies };
  },
};

// block() answers at once inside EXEC (an Answered); any other Observable would be a
// blocking path that forgot the rule: say so, rather than hang the connection.
const NEVER_WAITS: Frame = { type: 'error', value: 'ERR blocking command could not answer inside EXEC' };
