// The connection a script's redis.call runs commands on (Redis's script client, its
// `lua_client`): the caller's Db and server, a client of its own, no pub/sub, and a
// transaction state that is "executing", so that a blocking command answers at once
// instead of blocking (Redis marks its script client CLIENT_DENY_BLOCKING).

import type { ConnectionContext } from '../commands/command';
import { ClientInfo } from '../commands/server-state';
import { TransactionState } from '../commands/transactions/state';
import type { ScriptResp } from './lua-reply';

/** The script context of each caller, made once: EVAL in a loop allocates none. */
const contexts = new WeakMap<ConnectionContext, { context: ConnectionContext; resp: () => ScriptResp }>();

/**
 * The script context for `caller`; `resp` says the protocol of the script running now
 * (the latest caller of this function for that connection wins, and only one script
 * runs at a time).
 */
export function scriptContext(caller: ConnectionContext, resp: () => ScriptResp): ConnectionContext {
  let entry = contexts.get(caller);
  if (entry === undefined) {
    const created = { context: undefined as unknown as ConnectionContext, resp };
    created.context = newScriptContext(caller, () => created.resp());
    contexts.set(caller, (entry = created));
  }
  entry.resp = resp;
  return entry.context;
}

function newScriptContext(caller: ConnectionContext, resp: () => ScriptResp): ConnectionContext {
  const client = new ClientInfo(0, '', '', Date.now(), () => undefined);
  const transaction = new TransactionState(caller.db, client);
  transaction.executing = true;
  return {
    db: caller.db,
    server: caller.server,
    client,
    subscriptionCount: 0,
    // SUBSCRIBE and friends are `noscript`: script-call.ts refuses them before they get here.
    subscribe: () => 0,
    unsubscribe: () => 0,
    channels: () => [],
    psubscribe: () => 0,
    punsubscribe: () => 0,
    patterns: () => [],
    // Commands that shape their reply by protocol (ZRANGE WITHSCORES) follow redis.setresp.
    get protocol() {
      return resp();
    },
    setProtocol: () => undefined,
    closeAfterReply: () => undefined,
    transaction,
    fromScript: true,
  };
}
