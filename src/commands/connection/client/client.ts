// CLIENT <subcommand>: the connection's own settings (SETNAME, SETINFO...) and the view
// of all connections (LIST, KILL). A container: the dispatcher routes `CLIENT SETNAME x`
// to `client|setname`, one file per subcommand in this folder. Subcommands Redis has and
// this server does not (CACHING, TRACKING, PAUSE, NO-EVICT, MAINT_NOTIFICATIONS...) get
// Redis's "unknown subcommand" error, which node-redis and ioredis ignore during their
// connection handshake.

import { CommandSpec, rawArguments } from '../../command';
import { clientGetname } from './getname';
import { clientHelp } from './help';
import { clientId } from './id';
import { clientInfo } from './info';
import { clientKill } from './kill';
import { clientList } from './list';
import { clientSetinfo } from './setinfo';
import { clientSetname } from './setname';
import { clientUnblock } from './unblock';

export const client: CommandSpec = {
  name: 'client',
  arity: -2,
  categories: ['@slow'],
  summary: 'A container for client connection commands',
  since: '2.4.0',
  group: 'connection',
  subcommands: [clientId, clientSetname, clientGetname, clientSetinfo, clientInfo, clientList, clientKill, clientUnblock, clientHelp],
  parse: rawArguments,
  // Only reached without a subcommand, which the arity check already refuses.
  apply: () => ({ type: 'error', value: "ERR wrong number of arguments for 'client' command" }),
};
