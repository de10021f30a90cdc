// The same corpus again, but every write cut into 1-byte writes, each read by the
// server as a chunk of its own: a framing decoder must give the same replies however
// the bytes arrive. Redis, reading the same 1-byte chunks, is still the oracle.
//
// Left out: cases that send many kilobytes (one barrier round trip per byte would be
// slow, and the "too big" limits are about sizes, not about splits), and cases marked
// bytewise:false in the corpus (bytes written after the server closes on us).
import { startServer } from '../../src/index';
import { bytesSent, corpus } from './corpus';
import { describeDifferential } from './suite';

const MAX_BYTES = 4096;

describeDifferential({
  title: 'differential, 1-byte writes: our replies are byte-identical to redis-server',
  cases: corpus.filter((c) => c.bytewise !== false && bytesSent(c) <= MAX_BYTES),
  bytewise: true,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});
