// The server surface of the data types (CONFIG thresholds, OBJECT, DEBUG refused, SORT,
// SORT_RO, COPY, keyspace commands on aggregates, INFO keyspace), byte for byte against
// real Redis (see corpus-server-types.ts), in RESP2 and after HELLO 3. With no
// redis-server installed, describeDifferential registers the cases as skipped and says why.
import { startServer } from '../../src/index';
import { serverTypesCorpus, serverTypesResp3Corpus } from './corpus-server-types';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: server surface of the data types (RESP2)',
  cases: serverTypesCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential: server surface of the data types after HELLO 3 (RESP3)',
  cases: serverTypesResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
