// CLIENT LIST [TYPE normal|master|replica|pubsub] | [ID client-id ...]: every
// connection, one line each (see client-line.ts), oldest first; or those of one type;
// or those with the given ids, in the order asked. Text, so a verbatim string in RESP3.

import { parseLongLong } from '../../../protocol/integer';
import { CommandSpec, ReplyError, SYNTAX_ERROR } from '../../command';
import type { ClientInfo, ServerState } from '../../server-state';
import { errorArgument } from '../../server/error-argument';
import { verbatimText } from '../../server/verbatim-text';
import { ClientType, clientLine, clientType, typeOf } from './client-line';

type Selection = { readonly all: true } | { readonly type: ClientType } | { readonly ids: readonly number[] };

const INVALID_ID = new ReplyError('ERR Invalid client ID');

function parse(args: readonly Buffer[]): Selection | ReplyError {
  if (args.length === 0) return { all: true };
  const option = args[0].toString('latin1').toLowerCase();
  if (option === 'type' && args.length === 2) {
    const type = clientType(args[1].toString('latin1'));
    return type === undefined ? new ReplyError(`ERR Unknown client type '${errorArgument(args[1])}'`) : { type };
  }
  if (option === 'id' && args.length >= 2) {
    const ids: number[] = [];
    for (const arg of args.slice(1)) {
      const id = parseLongLong(arg, 0, arg.length);
      if (id === null) return INVALID_ID;
      ids.push(id);
    }
    return { ids };
  }
  return SYNTAX_ERROR;
}

// The clients map is kept in connection order (Map keeps insertion order), which gives
// CLIENT LIST its oldest-first order for free; ids asked for explicitly keep the
// order they were asked in, and unknown ids are silently skipped, as in Redis.
function selected(selection: Selection, server: ServerState): ClientInfo[] {
  if ('ids' in selection) return selection.ids.flatMap((id) => server.clients.get(id) ?? []);
  const all = [...server.clients.values()];
  return 'type' in selection ? all.filter((client) => typeOf(client) === selection.type) : all;
}

export const clientList: CommandSpec<Selection> = {
  name: 'client|list',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['@admin', '@slow', '@dangerous', '@connection'],
  summary: 'Get the list of client connections',
  since: '2.4.0',
  group: 'connection',
  syntax: '[TYPE <NORMAL | MASTER | REPLICA | PUBSUB>] [ID client-id [client-id ...]]',
  parse,
  apply(selection, { server }) {
    const now = Date.now();
    return verbatimText(selected(selection, server).map((client) => clientLine(client, now)).join(''));
  },
};
