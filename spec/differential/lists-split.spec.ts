// The blocking list cases again (see corpus-lists.ts), every write cut into 1-byte
// writes that the server reads one by one. What it shows: a BLPOP that arrives in pieces
// blocks only once complete, and the bytes a blocked connection receives meanwhile (its
// next, pipelined commands) wait behind the blocked command however they are cut. Only
// the small blocking cases: one barrier round trip per byte makes big cases slow, and the
// framing of ordinary commands is the main corpus's business (differential-split.spec.ts).
import { startServer } from '../../src/index';
import { bytesSent } from './corpus';
import { listsCorpus } from './corpus-lists';
import { describeDifferential } from './suite';

const MAX_BYTES = 1024;
const blocking = /^(blpop|brpop|blmove|brpoplpush|blmpop|blocked)-/;

describeDifferential({
  title: 'differential, 1-byte writes: blocking list commands',
  cases: listsCorpus.filter((c) => blocking.test(c.name) && bytesSent(c) <= MAX_BYTES),
  bytewise: true,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
