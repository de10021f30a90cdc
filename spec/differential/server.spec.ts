// The connection and server commands, and RESP3 replies after HELLO 3, byte for byte
// against real Redis (see corpus-server.ts).
import { startServer } from '../../src/index';
import { serverCorpus } from './corpus-server';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: connection and server commands, RESP3',
  cases: serverCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
