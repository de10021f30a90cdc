// PSETEX key milliseconds value: SETEX with the time to live in milliseconds. The
// command is SETEX's, built with another unit (see setex.ts).

import { setWithExpiry } from './setex';

export const psetex = setWithExpiry('psetex', 'milliseconds', {
  summary: 'Set the value and expiration in milliseconds of a key',
  since: '2.6.0',
});
