// A command with a bug (its apply throws) must not cost the client its replies or the
// connection: the session answers that request with an error, logs the bug, and goes on
// with the rest of the batch and the next batches.
import { Db } from '../../src/db/db';
import { register } from '../../src/commands/registry';
import type { CommandSpec } from '../../src/commands/command';
import { inProcess } from '../support/in-process';
import { log } from '../../src/log';

const throws: CommandSpec = {
  name: 'test-throws',
  arity: 1,
  parse: (args) => args,
  apply: () => {
    throw new Error('a bug');
  },
};

describe('a command that throws', () => {
  it('answers an error in its place, and the connection goes on', () => {
    register([throws]);
    const logged = jest.spyOn(log, 'error').mockImplementation(() => undefined);
    try {
      const call = inProcess(new Db());
      expect(call('SET', 'k', 'v')).toEqual({ kind: 'simple', text: 'OK' });
      expect(call('TEST-THROWS')).toEqual({ kind: 'error', text: 'ERR internal error (see the server log)' });
      expect(call('GET', 'k')).toEqual({ kind: 'bulk', bytes: Buffer.from('v') });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('a bug'));
    } finally {
      logged.mockRestore();
    }
  });
});
