// The soak's latency probe, run in a worker thread: one dedicated, otherwise idle
// connection that sends a PING every `intervalMs` and reports each round trip.
//
// Why a PING round trip: the server runs as a separate process (so its RSS is its own),
// and it does not expose its event-loop delay; a PING from an idle client waits behind
// whatever the server's event loop is busy with (a long GC pause, a synchronous burst of
// work), so its round trip is the event-loop delay as a client feels it, plus loopback.
// Why a worker thread: the soak's main thread is itself busy parsing tens of thousands of
// pub/sub messages a second; timing the PING there would add the load generator's own
// event-loop delay to the server's. Only one PING is ever in flight: if the server is
// stalled, the next tick waits, and the stall shows as one long round trip.

import * as net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

export interface ProbeOptions {
  readonly host: string;
  readonly port: number;
  readonly intervalMs: number;
}

/** What the probe posts to the main thread. */
export type ProbeMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'rtt'; readonly ms: number }
  | { readonly kind: 'error'; readonly message: string };

const PING = Buffer.from('*1\r\n$4\r\nPING\r\n', 'latin1');
const PONG = '+PONG\r\n';

function run(options: ProbeOptions): void {
  const post = (message: ProbeMessage) => parentPort!.postMessage(message);
  const socket = net.createConnection({ host: options.host, port: options.port });
  socket.setNoDelay(true);
  let sentAt: bigint | undefined;
  let received = '';
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (sentAt !== undefined) return; // the previous PING is still out: it will report a long rtt
    sentAt = process.hrtime.bigint();
    socket.write(PING);
  };
  socket.once('connect', () => {
    post({ kind: 'ready' });
    timer = setInterval(tick, options.intervalMs);
    tick();
  });
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
    while (received.startsWith(PONG)) {
      received = received.slice(PONG.length);
      if (sentAt !== undefined) post({ kind: 'rtt', ms: Number(process.hrtime.bigint() - sentAt) / 1e6 });
      sentAt = undefined;
    }
    if (received.length >= PONG.length && !received.startsWith(PONG)) {
      post({ kind: 'error', message: `probe: unexpected reply ${JSON.stringify(received.slice(0, 80))}` });
      received = '';
    }
  });
  socket.on('error', (err) => post({ kind: 'error', message: `probe: ${err.message}` }));
  let stopping = false;
  socket.on('close', () => {
    if (timer) clearInterval(timer);
    if (stopping) process.exit(0);
    else post({ kind: 'error', message: 'probe: connection closed by the server' });
  });
  parentPort!.on('message', (message: unknown) => {
    if (message !== 'stop') return;
    stopping = true;
    if (timer) clearInterval(timer);
    if (socket.destroyed) process.exit(0);
    socket.end();
  });
}

if (parentPort !== null && workerData !== null && typeof workerData === 'object') run(workerData as ProbeOptions);
