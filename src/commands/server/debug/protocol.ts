// DEBUG PROTOCOL <type>: one test value of each RESP3 type, for client libraries'
// tests of their parsers: string, integer, double, bignum, null, array, set, map,
// attrib, push, verbatim, true, false. Each is returned as the RESP3 frame and folded to
// RESP2 by the connection's ReplyWriter, as Redis folds it (a set is an array, a double
// a bulk string, a boolean an integer, a verbatim string a bulk string).
//
// Two types have no Frame of their own in this server yet, and are sent as their
// nearest RESP2 form in both protocols:
// - bignum: `(1234...` in RESP3, the bulk string of its digits in RESP2.
// - attrib: Redis sends an attribute (`|1 key-popularity [key:123 90]`) before the real
//   reply in RESP3; here only the real reply, which is all RESP2 gets.
// `push` is refused in RESP2 with Redis's text; in RESP3 it is a push frame followed by
// the real reply, as Redis sends it.

import { type Frame, NULL, array, bulk, integer, map, push, set } from '../../../protocol/frame';
import { ReplyError } from '../../command';
import { type DebugSubcommand, exactly } from './subcommand';

const WRONG_TYPE_NAME = new ReplyError(
  'ERR Wrong protocol type name. Please use one of the following: string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false',
);
const RESP2_UNSUPPORTED = new ReplyError('ERR RESP2 is not supported by this command');

const boolean = (value: boolean): Frame => ({ type: 'boolean', value });
const zeroOneTwo = (): Frame[] => [0, 1, 2].map((n) => integer(n));

export const debugProtocol: DebugSubcommand = {
  name: 'protocol',
  accepts: exactly(3),
  run(args, { protocol }) {
    switch (args[0].toString('latin1').toLowerCase()) {
      case 'string':
        return bulk('Hello World');
      case 'integer':
        return integer(12345);
      case 'double':
        return { type: 'double', value: 3.141 };
      case 'bignum':
        return { type: 'bigNumber', value: '1234567999999999999999999999999999999' };
      case 'null':
        return NULL;
      case 'array':
        return array(zeroOneTwo());
      case 'set':
        return set(zeroOneTwo());
      case 'map':
        return map([0, 1, 2].map((n) => [integer(n), boolean(n === 1)] as const));
      case 'attrib':
        return bulk('Some real reply following the attribute');
      case 'push':
        if (protocol < 3) return RESP2_UNSUPPORTED.frame;
        return [push([bulk('server-cpu-usage'), integer(42)]), bulk('Some real reply following the push reply')];
      case 'verbatim':
        return { type: 'verbatim', format: 'txt', value: Buffer.from('This is a verbatim\nstring', 'latin1') };
      case 'true':
        return boolean(true);
      case 'false':
        return boolean(false);
      default:
        return WRONG_TYPE_NAME.frame;
    }
  },
};
