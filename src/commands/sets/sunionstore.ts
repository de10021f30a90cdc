// SUNIONSTORE destination key [key ...]: SUNION, stored at destination (replacing what
// it held, its time to live included); answers the result's size. An empty result
// deletes the destination. The work is in set-algebra.ts.

import { setAlgebraCommand } from './set-algebra';

export const sunionstore = setAlgebraCommand({
  name: 'sunionstore',
  operation: 'union',
  store: true,
  summary: 'Add multiple sets and store the resulting set in a key',
});
