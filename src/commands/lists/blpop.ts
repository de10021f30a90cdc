// BLPOP key [key ...] timeout: LPOP from the first non-empty list among the keys, or
// wait for one (up to `timeout` seconds, 0 = forever) and answer [key, element]; the
// null array on timeout. The worker's end of a job queue. The shared work is in
// blocking-pop-command.ts and pop.ts.

import { blockingPopCommand } from './blocking-pop-command';

export const blpop = blockingPopCommand({
  name: 'blpop',
  end: 'left',
  summary: 'Remove and get the first element in a list, or block until one is available',
});
