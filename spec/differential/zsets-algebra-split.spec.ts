// The blocking sorted-set cases again (see corpus-zsets-algebra.ts), every write cut into
// 1-byte writes that the server reads one by one: a BZPOPMIN or BZMPOP that arrives in
// pieces blocks only once complete, and the commands pipelined behind a blocked one wait
// however they are cut. Only the small blocking cases: one barrier round trip per byte
// makes big cases slow, and framing in general is differential-split.spec.ts's business.
import { startServer } from '../../src/index';
import { bytesSent } from './corpus';
import { zsetsAlgebraCorpus } from './corpus-zsets-algebra';
import { describeDifferential } from './suite';

const MAX_BYTES = 1024;
// The timeout cases are left to the main run: cut into bytes they only wait longer.
const blocking = /^(bzpopmin|bzpopmax|bzmpop)-/;

describeDifferential({
  title: 'differential, 1-byte writes: blocking sorted-set pops',
  cases: zsetsAlgebraCorpus.filter((c) => blocking.test(c.name) && !c.name.endsWith('-timeout') && bytesSent(c) <= MAX_BYTES),
  bytewise: true,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
