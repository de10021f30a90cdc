// DEBUG ERROR <string>: an error reply with exactly that text (newlines turned into
// spaces, so it stays one line), for clients' tests of their error handling; and DEBUG
// LOG <message>, which writes the message to the server's log.

import { OK } from '../../../protocol/frame';
import { log } from '../../../log';
import { type DebugSubcommand, exactly } from './subcommand';

export const debugError: DebugSubcommand = {
  name: 'error',
  accepts: exactly(3),
  run: (args) => ({ type: 'error', value: args[0].toString('latin1').replace(/[\r\n]/g, ' ') }),
};

export const debugLog: DebugSubcommand = {
  name: 'log',
  accepts: exactly(3),
  run(args) {
    log.warn(`DEBUG LOG: ${args[0].toString('latin1')}`);
    return OK;
  },
};
