// LPOP key [count]: removes and returns the first element, or the first `count`
// elements as an array. The shared work is in pop-command.ts and pop.ts.

import { popCommand } from './pop-command';

export const lpop = popCommand({ name: 'lpop', end: 'left', summary: 'Remove and get the first elements in a list' });
