// Whether the configured maxmemory-policy is an LFU one (allkeys-lfu, volatile-lfu):
// Redis keeps either an access clock (LRU) or an access counter (LFU) in each object,
// never both, so OBJECT IDLETIME is refused under LFU and OBJECT FREQ otherwise.

import type { ServerState } from '../../server-state';

export const lfuPolicy = (server: ServerState): boolean => (server.config.get('maxmemory-policy') ?? '').endsWith('-lfu');
