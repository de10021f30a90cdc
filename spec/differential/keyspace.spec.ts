// Redis is the oracle for the keyspace commands: every case of corpus-keyspace.ts is
// sent, whole, to a real redis-server and to our server, and each connection must
// receive the same bytes from both, error texts included.
//
// The RESP3 cases begin with HELLO 3 (the harness reads RESP3 replies and masks the
// connection id in HELLO's answer). Should HELLO ever be missing from our server they
// are registered as skipped, with the reason in their title and printed, so they
// cannot pass silently.
import { startServer } from '../../src/index';
import { commands } from '../../src/commands';
import { keyspaceCorpus, keyspaceResp3Corpus } from './corpus-keyspace';
import { describeDifferential } from './suite';

describeDifferential({
  title: 'differential, keyspace commands (RESP2): our replies are byte-identical to redis-server',
  cases: keyspaceCorpus,
  bytewise: false,
  startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
});

/** Why the RESP3 cases cannot run yet, or undefined if they can. */
function resp3Blocker(): string | undefined {
  return commands.has('hello') ? undefined : 'our server has no HELLO command';
}

const blocker = resp3Blocker();
const resp3Title = 'differential, keyspace commands after HELLO 3 (RESP3): our replies are byte-identical to redis-server';
if (blocker === undefined) {
  describeDifferential({
    title: resp3Title,
    cases: keyspaceResp3Corpus,
    bytewise: false,
    startOurs: () => startServer({ port: 0, host: '127.0.0.1' }),
  });
} else {
  const notice = `${resp3Title}: SKIPPED until ${blocker}`;
  console.warn(notice);
  process.stderr.write(`${notice}\n`);
  describe.skip(`${resp3Title} (skipped: ${blocker})`, () => {
    test.each(keyspaceResp3Corpus.map((c) => [c.name]))('%s', () => undefined);
  });
}
