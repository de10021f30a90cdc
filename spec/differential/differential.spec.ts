// Redis is the oracle: every corpus case is sent, as written, to a real redis-server
// and to our server, and each connection must receive the same bytes from both,
// error texts included. See corpus.ts for the cases and run-case.ts for how they run.
import { startServer } from '../../src/index';
import { corpus } from './corpus';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: our replies are byte-identical to redis-server',
  cases: corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
