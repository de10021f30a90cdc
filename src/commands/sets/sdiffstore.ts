// SDIFFSTORE destination key [key ...]: SDIFF, stored at destination (replacing what it
// held, its time to live included); answers the result's size. An empty result deletes
// the destination. The work is in set-algebra.ts.

import { setAlgebraCommand } from './set-algebra';

export const sdiffstore = setAlgebraCommand({
  name: 'sdiffstore',
  operation: 'diff',
  store: true,
  summary: 'Subtract multiple sets and store the resulting set in a key',
});
