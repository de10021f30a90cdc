// RPUSHX key element [element ...]: RPUSH, but only onto a list that exists; a missing
// key answers 0 and stays missing. The shared work is in push.ts.

import { pushCommand } from './push';

export const rpushx = pushCommand({
  name: 'rpushx',
  end: 'right',
  onlyIfExists: true,
  summary: 'Append an element to a list, only if the list exists',
  since: '2.2.0',
});
