// RPUSH key element [element ...]: appends the elements in order, creating the list if
// needed; answers the new length. The shared work is in push.ts.

import { pushCommand } from './push';

export const rpush = pushCommand({
  name: 'rpush',
  end: 'right',
  onlyIfExists: false,
  summary: 'Append one or multiple elements to a list',
  since: '1.0.0',
});
