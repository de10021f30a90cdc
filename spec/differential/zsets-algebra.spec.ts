// The sorted-set algebra and pops (ZUNIONSTORE & co, ZRANGESTORE, ZRANDMEMBER, ZPOPMIN,
// ZMPOP and the blocking BZPOPMIN BZPOPMAX BZMPOP), byte for byte against real Redis
// (see corpus-zsets-algebra.ts), in RESP2 and after HELLO 3. With no redis-server
// installed, describeDifferential registers the cases as skipped and says why.
import { startServer } from '../../src/index';
import { zsetsAlgebraCorpus, zsetsAlgebraResp3Corpus } from './corpus-zsets-algebra';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: sorted-set algebra and pops (RESP2)',
  cases: zsetsAlgebraCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential: sorted-set algebra and pops after HELLO 3 (RESP3)',
  cases: zsetsAlgebraResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
