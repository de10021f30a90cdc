// LPUSH key element [element ...]: prepends the elements, one after the other (so the
// last one named ends up first), creating the list if needed; answers the new length.
// The shared work is in push.ts.

import { pushCommand } from './push';

export const lpush = pushCommand({
  name: 'lpush',
  end: 'left',
  onlyIfExists: false,
  summary: 'Prepend one or multiple elements to a list',
  since: '1.0.0',
});
