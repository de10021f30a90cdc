// The core sorted-set commands, byte for byte against real Redis (see
// corpus-zsets-core.ts), in RESP2 and after HELLO 3. With no redis-server installed,
// describeDifferential registers the cases as skipped and says why.
import { startServer } from '../../src/index';
import { zsetsCoreCorpus, zsetsCoreResp3Corpus } from './corpus-zsets-core';
import { zsetsCoreRandomCorpus } from './corpus-zsets-core-random';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential, core sorted-set commands (RESP2): our replies are byte-identical to redis-server',
  cases: zsetsCoreCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential, core sorted-set commands after HELLO 3 (RESP3): our replies are byte-identical to redis-server',
  cases: zsetsCoreResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential, core sorted-set commands in random (seeded) combinations: byte-identical to redis-server',
  cases: zsetsCoreRandomCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
