// sub: subscribe to a channel and print the first message that arrives, as mini-redis's
// examples/sub.rs. Start it, then run `pub` (or `mini-redis-cli publish foo bar`).
//
//   npm run example -- sub                  waits on channel "foo"
//   npm run example -- sub news sports      waits on "news" and "sports"
//   (MINI_REDIS_PORT / MINI_REDIS_HOST choose the server; default 127.0.0.1:6379)
//
// RxJS pattern: `take(1)` as the whole control flow. The message stream would go on
// forever; `take(1)` completes it after one message, and completing is unsubscribing:
// its teardown sends UNSUBSCRIBE. `ready()` resolves once the server has confirmed the
// subscription, the moment from which a published message cannot be missed.

import { firstValueFrom, take } from 'rxjs';
import { connect } from '../src';

const host = process.env.MINI_REDIS_HOST ?? '127.0.0.1';
const port = Number(process.env.MINI_REDIS_PORT ?? 6379);
const channels = process.argv.length > 2 ? process.argv.slice(2) : ['foo'];

async function main(): Promise<void> {
  const client = await connect({ host, port });
  const messages = client.subscribe(...channels);

  const first = firstValueFrom(messages.pipe(take(1)));
  await messages.ready();
  console.log(`subscribed to ${channels.join(', ')}; waiting for a message`);

  const { channel, message } = await first;
  console.log(`got message from the channel: ${channel}; message = ${JSON.stringify(message.toString())}`);
  await client.close();
}

main().catch((err: Error) => {
  console.error(`sub: ${err.message}`);
  process.exitCode = 1;
});
