// CLIENT SETNAME name: label this connection, for CLIENT LIST and CLIENT GETNAME
// (ioredis sends it on connect when given `connectionName`). An empty name removes the
// label. Names are checked as Redis checks them (see attribute.ts).

import { OK } from '../../../protocol/frame';
import { CommandSpec, ReplyError } from '../../command';
import { INVALID_CLIENT_NAME, isValidClientAttribute } from './attribute';

export const clientSetname: CommandSpec<string> = {
  name: 'client|setname',
  arity: 3,
  flags: ['noscript', 'loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Set the current connection name',
  since: '2.6.9',
  group: 'connection',
  syntax: 'connection-name',
  parse: (args): string | ReplyError => (isValidClientAttribute(args[0]) ? args[0].toString('latin1') : INVALID_CLIENT_NAME),
  // The name lives in the ClientInfo that CLIENT LIST reads; setting it is all there
  // is to do (no reply-time formatting: CLIENT LIST builds its lines when asked).
  apply(name, { client }) {
    client.name = name;
    return OK;
  },
};
