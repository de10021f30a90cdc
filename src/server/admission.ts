// admit(): the door of the server, an operator on the stream of accepted sockets. It
// lets a socket through to be served, or answers it with Redis's refusal and closes it:
//
//   listen() --s--s--s--s-->  admit()  --s--s-----s-->  mergeMap(serveConnection, max)
//                                          (refused: "-ERR max number of clients reached")
//
// - `maxclients` (default 10000), as Redis's acceptCommonHandler: counted over every
//   open connection, including those still waiting for a --max-connections slot, so
//   that waiting sockets cannot pile up without bound either.
// - Protected mode, as Redis's clientAcceptHandler: with `protected-mode yes` and no
//   password, a client that is not on the loopback interface gets the -DENIED text.
//   Bound to 127.0.0.1 (the default) no such client can even connect; bound to
//   0.0.0.0 this is what stops an unprotected server from serving the network.
//
// Both refusals are written before the socket is read at all (sockets are accepted
// paused), and count in INFO's rejected_connections, as in Redis.

import type { Socket } from 'node:net';
import { MonoTypeOperatorFunction, filter } from 'rxjs';
import type { ServerState } from '../commands/server-state';
import { log } from '../log';
import type { Connections } from './connections';
import type { Settings } from './settings';

export const MAX_CLIENTS_REACHED = '-ERR max number of clients reached\r\n';

export const DENIED =
  '-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. ' +
  'In this mode connections are only accepted from the loopback interface. ' +
  'If you want to connect from external computers to Redis you may adopt one of the following solutions: ' +
  "1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface " +
  'by connecting to Redis ' +
  'from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. ' +
  'Use CONFIG REWRITE to make this change permanent. ' +
  '2) Alternatively you can just disable the protected mode by editing the Redis configuration file, ' +
  "and setting the protected mode option to 'no', " +
  'and then restarting the server. ' +
  "3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. " +
  '4) Setup a an authentication password for the default user. ' +
  'NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.\r\n';

/** Redis's connIsLocal: 127.x.x.x or ::1 (also as IPv4-mapped IPv6, as Node reports them on a dual-stack socket). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return true; // not an IP connection (a unix socket): local
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

/** How long a refused client may take to read the refusal before its socket is destroyed. */
const REFUSAL_GRACE_MS = 1000;

function refuse(socket: Socket, reply: string, server: ServerState): false {
  server.stats.rejectedConnections++;
  socket.on('error', () => undefined); // the client may be gone already: nothing to do
  // Read and drop whatever the client sends meanwhile: closing a socket with unread
  // input resets it, and the reset could destroy the refusal before the client reads it.
  socket.resume();
  socket.setTimeout(REFUSAL_GRACE_MS, () => socket.destroy());
  socket.end(reply);
  return false;
}

export function admit(server: ServerState, settings: Settings, connections: Connections): MonoTypeOperatorFunction<Socket> {
  return filter((socket) => {
    if (connections.open.size >= settings.maxClients) {
      log.debug(`refused ${socket.remoteAddress}:${socket.remotePort}: max number of clients reached`);
      return refuse(socket, MAX_CLIENTS_REACHED, server);
    }
    if (settings.protectedMode && settings.password === '' && !isLoopback(socket.remoteAddress)) {
      log.debug(`refused ${socket.remoteAddress}:${socket.remotePort}: protected mode`);
      return refuse(socket, DENIED, server);
    }
    connections.admit(socket);
    return true;
  });
}
