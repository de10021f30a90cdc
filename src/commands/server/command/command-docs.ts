// The documentation fields of a command that COMMAND DOCS reports beyond its summary,
// since and group, as one type: what a table entry of redis-docs-*.ts may give.

import type { CommandSpec } from '../../command';

export type CommandDocs = Pick<CommandSpec<unknown>, 'arguments' | 'complexity' | 'history' | 'docFlags' | 'deprecatedSince' | 'replacedBy'>;
