// DEBUG DIGEST and DEBUG DIGEST-VALUE key [key ...]: the dataset's signature, and each
// named key's, as status replies of 40 hex digits (see value-digest.ts for what they
// sign and how they differ from Redis's own bytes).

import { array, simple } from '../../../protocol/frame';
import { type DebugSubcommand, exactly } from './subcommand';
import { datasetDigest, keyValueDigest } from './value-digest';
import { keyOf } from '../../command';

export const debugDigest: DebugSubcommand = {
  name: 'digest',
  accepts: exactly(2),
  run: (_args, { db }) => simple(datasetDigest(db).toString('hex')),
};

export const debugDigestValue: DebugSubcommand = {
  name: 'digest-value',
  // Redis accepts no key at all, and answers an empty array.
  accepts: (argc) => argc >= 2,
  run: (args, { db }) => array(args.map((key) => simple(keyValueDigest(db, keyOf(key)).toString('hex')))),
};
