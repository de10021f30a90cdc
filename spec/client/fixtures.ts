// Test fixtures for the client specs: raw TCP servers that misbehave on purpose, a
// port nobody listens on, and a counting proxy that shows how requests leave the client.
// Every fixture listens on 127.0.0.1, port 0, and is closed by the test that made it.

import * as net from 'node:net';

export interface RawServer {
  readonly port: number;
  /** Closes the listener and destroys every socket it accepted. */
  close(): Promise<void>;
}

/**
 * A TCP server on an ephemeral port; `onSocket` decides what to do with each client.
 * With `acceptOnce`, it stops listening after the first connection (later ones are refused).
 */
export function rawServer(onSocket: (socket: net.Socket) => void, options: { acceptOnce?: boolean } = {}): Promise<RawServer> {
  return new Promise((resolve, reject) => {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => sockets.delete(socket));
      if (options.acceptOnce) server.close();
      onSocket(socket);
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            if (server.listening) server.close(() => done());
            else done();
          }),
      });
    });
  });
}

/** A port that refuses connections: bound by the OS for us, then released. */
export async function closedPort(): Promise<number> {
  const server = await rawServer(() => undefined);
  await server.close();
  return server.port;
}

export interface CountingProxy extends RawServer {
  /** Chunks the proxy has read from its clients, so far. */
  readonly chunksFromClients: number;
  /** Bytes the proxy has read from its clients, so far. */
  readonly bytesFromClients: number;
}

/** A TCP proxy to `targetPort` that counts the chunks (reads) arriving from clients. */
export async function countingProxy(targetPort: number): Promise<CountingProxy> {
  let chunks = 0;
  let bytes = 0;
  const upstreams = new Set<net.Socket>();
  const server = await rawServer((client) => {
    const upstream = net.createConnection({ port: targetPort, host: '127.0.0.1' });
    upstreams.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.once('close', () => {
      upstreams.delete(upstream);
      client.destroy();
    });
    client.once('close', () => upstream.destroy());
    client.on('data', (chunk: Buffer) => {
      chunks++;
      bytes += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
  });
  return {
    port: server.port,
    get chunksFromClients() {
      return chunks;
    },
    get bytesFromClients() {
      return bytes;
    },
    close: async () => {
      for (const upstream of upstreams) upstream.destroy();
      await server.close();
    },
  };
}
