// SUNION key [key ...]: the members of any of the sets, as a set (missing keys are
// empty sets). Built from an empty intset, as Redis builds it, so a union of integers
// answers in numeric order. The work is in set-algebra.ts.

import { setAlgebraCommand } from './set-algebra';

export const sunion = setAlgebraCommand({ name: 'sunion', operation: 'union', store: false, summary: 'Add multiple sets' });
