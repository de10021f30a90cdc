// The idle timeout (`timeout`, in seconds; 0 = never), as Redis's clientsCron: once a
// second, one sweep over the served connections closes those idle for longer than the
// timeout. Subscribers and blocked clients (BLPOP...) are exempt, as in Redis: waiting
// for messages, or for a key, is their job (a blocked client has its own timeout).
//
// Why one periodic sweep and not a timer per connection: a per-connection timer would
// have to be reset on every batch, which is work on the hot path for a limit that is
// off by default and needs no precision finer than a second (Redis's own check runs
// about once a second per client, too). The only per-batch cost is the timestamp the
// session already keeps for CLIENT LIST's `idle` (ClientInfo.lastActivity).
//
// "Idle" means neither reading nor being written to: as Redis counts a successful write
// as interaction, output still draining to a client (a large reply read slowly) keeps
// it alive. The sweep sees that progress as a change in the bytes the kernel has taken.

import { Observable, SchedulerLike, asyncScheduler, ignoreElements, interval, tap } from 'rxjs';
import { log } from '../log';
import type { Connections } from './connections';
import type { Settings } from './settings';

/** Closes the clients idle longer than `timeout`; call it once a second. */
export function closeIdleClients(settings: Settings, connections: Connections, now: number): void {
  const timeoutMs = settings.timeoutMs;
  if (timeoutMs === 0) return;
  for (const [client, connection] of connections.served) {
    const { socket } = connection;
    const flushed = socket.bytesWritten - socket.writableLength;
    if (flushed !== connection.flushed) {
      connection.flushed = flushed;
      client.lastActivity = now;
      continue;
    }
    if (client.subscriptions + client.patternSubscriptions > 0 || client.blocked) continue;
    if (now - client.lastActivity > timeoutMs) {
      log.info(`Closing idle client id=${client.id} addr=${client.address}`);
      client.kill();
    }
  }
}

/** The sweep as a stream: every `periodMs`, close the idle clients. Emits nothing. */
export function idleSweep(
  settings: Settings,
  connections: Connections,
  periodMs = 1000,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<never> {
  return interval(periodMs, scheduler).pipe(
    tap(() => closeIdleClients(settings, connections, scheduler.now())),
    ignoreElements(),
  );
}
