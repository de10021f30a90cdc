// Redis is the oracle for the keyspace commands: every case of corpus-keyspace.ts is
// sent, whole, to a real redis-server and to our server, and each connection must
// receive the same bytes from both, error texts included.
//
// The RESP3 cases begin with HELLO 3 (the harness reads RESP3 replies and masks the
// connection id in HELLO's answer).
import { startServer } from '../../src/index';
import { keyspaceCorpus, keyspaceResp3Corpus } from './corpus-keyspace';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential, keyspace commands (RESP2): our replies are byte-identical to redis-server',
  cases: keyspaceCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential, keyspace commands after HELLO 3 (RESP3): our replies are byte-identical to redis-server',
  cases: keyspaceResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
