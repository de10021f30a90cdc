// CLIENT GETNAME: this connection's name, or a null reply when it has none.
//
// The name is kept as a latin1 byte string, like keys: CLIENT SETNAME accepts any byte
// from 0x21 to 0x7e, and GETNAME must hand the same bytes back.

import { NULL, bulk } from '../../../protocol/frame';
import { CommandSpec, rawArguments } from '../../command';

export const clientGetname: CommandSpec = {
  name: 'client|getname',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Get the current connection name',
  since: '2.6.9',
  group: 'connection',
  parse: rawArguments,
  apply: (_args, { client }) => (client.name === '' ? NULL : bulk(Buffer.from(client.name, 'latin1'))),
};
