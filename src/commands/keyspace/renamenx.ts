// RENAMENX key newkey: RENAME, but only when newkey does not exist yet. Answers 1 if
// the key was renamed, 0 if not (newkey exists, or both names are the same), and
// Redis's `no such key` error when the source is missing.

import { integer } from '../../protocol/frame';
import { CommandSpec } from '../command';
import { NO_SUCH_KEY, Rename, parseRename, renameKey } from './rename';

export const renamenx: CommandSpec<Rename> = {
  name: 'renamenx',
  arity: 3,
  flags: ['write', 'fast'],
  categories: ['@keyspace', '@write', '@fast'],
  keys: { first: 1, last: 2, step: 1 },
  summary: 'Rename a key, only if the new key does not exist',
  since: '1.0.0',
  group: 'generic',
  syntax: 'key newkey',
  parse: parseRename,
  apply(command, { db }) {
    const outcome = renameKey(db, command, true);
    if (outcome === 'missing') return NO_SUCH_KEY.frame;
    return integer(outcome === 'renamed' ? 1 : 0);
  },
};
