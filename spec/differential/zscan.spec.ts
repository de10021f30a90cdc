// ZSCAN, byte for byte against real Redis (corpus-zscan.ts), in RESP2 and after HELLO 3.
import { startServer } from '../../src/index';
import { zscanCorpus, zscanResp3Corpus } from './corpus-zscan';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: ZSCAN (RESP2)',
  cases: zscanCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential: ZSCAN after HELLO 3 (RESP3)',
  cases: zscanResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
