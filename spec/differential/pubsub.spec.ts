// Pattern pub/sub and PUBSUB, byte for byte against real Redis (see corpus-pubsub.ts).
import { startServer } from '../../src/index';
import { pubsubCorpus } from './corpus-pubsub';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential: pattern pub/sub',
  cases: pubsubCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
