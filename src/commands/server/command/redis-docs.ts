// Redis's documentation of the commands whose specs carry only a one-line syntax (see
// redis-docs-*.ts): one map by command name, which COMMAND DOCS (docs.ts) merges into its
// reply. A field on the command's own spec wins over the table, so a command can carry
// its documentation itself.

import type { CommandDocs } from './command-docs';
import { hashesDocs } from './redis-docs-hashes';
import { listsDocs } from './redis-docs-lists';
import { setsDocs } from './redis-docs-sets';
import { sortDocs } from './redis-docs-sort';
import { sortedSetsDocs } from './redis-docs-sorted-sets';

export const redisDocs: ReadonlyMap<string, CommandDocs> = new Map([...listsDocs, ...hashesDocs, ...setsDocs, ...sortedSetsDocs, ...sortDocs]);
