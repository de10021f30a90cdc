// The hash commands, byte for byte against real Redis (see corpus-hashes.ts), in RESP2
// and after HELLO 3. With no redis-server installed, describeDifferential registers the
// cases as skipped and says why.
import { startServer } from '../../src/index';
import { hashesCorpus, hashesResp3Corpus } from './corpus-hashes';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: hash commands (RESP2)',
  cases: hashesCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential: hash commands after HELLO 3 (RESP3)',
  cases: hashesResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
