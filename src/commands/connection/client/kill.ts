// CLIENT KILL: close other connections. Two forms, as in Redis:
//   CLIENT KILL ip:port                  the old form: exactly one client, +OK or
//                                        "No such client"
//   CLIENT KILL <filter value> ...       the new form: every client matching all the
//                                        filters (ID, TYPE, ADDR, LADDR, USER, SKIPME),
//                                        answered with how many were closed
// The new form skips the calling connection unless SKIPME no. When the caller does
// close itself, it still gets its reply first (closeAfterReply), as in Redis.

import { OK, integer } from '../../../protocol/frame';
import { parseLongLong } from '../../../protocol/integer';
import { CommandSpec, ReplyError, SYNTAX_ERROR } from '../../command';
import type { ClientInfo } from '../../server-state';
import { errorArgument } from '../../server/error-argument';
import { ClientType, clientType, typeOf } from './client-line';

interface Filters {
  id?: number;
  type?: ClientType;
  address?: string;
  localAddress?: string;
  skipMe: boolean;
}

type Kill = { readonly address: string } | { readonly filters: Filters };

const BAD_ID = new ReplyError('ERR client-id should be greater than 0');
const NO_SUCH_CLIENT = new ReplyError('ERR No such client');

function parse(args: readonly Buffer[]): Kill | ReplyError {
  if (args.length === 1) return { address: args[0].toString('latin1') };
  const filters: Filters = { skipMe: true };
  for (let i = 0; i < args.length; i += 2) {
    if (i + 1 >= args.length) return SYNTAX_ERROR;
    const option = args[i].toString('latin1').toLowerCase();
    const value = args[i + 1];
    switch (option) {
      case 'id': {
        const id = parseLongLong(value, 0, value.length);
        if (id === null || id <= 0) return BAD_ID;
        filters.id = id;
        break;
      }
      case 'type': {
        const type = clientType(value.toString('latin1'));
        if (type === undefined) return new ReplyError(`ERR Unknown client type '${errorArgument(value)}'`);
        filters.type = type;
        break;
      }
      case 'addr':
        filters.address = value.toString('latin1');
        break;
      case 'laddr':
        filters.localAddress = value.toString('latin1');
        break;
      case 'user':
        // The only user there is.
        if (value.toString('latin1') !== 'default') return new ReplyError(`ERR No such user '${errorArgument(value)}'`);
        break;
      case 'skipme': {
        const answer = value.toString('latin1').toLowerCase();
        if (answer !== 'yes' && answer !== 'no') return SYNTAX_ERROR;
        filters.skipMe = answer === 'yes';
        break;
      }
      default:
        return SYNTAX_ERROR;
    }
  }
  return { filters };
}

// Filters combine with AND, as in Redis; a filter not given matches everyone. A client
// is killed through its own `kill` callback (the connection destroys its socket), so
// this command never touches a socket: its input then ends, and the connection's
// normal teardown (leave every channel, drop out of CLIENT LIST) runs as always.
const matches = (client: ClientInfo, f: Filters): boolean =>
  (f.id === undefined || client.id === f.id) &&
  (f.type === undefined || typeOf(client) === f.type) &&
  (f.address === undefined || client.address === f.address) &&
  (f.localAddress === undefined || client.localAddress === f.localAddress);

export const clientKill: CommandSpec<Kill> = {
  name: 'client|kill',
  arity: -3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['@admin', '@slow', '@dangerous', '@connection'],
  summary: 'Kill the connection of a client',
  since: '2.4.0',
  group: 'connection',
  syntax:
    'ip:port | [ID client-id] [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>] [USER username] ' +
    '[ADDR ip:port] [LADDR ip:port] [SKIPME <YES | NO>]',
  parse,
  apply(kill, context) {
    const self = context.client;
    if ('address' in kill) {
      const target = [...context.server.clients.values()].find((client) => client.address === kill.address);
      if (target === undefined) return NO_SUCH_CLIENT.frame;
      if (target === self) context.closeAfterReply();
      else target.kill();
      return OK;
    }
    let killed = 0;
    // A copy of the list: killing a client may remove it from the map while we walk.
    for (const client of [...context.server.clients.values()]) {
      if (!matches(client, kill.filters)) continue;
      if (client === self) {
        if (kill.filters.skipMe) continue;
        context.closeAfterReply();
      } else {
        client.kill();
      }
      killed++;
    }
    return integer(killed);
  },
};
