// Transactions below the wire: WATCH's bookkeeping in the Db (db/watches.ts) on a
// virtual clock, for the expiry rules a differential test cannot reach without
// sleeping; and, over a real connection, what CLIENT LIST shows of a transaction.
import * as net from 'net';
import { VirtualTimeScheduler } from 'rxjs';
import { Db } from '../../src/db/db';
import { Watcher } from '../../src/db/watches';
import { startServer } from '../../src/index';

const v = (s: string): Buffer => Buffer.from(s, 'latin1');

function setup(): { db: Db; clock: VirtualTimeScheduler; watcher: Watcher } {
  const clock = new VirtualTimeScheduler();
  return { db: new Db({ scheduler: clock }), clock, watcher: new Watcher() };
}

/** Moves the virtual clock to `ms` without running the purge (it is scheduled, not flushed). */
const at = (clock: VirtualTimeScheduler, ms: number): void => {
  clock.frame = ms;
};

describe('WATCH in the Db', () => {
  it('costs nothing when nobody watches: the index stays empty', () => {
    const { db } = setup();
    db.set('k', v('1'));
    expect(db.watches.size).toBe(0);
  });

  it('a write to a watched key makes its watcher dirty, and drops its watches', () => {
    const { db, watcher } = setup();
    db.watches.watch(watcher, 'k');
    db.watches.watch(watcher, 'k');
    expect(watcher.keys).toHaveLength(1);
    db.set('other', v('1'));
    expect(watcher.dirty).toBe(false);
    db.set('k', v('1'));
    expect(watcher.dirty).toBe(true);
    expect(db.watches.size).toBe(0);
  });

  it('EXPIRE and a delete count as changes; a read does not', () => {
    const { db, watcher } = setup();
    db.set('k', v('1'));
    db.watches.watch(watcher, 'k');
    db.get('k');
    expect(watcher.dirty).toBe(false);
    db.setExpiry('k', 10_000);
    expect(watcher.dirty).toBe(true);
    const second = new Watcher();
    db.watches.watch(second, 'k');
    db.delete('k');
    expect(second.dirty).toBe(true);
  });

  it('a key watched live that expires since is changed at EXEC, read or not', () => {
    const { db, clock, watcher } = setup();
    db.set('k', v('1'), { at: 100 });
    db.watches.watch(watcher, 'k');
    at(clock, 200);
    expect(db.watches.anyExpired(watcher)).toBe(true);
    // Its lazy deletion is a change too.
    expect(db.has('k')).toBe(false);
    expect(watcher.dirty).toBe(true);
  });

  it('a key already expired when watched: its deletion is no change, a later write is', () => {
    const { db, clock, watcher } = setup();
    db.set('k', v('1'), { at: 100 });
    at(clock, 200);
    db.watches.watch(watcher, 'k');
    expect(db.watches.anyExpired(watcher)).toBe(false);
    expect(db.has('k')).toBe(false); // lazily deleted
    expect(watcher.dirty).toBe(false);
    db.set('k', v('2'));
    expect(watcher.dirty).toBe(true);
  });

  it('a write over a key expired when watched is a change (Redis deletes it first)', () => {
    const { db, clock, watcher } = setup();
    db.set('k', v('1'), { at: 100 });
    at(clock, 200);
    db.watches.watch(watcher, 'k');
    db.set('k', v('2'));
    expect(watcher.dirty).toBe(true);
  });

  it('FLUSHALL changes the watched keys that exist, not the missing ones nor the expired-when-watched', () => {
    const { db, clock } = setup();
    const [live, missing, stale] = [new Watcher(), new Watcher(), new Watcher()];
    db.set('live', v('1'));
    db.set('stale', v('1'), { at: 100 });
    at(clock, 200);
    db.watches.watch(live, 'live');
    db.watches.watch(missing, 'missing');
    db.watches.watch(stale, 'stale');
    db.flush();
    expect([live.dirty, missing.dirty, stale.dirty]).toEqual([true, false, false]);
  });

  it('unwatchAll leaves nothing behind in the index', () => {
    const { db, watcher } = setup();
    const other = new Watcher();
    db.watches.watch(watcher, 'a');
    db.watches.watch(watcher, 'b');
    db.watches.watch(other, 'a');
    db.watches.unwatchAll(watcher);
    expect(db.watches.size).toBe(1);
    db.set('a', v('1'));
    expect([watcher.dirty, other.dirty]).toEqual([false, true]);
  });
});

/** Sends `bytes` and resolves with what arrives until `done` says the reply is complete. */
function exchange(socket: net.Socket, bytes: string, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('latin1');
      if (done(text)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.write(bytes);
  });
}

describe('CLIENT LIST during a transaction', () => {
  it('shows flags=x and the number of queued commands, -1 outside', async () => {
    const server = await startServer({ port: 0, host: '127.0.0.1' });
    const a = net.createConnection(server.port, '127.0.0.1');
    const b = net.createConnection(server.port, '127.0.0.1');
    try {
      await exchange(a, 'CLIENT SETNAME tx\r\nMULTI\r\nPING\r\nPING\r\n', (t) => t.split('\r\n').length > 4);
      const during = await exchange(b, 'CLIENT LIST\r\n', (t) => t.endsWith('\n\r\n'));
      const line = during.split('\n').find((l) => l.includes('name=tx'))!;
      expect(line).toMatch(/ flags=x /);
      expect(line).toMatch(/ multi=2 /);
      await exchange(a, 'EXEC\r\n', (t) => t.includes('PONG\r\n+PONG'));
      const after = await exchange(b, 'CLIENT LIST\r\n', (t) => t.endsWith('\n\r\n'));
      const again = after.split('\n').find((l) => l.includes('name=tx'))!;
      expect(again).toMatch(/ flags=N /);
      expect(again).toMatch(/ multi=-1 /);
    } finally {
      a.destroy();
      b.destroy();
      await server.close();
    }
  });
});
