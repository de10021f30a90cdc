// DEBUG LISTPACK key and DEBUG QUICKLIST key [0|1]: in Redis they print the value's
// low-level layout on the server's stdout and answer a status line saying so. Here the
// layout is this server's own data structure, not a listpack or a quicklist, so nothing
// is printed; the checks and replies are Redis's: "no such key" for a missing key, the
// error texts for a value of another encoding, and the status line otherwise.

import { simple } from '../../../protocol/frame';
import { ReplyError, keyOf } from '../../command';
import { encodingOf } from '../../keyspace/object/value-encoding';
import { NO_SUCH_KEY } from './object';
import { type DebugSubcommand, exactly } from './subcommand';

const NOT_LISTPACK = new ReplyError('ERR Not a listpack encoded object.');
const NOT_QUICKLIST = new ReplyError('ERR Not a quicklist encoded object.');

export const debugListpack: DebugSubcommand = {
  name: 'listpack',
  accepts: exactly(3),
  run(args, { db }) {
    const value = db.value(keyOf(args[0]));
    if (value === undefined) return NO_SUCH_KEY.frame;
    return encodingOf(value) === 'listpack' ? simple('Listpack structure printed on stdout') : NOT_LISTPACK.frame;
  },
};

export const debugQuicklist: DebugSubcommand = {
  name: 'quicklist',
  accepts: (argc) => argc === 3 || argc === 4,
  run(args, { db }) {
    const value = db.value(keyOf(args[0]));
    if (value === undefined) return NO_SUCH_KEY.frame;
    return encodingOf(value) === 'quicklist' ? simple('Quicklist structure printed on stdout') : NOT_QUICKLIST.frame;
  },
};
