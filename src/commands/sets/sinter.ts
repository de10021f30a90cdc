// SINTER key [key ...]: the members every set holds, as a set. A missing key is an
// empty set, so the answer is empty; a key of another type is WRONGTYPE wherever it is
// named. The smallest set is the one walked, so an intset answers in numeric order.
// The work is in set-algebra.ts.

import { setAlgebraCommand } from './set-algebra';

export const sinter = setAlgebraCommand({ name: 'sinter', operation: 'inter', store: false, summary: 'Intersect multiple sets' });
