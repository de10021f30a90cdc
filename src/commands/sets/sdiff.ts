// SDIFF key [key ...]: the members of the first set that none of the others holds. A
// missing first key answers an empty set; the first key named again empties the
// result. Built from an empty intset, as Redis builds it, so integers left over from a
// hash table answer in numeric order. The work is in set-algebra.ts.

import { setAlgebraCommand } from './set-algebra';

export const sdiff = setAlgebraCommand({ name: 'sdiff', operation: 'diff', store: false, summary: 'Subtract multiple sets' });
