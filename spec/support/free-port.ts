// A free TCP port on the loopback interface, found the usual way: listen on port 0, read
// the port the kernel chose, close. Between our close and the next bind another process
// could take that port; callers that cannot afford that retry (real-redis-tcp.ts).
//
// Shared by the test support (a real redis-server for the compatibility suite) and the
// benchmarks (bench/lib/processes.ts), so it depends on nothing but node: no jest.
import * as net from 'node:net';

/** A TCP port that was free a moment ago on `host` (127.0.0.1 by default). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
