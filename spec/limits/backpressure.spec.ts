// A client that never reads its replies cannot grow the server's memory.
//
// The measured test of the issue: a client pipelines 300,000 GETs of a 10 kB value and
// never reads. Real Redis answers every one of them into its output buffer and grows by
// gigabytes (3.4 GB measured on the machine this was written on). Here the writer stops
// reading a connection whose unwritten output passes a high-water mark (1 MB), and
// resumes only when the socket drains: the client stalls itself, and the server's
// resident memory grows by a bounded amount. Meanwhile another client is served.
//
// The server runs as its own process (the bundled binary), so that its resident set
// size, read from /proc, is the server's alone. Linux only: elsewhere the test is
// skipped with a notice. It asserts memory, not time; every wait is on socket events.

import * as fs from 'node:fs';
import * as net from 'node:net';
import { RawConnection } from '../support/raw-connection';
import { ServerProcess, assertBuilt, startServerProcess } from '../support/server-process';

const WAIT_MS = 10_000;
const GETS = 300_000;
const VALUE = 'v'.repeat(10 * 1024);
const MAX_GROWTH_MB = 300;

const hasProc = fs.existsSync('/proc/self/status');
if (!hasProc) {
  const notice = 'backpressure RSS test: SKIPPED: needs /proc (Linux) to read the server process memory.';
  console.warn(notice);
  process.stderr.write(`${notice}\n`);
}

/** The resident set size of a process, in MB. */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match === null) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

const command = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

(hasProc ? describe : describe.skip)('a client that never reads (server process)', () => {
  let server: ServerProcess | undefined;
  let control: RawConnection | undefined;
  let slow: net.Socket | undefined;

  beforeAll(assertBuilt);

  afterAll(async () => {
    control?.destroy();
    slow?.destroy();
    if (server !== undefined && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });

  it(`300k pipelined GETs of a 10 kB value, never read: RSS grows < ${MAX_GROWTH_MB} MB, and another client is served`, async () => {
    server = await startServerProcess();
    const pid = server.child.pid!;
    control = await RawConnection.connect({ port: server.port, host: '127.0.0.1' }, WAIT_MS);
    await control.send(command('SET', 'big', VALUE));
    expect((await control.readReplies(1, WAIT_MS)).toString('latin1')).toBe('+OK\r\n');
    const before = rssMb(pid);

    slow = net.connect(server.port, '127.0.0.1');
    slow.on('error', () => undefined);
    slow.pause(); // never reads
    await new Promise<void>((resolve) => slow!.once('connect', () => resolve()));
    // 300k GETs: 7 MB of requests, 3 GB of replies. Node queues what the kernel does not take.
    const batch = command('GET', 'big').repeat(1000);
    for (let i = 0; i < GETS / 1000; i++) slow.write(batch);

    // The control client keeps being served while the slow one is stuck: GETs of the same
    // 10 kB value, each answered in full. The server's memory is sampled after each.
    let peak = before;
    const reply = `$${VALUE.length}\r\n${VALUE}\r\n`;
    for (let i = 0; i < 200; i++) {
      await control.send(command('GET', 'big'));
      expect((await control.readReplies(1, WAIT_MS)).toString('latin1')).toBe(reply);
      peak = Math.max(peak, rssMb(pid));
    }
    // The server did take on the slow client's work (it is not simply ignoring it).
    await control.send(command('INFO', 'stats'));
    const stats = (await control.readReplies(1, WAIT_MS)).toString('latin1');
    const processed = Number(/total_commands_processed:(\d+)/.exec(stats)?.[1]);
    expect(processed).toBeGreaterThan(100);
    expect(slow.destroyed).toBe(false);

    const growth = peak - before;
    process.stdout.write(
      `never-reading client: server RSS ${before.toFixed(1)} MB -> peak ${peak.toFixed(1)} MB (growth ${growth.toFixed(1)} MB), ` +
        `${processed} commands run, ${slow.writableLength} request bytes still unsent by the client\n`,
    );
    expect(growth).toBeLessThan(MAX_GROWTH_MB);
  }, 30_000);
});
