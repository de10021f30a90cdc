// The set commands, byte for byte against real Redis (see corpus-sets.ts), in RESP2 and
// after HELLO 3. With no redis-server installed, describeDifferential registers the
// cases as skipped and says why.
import { startServer } from '../../src/index';
import { setsCorpus, setsResp3Corpus } from './corpus-sets';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential, set commands (RESP2): our replies are byte-identical to redis-server',
  cases: setsCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential, set commands after HELLO 3 (RESP3): our replies are byte-identical to redis-server',
  cases: setsResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
