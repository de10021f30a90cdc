// DEBUG CHANGE-REPL-ID: a new replication id, as INFO replication's master_replid shows.
// There are no replicas to confuse; Redis's tests use it to force full resyncs.

import { OK } from '../../../protocol/frame';
import { changeReplicationId } from '../info-sections';
import { type DebugSubcommand, exactly } from './subcommand';

export const debugChangeReplId: DebugSubcommand = {
  name: 'change-repl-id',
  accepts: exactly(2),
  run(_args, { server }) {
    changeReplicationId(server);
    return OK;
  },
};
