// The server's book of open connections, for the limits that look at all of them at
// once: `maxclients` counts every open connection (served, or waiting for a slot of
// --max-connections), the idle timeout sweeps the served ones, and a shutdown that runs
// out of time cuts whatever is left.
//
// Per-connection work stays per connection (in the pipeline); this book only records
// arrivals and departures, once per connection, never per command.

import type { Socket } from 'node:net';
import type { ClientInfo, ServerState } from '../commands/server-state';

/** What the idle sweep knows of a served connection. */
export interface ServedConnection {
  readonly socket: Socket;
  /** Bytes the kernel had taken when last looked at: progress there counts as activity. */
  flushed: number;
}

export class Connections {
  /** Every admitted socket not yet closed: what `maxclients` counts. */
  readonly open = new Set<Socket>();
  /** The connections being served (they have a ClientInfo). */
  readonly served = new Map<ClientInfo, ServedConnection>();

  /** Records an admitted socket until it closes. */
  admit(socket: Socket): void {
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
  }

  /** Destroys every open socket (a shutdown out of time); returns how many there were. */
  cutAll(): number {
    const count = this.open.size;
    for (const socket of [...this.open]) socket.destroy();
    return count;
  }
}

const byServer = new WeakMap<ServerState, Connections>();

/** The connection book of a server, created on first use. */
export function connectionsOf(server: ServerState): Connections {
  let connections = byServer.get(server);
  if (connections === undefined) {
    connections = new Connections();
    byServer.set(server, connections);
  }
  return connections;
}
