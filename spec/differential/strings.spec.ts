// Redis is the oracle for the string commands: every case of corpus-strings.ts is
// sent, whole, to a real redis-server and to our server, and each connection must
// receive the same bytes from both, error texts included; first in RESP2, then after
// HELLO 3 (RESP3), where only nil changes shape.
import { startServer } from '../../src/index';
import { commands } from '../../src/commands';
import { stringsCorpus, stringsResp3Corpus } from './corpus-strings';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential, string commands (RESP2): our replies are byte-identical to redis-server',
  cases: stringsCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

const resp3Title = 'differential, string commands after HELLO 3 (RESP3): our replies are byte-identical to redis-server';
if (commands.has('hello')) {
  describeDifferential({
    title: resp3Title,
    cases: stringsResp3Corpus,
    bytewise: false,
    startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
  });
} else {
  // Not silently: the reason is printed and is in the skipped suite's title.
  const reason = 'our server has no HELLO command';
  process.stderr.write(`${resp3Title}: SKIPPED until ${reason}\n`);
  describe.skip(`${resp3Title} (skipped: ${reason})`, () => {
    test.each(stringsResp3Corpus.map((c) => [c.name]))('%s', () => undefined);
  });
}
