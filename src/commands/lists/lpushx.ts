// LPUSHX key element [element ...]: LPUSH, but only onto a list that exists; a missing
// key answers 0 and stays missing. (Several elements are accepted since Redis 4.0.)
// The shared work is in push.ts.

import { pushCommand } from './push';

export const lpushx = pushCommand({
  name: 'lpushx',
  end: 'left',
  onlyIfExists: true,
  summary: 'Prepend an element to a list, only if the list exists',
  since: '2.2.0',
});
