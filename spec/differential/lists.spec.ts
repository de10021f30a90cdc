// The list commands, byte for byte against real Redis (see corpus-lists.ts), in RESP2
// and after HELLO 3, blocking cases included. With no redis-server installed,
// describeDifferential registers the cases as skipped and says why.
import { startServer } from '../../src/index';
import { listsCorpus, listsResp3Corpus } from './corpus-lists';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: list commands (RESP2)',
  cases: listsCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential: list commands after HELLO 3 (RESP3)',
  cases: listsResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
