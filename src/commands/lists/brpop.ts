// BRPOP key [key ...] timeout: RPOP from the first non-empty list among the keys, or
// wait for one, as BLPOP does from the other end. The shared work is in
// blocking-pop-command.ts and pop.ts.

import { blockingPopCommand } from './blocking-pop-command';

export const brpop = blockingPopCommand({
  name: 'brpop',
  end: 'right',
  summary: 'Remove and get the last element in a list, or block until one is available',
});
