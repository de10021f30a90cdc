// RPOP key [count]: removes and returns the last element, or the last `count` elements
// (the last first) as an array. The shared work is in pop-command.ts and pop.ts.

import { popCommand } from './pop-command';

export const rpop = popCommand({ name: 'rpop', end: 'right', summary: 'Remove and get the last elements in a list' });
