// chat: a tiny chat room over pub/sub. Every instance subscribes to the room's channel
// and publishes each line typed on stdin; it prints what the others say.
//
//   npm run example -- chat alice           (in one terminal)
//   npm run example -- chat bob             (in another; type lines, Ctrl-D or Ctrl-C to leave)
//   npm run example -- chat carol kitchen   (a different room)
//   (MINI_REDIS_PORT / MINI_REDIS_HOST choose the server; default 127.0.0.1:6379)
//
// Messages on the channel `chat:<room>` are JSON: {"from":"alice","text":"hi"}, or
// {"from":"alice","event":"joined"|"left"}. Anything else published there is shown as is.
//
// RxJS patterns: two streams, one per direction, on one client.
// - Incoming: the room's message stream, mapped to lines and filtered (our own words
//   are not echoed back), printed.
// - Outgoing: stdin's lines as an Observable (`fromEvent` over readline, ended by
//   `takeUntil` on its 'close'), each one mapped to a PUBLISH with `concatMap`. The
//   commands are pipelined on one connection, so the order typed is the order sent.

import * as readline from 'node:readline';
import { concatMap, filter, firstValueFrom, fromEvent, lastValueFrom, map, takeUntil } from 'rxjs';
import { connect } from '../src';

const host = process.env.MINI_REDIS_HOST ?? '127.0.0.1';
const port = Number(process.env.MINI_REDIS_PORT ?? 6379);
const [name = `guest-${process.pid}`, room = 'lobby'] = process.argv.slice(2);
const channel = `chat:${room}`;

interface ChatEvent {
  readonly from: string;
  readonly text?: string;
  readonly event?: 'joined' | 'left';
}

/** A room message as a line to print, or null for our own. */
function show(message: Buffer): string | null {
  let event: ChatEvent;
  try {
    event = JSON.parse(message.toString()) as ChatEvent;
  } catch {
    return message.toString();
  }
  if (event.from === name) return null;
  if (event.event !== undefined) return `* ${event.from} ${event.event}`;
  return `<${event.from}> ${event.text ?? ''}`;
}

async function main(): Promise<void> {
  const client = await connect({ host, port });
  const say = (event: ChatEvent) => client.publish(channel, JSON.stringify(event));

  const room = client.subscribe(channel);
  const incoming = room
    .pipe(
      map(({ message }) => show(message)),
      filter((line): line is string => line !== null),
    )
    .subscribe({
      next: (line) => console.log(line),
      error: (err: Error) => {
        console.error(`chat: ${err.message}`);
        process.exit(1);
      },
    });

  // Announce ourselves only once the server has confirmed the subscription, so that we
  // hear every answer to our arrival.
  await room.ready();
  await firstValueFrom(say({ from: name, event: 'joined' }));
  console.log(`joined ${channel} as ${name} (type a line to send it; Ctrl-D to leave)`);

  // stdin is read from here on; what was typed before waits in its buffer.
  const input = readline.createInterface({ input: process.stdin });
  const leave = () => input.close();
  process.once('SIGINT', leave); // Ctrl-C as a signal (kill -INT, or stdin not a terminal)
  input.once('SIGINT', leave); //   Ctrl-C typed in the terminal
  const lines$ = fromEvent(input, 'line', (line: string) => line).pipe(takeUntil(fromEvent(input, 'close')));

  await lastValueFrom(lines$.pipe(concatMap((text) => say({ from: name, text }))), { defaultValue: 0 });

  await firstValueFrom(say({ from: name, event: 'left' }));
  incoming.unsubscribe(); // the last observer of the channel: UNSUBSCRIBE goes out
  process.off('SIGINT', leave);
  await client.close();
}

main().catch((err: Error) => {
  console.error(`chat: ${err.message}`);
  process.exitCode = 1;
});
