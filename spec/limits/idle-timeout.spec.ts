// The idle timeout (`timeout` seconds, 0 = never), as Redis's: one sweep a second closes
// the clients idle for longer than the timeout; subscribers are exempt; output still
// draining to a client counts as activity (Redis counts a write as interaction).
//
// The sweep is driven in virtual time (TestScheduler) over a book of fake connections,
// then checked once over TCP with a 1-second timeout (waiting on the close event).

import type { Socket } from 'node:net';
import type { SchedulerAction } from 'rxjs';
import { ServerState } from '../../src/commands/server-state';
import { Connections } from '../../src/server/connections';
import { Settings } from '../../src/server/settings';
import { idleSweep } from '../../src/server/idle';
import { startServer, RunningServer } from '../../src/server/run';
import { RawConnection } from '../support/raw-connection';
import { newTestScheduler } from '../support/marbles';

/** A served connection as the sweep sees it: a ClientInfo, and a socket's byte counters. */
function fakeConnection(state: ServerState, connections: Connections, name: string, killed: string[]) {
  const socket = { bytesWritten: 0, writableLength: 0 };
  const client = state.connect(name, 'local', () => {
    killed.push(name);
    connections.served.delete(client); // as the real connection's close does
  });
  client.lastActivity = 0;
  connections.served.set(client, { socket: socket as unknown as Socket, flushed: 0 });
  return { client, socket };
}

describe('the idle sweep (virtual time)', () => {
  function setUp(timeout: string) {
    const state = new ServerState();
    state.config.set('timeout', timeout);
    const connections = new Connections();
    const killed: string[] = [];
    return { state, connections, killed, settings: new Settings(state.config) };
  }

  it('closes a client idle longer than the timeout, at the first sweep after it', () => {
    const scheduler = newTestScheduler();
    scheduler.run(({ expectObservable, flush }) => {
      const { state, connections, killed, settings } = setUp('10');
      fakeConnection(state, connections, 'idle', killed);
      const active = fakeConnection(state, connections, 'active', killed);
      const sweep = idleSweep(settings, connections, 1000, scheduler);
      // The active client sends something every 4 s (the session stamps lastActivity).
      scheduler.schedule(function (this: SchedulerAction<unknown>) {
        active.client.lastActivity = scheduler.now();
        if (scheduler.now() < 20000) this.schedule(undefined, 4000);
      }, 4000);
      expectObservable(sweep, '^ 20000ms !').toBe('');
      flush();
      // Idle since 0: at 10 s it is not yet *more* than 10 s; the sweep at 11 s closes it.
      expect(killed).toEqual(['idle']);
    });
  });

  it('the sweep at exactly the timeout does not close; the next one does', () => {
    const scheduler = newTestScheduler();
    const { state, connections, killed, settings } = setUp('3');
    fakeConnection(state, connections, 'idle', killed);
    let at3500: string[] = [];
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => (at3500 = [...killed]), 3500);
      expectObservable(idleSweep(settings, connections, 1000, scheduler), '^ 4500ms !').toBe('');
    });
    // Sweeps at 1, 2, 3 s: idle for exactly 3 s at the third, not more; closed at 4 s.
    expect(at3500).toEqual([]);
    expect(killed).toEqual(['idle']);
  });

  it('subscribers are exempt, however long they wait', () => {
    const scheduler = newTestScheduler();
    const { state, connections, killed, settings } = setUp('1');
    scheduler.run(({ expectObservable }) => {
      const subscriber = fakeConnection(state, connections, 'subscriber', killed);
      subscriber.client.subscriptions = 1;
      const psubscriber = fakeConnection(state, connections, 'psubscriber', killed);
      psubscriber.client.patternSubscriptions = 2;
      expectObservable(idleSweep(settings, connections, 1000, scheduler), '^ 60000ms !').toBe('');
    });
    expect(killed).toEqual([]);
  });

  it('a client blocked in BLPOP is exempt too: its wait has its own timeout', () => {
    const scheduler = newTestScheduler();
    const { state, connections, killed, settings } = setUp('1');
    scheduler.run(({ expectObservable }) => {
      const blocked = fakeConnection(state, connections, 'blocked', killed);
      blocked.client.blocked = true;
      fakeConnection(state, connections, 'idle', killed);
      expectObservable(idleSweep(settings, connections, 1000, scheduler), '^ 5000ms !').toBe('');
    });
    expect(killed).toEqual(['idle']);
  });

  it('output still draining to the client counts as activity; a stuck one does not', () => {
    const scheduler = newTestScheduler();
    const { state, connections, killed, settings } = setUp('2');
    scheduler.run(({ expectObservable }) => {
      const draining = fakeConnection(state, connections, 'draining', killed);
      const stuck = fakeConnection(state, connections, 'stuck', killed);
      // Both have 10 MB handed to write(); the draining one's kernel takes 1 MB a second.
      draining.socket.bytesWritten = stuck.socket.bytesWritten = 10_000_000;
      draining.socket.writableLength = stuck.socket.writableLength = 10_000_000;
      scheduler.schedule(function (this: SchedulerAction<unknown>) {
        draining.socket.writableLength = Math.max(0, draining.socket.writableLength - 1_000_000);
        if (scheduler.now() < 6000) this.schedule(undefined, 1000);
      }, 500);
      expectObservable(idleSweep(settings, connections, 1000, scheduler), '^ 5500ms !').toBe('');
    });
    expect(killed).toEqual(['stuck']);
  });

  it('timeout 0 closes nobody', () => {
    const scheduler = newTestScheduler();
    const { state, connections, killed, settings } = setUp('0');
    scheduler.run(({ expectObservable }) => {
      fakeConnection(state, connections, 'idle', killed);
      expectObservable(idleSweep(settings, connections, 1000, scheduler), '^ 100000ms !').toBe('');
    });
    expect(killed).toEqual([]);
  });
});

describe('the idle timeout over TCP', () => {
  let server: RunningServer | undefined;
  const open: RawConnection[] = [];

  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await server?.close();
  });

  it('--timeout 1: an idle client is closed without a reply; a subscriber idle for longer is not', async () => {
    server = await startServer({ port: 0, timeout: 1 });
    const subscriber = await RawConnection.connect({ port: server.port, host: '127.0.0.1' });
    open.push(subscriber);
    await subscriber.send('SUBSCRIBE c\r\n');
    await subscriber.readReplies(1);
    const idle = await RawConnection.connect({ port: server.port, host: '127.0.0.1' });
    open.push(idle);
    await idle.send('PING\r\n');
    expect((await idle.readReplies(1)).toString('latin1')).toBe('+PONG\r\n');
    // Closed within a second or two (a sweep each second), with nothing written.
    expect((await idle.readUntilClosed(5000)).toString('latin1')).toBe('');
    expect(subscriber.closed).toBe(false);
    await subscriber.send('PING\r\n');
    expect((await subscriber.readReplies(1)).toString('latin1')).toBe('*2\r\n$4\r\npong\r\n$0\r\n\r\n');
  });
});
