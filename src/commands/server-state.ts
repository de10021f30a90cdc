// What the server knows beyond the keyspace: its connected clients, counters for INFO,
// its configuration values. Like the Db it is shared by every connection and, for the
// same reason (one thread, synchronous commands), needs no lock.
//
// Commands read and update it through ConnectionContext.server; the server layer
// creates one per running server.

import type { ProtocolVersion } from '../protocol/encode';

/** One connected client, as CLIENT LIST / CLIENT INFO describe it. */
export class ClientInfo {
  name = '';
  libName = '';
  libVersion = '';
  protocol: ProtocolVersion = 2;
  /** The last command run, e.g. `client|list`. */
  lastCommand = 'NULL';
  lastActivity: number;
  subscriptions = 0;
  patternSubscriptions = 0;
  /** Waiting in a blocking command (BLPOP...): CLIENT LIST's `b` flag, INFO's blocked_clients. */
  blocked = false;
  /** In MULTI: the number of commands queued (CLIENT LIST's multi= and flag x); -1 outside a transaction. */
  multi = -1;
  /** Whether that wait has a timeout (INFO's clients_in_timeout_table). */
  blockedWithTimeout = false;
  /** While blocked: ends the wait at once, with the timeout reply or (withError) UNBLOCKED (CLIENT UNBLOCK). */
  unblock: ((withError: boolean) => void) | undefined = undefined;

  constructor(
    readonly id: number,
    /** Remote address, `ip:port`. */
    readonly address: string,
    /** Local address, `ip:port`. */
    readonly localAddress: string,
    readonly createdAt: number,
    /** Closes this connection (CLIENT KILL). */
    readonly kill: () => void,
  ) {
    this.lastActivity = createdAt;
  }
}

/** How many distinct error codes INFO errorstats tracks (Redis's ERROR_STATS_NUMBER). */
const MAX_ERROR_CODES = 128;

/** Configuration parameters this server has, by Redis's names (CONFIG GET / SET). */
export type Config = Map<string, string>;

// One per running server (server() creates it, or takes one from its options). Created
// fresh by a test, it gives a session its own clients and counters: nothing here is a
// module-level singleton, so two servers in one process never share state.
export class ServerState {
  readonly clients = new Map<number, ClientInfo>();
  private nextClientId = 1;
  readonly startedAt = Date.now();
  /** Counters for INFO stats. */
  readonly stats = {
    connectionsReceived: 0,
    commandsProcessed: 0,
    rejectedConnections: 0,
    expiredKeys: 0,
    keyspaceHits: 0,
    keyspaceMisses: 0,
    pubsubMessages: 0,
    /** Error replies sent (INFO stats' total_error_replies). */
    errorReplies: 0,
  };
  /** Error replies by their code, the first word (INFO errorstats); CONFIG RESETSTAT empties it. */
  readonly errorCodes = new Map<string, number>();

  /**
   * Counts an error reply (Redis's afterErrorReply): its code is the first word of the
   * text. As in Redis, at most 128 codes are tracked; later new ones count in the total only.
   */
  countError(text: string): void {
    this.stats.errorReplies++;
    const space = text.indexOf(' ');
    const code = space === -1 ? text : text.slice(0, space);
    const count = this.errorCodes.get(code);
    if (count !== undefined) this.errorCodes.set(code, count + 1);
    else if (this.errorCodes.size < MAX_ERROR_CODES) this.errorCodes.set(code, 1);
  }

  constructor(
    readonly config: Config = new Map(),
    /** The TCP port actually bound (INFO server's tcp_port). */
    public port = 0,
  ) {}

  /** Registers a new connection and returns its ClientInfo (with a fresh id). */
  connect(address: string, localAddress: string, kill: () => void): ClientInfo {
    const client = new ClientInfo(this.nextClientId++, address, localAddress, Date.now(), kill);
    this.clients.set(client.id, client);
    this.stats.connectionsReceived++;
    return client;
  }

  disconnect(client: ClientInfo): void {
    this.clients.delete(client.id);
  }
}
