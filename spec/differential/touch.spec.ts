// TOUCH, byte for byte against real Redis (see corpus-touch.ts), in RESP2 and after
// HELLO 3. With no redis-server installed, describeDifferential registers the cases as
// skipped and says why.
import { startServer } from '../../src/index';
import { touchCorpus, touchResp3Corpus } from './corpus-touch';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: TOUCH (RESP2)',
  cases: touchCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential: TOUCH after HELLO 3 (RESP3)',
  cases: touchResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
