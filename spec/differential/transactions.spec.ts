// MULTI, EXEC, DISCARD, WATCH, UNWATCH, byte for byte against real Redis (see
// corpus-transactions.ts), in RESP2 and after HELLO 3, with two connections where the
// order matters (WATCH on a, a write on b, EXEC on a).
import { startServer } from '../../src/index';
import { transactionsCorpus, transactionsResp3Corpus } from './corpus-transactions';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: transactions (RESP2)',
  cases: transactionsCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential: transactions after HELLO 3 (RESP3)',
  cases: transactionsResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
