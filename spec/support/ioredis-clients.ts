// ioredis clients for the compatibility specs: opened with default options and waited
// on until 'ready', all closed after each test, and a wait for the server's count of
// blocked clients (INFO clients, as a monitoring tool would ask; no sleeps).
import Redis from 'ioredis';
import { within, type CompatTarget } from './compat-targets';

export interface IoredisClients {
  /** `new Redis(port, host)`, default options, waited on until 'ready'. */
  connect(): Promise<Redis>;
  /** Resolves once the server counts at least `count` blocked clients. */
  blockedClients(client: Redis, count: number): Promise<void>;
  /** Closes `client` (a duplicate()) after the test too; its errors are reported by its commands. */
  adopt(client: Redis): Redis;
}

/** Call inside a describe: registers the afterEach that closes every client it opened. */
export function ioredisClients(target: CompatTarget, waitMs: number): IoredisClients {
  const clients = new Set<Redis>();
  afterEach(async () => {
    const closing = [...clients].map(async (client) => {
      if (client.status === 'end') return;
      const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
      client.disconnect();
      await within(ended, waitMs, "ioredis's 'end' event after disconnect()");
    });
    clients.clear();
    await Promise.all(closing);
  });
  return {
    adopt(client) {
      clients.add(client);
      client.on('error', () => undefined);
      return client;
    },
    async connect() {
      const client = new Redis(target.port, target.host);
      clients.add(client);
      client.on('error', () => undefined); // reported by the failing command instead
      if (client.status !== 'ready') {
        await within(new Promise<void>((resolve) => client.once('ready', () => resolve())), waitMs, "ioredis's 'ready' event");
      }
      return client;
    },
    async blockedClients(client, count) {
      const deadline = Date.now() + waitMs;
      let info = '';
      while (Date.now() < deadline) {
        info = await client.info('clients');
        const match = /^blocked_clients:(\d+)/m.exec(info);
        if (match && Number(match[1]) >= count) return;
      }
      throw new Error(`the server never counted ${count} blocked client(s); INFO clients said:\n${info}`);
    },
  };
}
