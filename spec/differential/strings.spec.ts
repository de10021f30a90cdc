// Redis is the oracle for the string commands: every case of corpus-strings.ts is
// sent, whole, to a real redis-server and to our server, and each connection must
// receive the same bytes from both, error texts included; first in RESP2, then after
// HELLO 3 (RESP3), where only nil changes shape.
import { startServer } from '../../src/index';
import { stringsCorpus, stringsResp3Corpus } from './corpus-strings';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential, string commands (RESP2): our replies are byte-identical to redis-server',
  cases: stringsCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential, string commands after HELLO 3 (RESP3): our replies are byte-identical to redis-server',
  cases: stringsResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
