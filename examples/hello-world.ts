// hello-world: the smallest program that uses the client, as mini-redis's
// examples/hello_world.rs. It sets `hello` to `world`, reads it back, and prints it.
//
//   npm run example -- hello-world          (with a server running: see examples/README.md)
//   MINI_REDIS_PORT=6380 npm run example -- hello-world
//
// RxJS pattern: commands are COLD Observables. `client.set(...)` only describes the
// command; `firstValueFrom` subscribes (which sends it) and resolves with the one
// value it emits. Because the two commands are awaited one after the other, the GET is
// sent only once the SET has been answered.

import { firstValueFrom } from 'rxjs';
import { connect } from '../src';

const host = process.env.MINI_REDIS_HOST ?? '127.0.0.1';
const port = Number(process.env.MINI_REDIS_PORT ?? 6379);

async function main(): Promise<void> {
  const client = await connect({ host, port });

  await firstValueFrom(client.set('hello', 'world'));
  const value = await firstValueFrom(client.getString('hello'));
  console.log(`got value from the server; value = ${JSON.stringify(value)}`);

  await client.close();
}

main().catch((err: Error) => {
  console.error(`hello-world: ${err.message}`);
  process.exitCode = 1;
});
