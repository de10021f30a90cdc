// MEMORY PURGE: Redis asks jemalloc to return dirty pages to the system. V8's garbage
// collector decides that here, and is not told to; the answer is Redis's OK.

import { OK } from '../../../protocol/frame';
import { CommandSpec, rawArguments } from '../../command';

export const memoryPurge: CommandSpec = {
  name: 'memory|purge',
  arity: 2,
  categories: ['@slow'],
  summary: 'Ask the allocator to release memory',
  since: '4.0.0',
  group: 'server',
  parse: rawArguments,
  apply: () => OK,
};
