// CLIENT UNBLOCK client-id [TIMEOUT | ERROR]: ends another connection's blocking
// command (BLPOP...) at once, as if it had timed out (the default: its null reply) or
// with the error `-UNBLOCKED client unblocked via CLIENT UNBLOCK`. Answers 1 if that
// client was blocked, 0 otherwise (no such client, or not blocked).
//
// The blocked client's wait is a race (commands/blocking.ts); while it runs, its
// ClientInfo holds `unblock`, which feeds a third contender of that race. Unblocking is
// emitting into it: the race's `take(1)` tears the wait down, and the target's
// connection goes on with its next command.

import { integer } from '../../../protocol/frame';
import { parseLongLong } from '../../../protocol/integer';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, SUBCOMMAND_SYNTAX_ERROR } from '../../command';

interface Unblock {
  readonly id: number;
  readonly withError: boolean;
}

const BAD_REASON = new ReplyError('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');

export const clientUnblock: CommandSpec<Unblock> = {
  name: 'client|unblock',
  arity: -3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['@admin', '@slow', '@dangerous', '@connection'],
  summary: 'Unblock a client blocked in a blocking command from a different connection',
  since: '5.0.0',
  group: 'connection',
  syntax: 'client-id [TIMEOUT|ERROR]',
  parse(args) {
    // Redis checks the reason before the id (and more than one reason is a syntax error).
    if (args.length > 2) return SUBCOMMAND_SYNTAX_ERROR;
    let withError = false;
    if (args.length === 2) {
      const reason = args[1].toString('latin1').toLowerCase();
      if (reason === 'error') withError = true;
      else if (reason !== 'timeout') return BAD_REASON;
    }
    const id = parseLongLong(args[0], 0, args[0].length);
    if (id === null) return NOT_AN_INTEGER;
    return { id, withError };
  },
  apply({ id, withError }, { server }) {
    const target = server.clients.get(id);
    if (target?.unblock === undefined) return integer(0);
    target.unblock(withError);
    return integer(1);
  },
};
