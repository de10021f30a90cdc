// pub: publish one message, as mini-redis's examples/pub.rs. Run `sub` first (in
// another terminal) to see it arrive.
//
//   npm run example -- pub                  publishes "bar" to channel "foo"
//   npm run example -- pub news "hello"     publishes "hello" to channel "news"
//   (MINI_REDIS_PORT / MINI_REDIS_HOST choose the server; default 127.0.0.1:6379)
//
// RxJS pattern: an Observable pipeline from start to end. `from(connect())` turns the
// connection Promise into an Observable; `switchMap` chains the PUBLISH onto it, and
// `finalize` closes the client however the pipeline ends (value, error, or both).

import { finalize, from, switchMap } from 'rxjs';
import { connect } from '../src';

const host = process.env.MINI_REDIS_HOST ?? '127.0.0.1';
const port = Number(process.env.MINI_REDIS_PORT ?? 6379);
const [channel = 'foo', message = 'bar'] = process.argv.slice(2);

from(connect({ host, port }))
  .pipe(switchMap((client) => client.publish(channel, message).pipe(finalize(() => void client.close()))))
  .subscribe({
    next: (receivers) => console.log(`published ${JSON.stringify(message)} to ${channel}; receivers = ${receivers}`),
    error: (err: Error) => {
      console.error(`pub: ${err.message}`);
      process.exitCode = 1;
    },
  });
