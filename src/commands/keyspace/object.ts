// OBJECT <subcommand> key: introspection of the value at a key (ENCODING, REFCOUNT,
// IDLETIME, FREQ, HELP). A container, as CLIENT and CONFIG: the dispatcher routes
// `OBJECT ENCODING k` to `object|encoding`, one file per subcommand in object/, and
// answers Redis's errors for an unknown subcommand or a wrong argument count.
//
// Redis's test suite reads OBJECT ENCODING after almost every write of a type test
// (assert_encoding), which is why the aggregates carry Redis's encoding names and
// convert at Redis's thresholds.

import { CommandSpec, rawArguments } from '../command';
import { objectEncoding } from './object/encoding';
import { objectFreq } from './object/freq';
import { objectHelp } from './object/help';
import { objectIdletime } from './object/idletime';
import { objectRefcount } from './object/refcount';

export const object: CommandSpec = {
  name: 'object',
  arity: -2,
  categories: ['@slow'],
  summary: 'A container for object introspection commands',
  since: '2.2.3',
  group: 'generic',
  subcommands: [objectHelp, objectIdletime, objectFreq, objectEncoding, objectRefcount],
  parse: rawArguments,
  // Only reached without a subcommand, which the arity check already refuses.
  apply: () => ({ type: 'error', value: "ERR wrong number of arguments for 'object' command" }),
};
