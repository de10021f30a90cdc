// COMMAND GETKEYS / GETKEYSANDFLAGS and COMMAND INFO / DOCS of the data-type commands,
// byte for byte against real Redis (see corpus-command-types.ts), in RESP2 and after
// HELLO 3. With no redis-server installed, describeDifferential registers the cases as
// skipped and says why.
import { startServer } from '../../src/index';
import { commandTypesCorpus, commandTypesResp3Corpus } from './corpus-command-types';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: COMMAND on the data-type commands (RESP2)',
  cases: commandTypesCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

describeDifferential({
  title: 'differential: COMMAND on the data-type commands after HELLO 3 (RESP3)',
  cases: commandTypesResp3Corpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
