// The sections of INFO, each a list of `field:value` lines, in Redis's order and with
// Redis's field names, so that tools reading INFO (ioredis's ready check reads
// `loading`, BullMQ reads `redis_version` and `maxmemory_policy`) find what they look
// for. Figures are real where this server has them: uptime, clients, Node's memory
// usage, the command and connection counters, the keyspace. Fields describing
// machinery it does not have (persistence, replication, clusters) say so the way a
// Redis with that machinery switched off says it: loading:0, role:master,
// cluster_enabled:0. Fields with no honest value at all are left out rather than made up.

import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import type { Db } from '../../db/db';
import type { ServerState } from '../server-state';
import { parameterNamed } from './config/parameters';
import { REDIS_VERSION } from './redis-version';
import { scriptingOf } from '../../scripting/scripting';

type Fields = readonly (readonly [string, string | number])[];

export interface Section {
  /** As INFO's arguments name it, lower case. */
  readonly name: string;
  /** The section's heading, `# Server`. */
  readonly title: string;
  readonly fields: (server: ServerState, db: Db) => Fields;
}

/** Per-server figures that last as long as the server: its run id, its memory peak. */
interface Lifetime {
  readonly runId: string;
  replicationId: string;
  peakMemory: number;
}
const lifetimes = new WeakMap<ServerState, Lifetime>();
function lifetimeOf(server: ServerState): Lifetime {
  let lifetime = lifetimes.get(server);
  if (lifetime === undefined) {
    lifetime = { runId: randomBytes(20).toString('hex'), replicationId: randomBytes(20).toString('hex'), peakMemory: 0 };
    lifetimes.set(server, lifetime);
  }
  return lifetime;
}

// INFO's config-backed fields (maxclients, maxmemory...) are never encoding thresholds,
// so no Db is needed to read them.
/**
 * A new replication id (DEBUG CHANGE-REPL-ID), as Redis's changeReplicationId: INFO
 * replication's master_replid changes, master_replid2 stays zeros (there was no
 * previous master to keep).
 */
export function changeReplicationId(server: ServerState): void {
  lifetimeOf(server).replicationId = randomBytes(20).toString('hex');
}

const config = (server: ServerState, name: string): string => server.config.get(name) ?? parameterNamed(name)!.initial(server);

/** Redis's bytesToHuman: 1023B, 1.16M, 23.54G. */
export function bytesToHuman(bytes: number): string {
  const units = ['B', 'K', 'M', 'G', 'T', 'P'];
  if (bytes < 1024) return `${bytes}B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(2)}${units[unit]}`;
}

// Each section is a function of the live state, computed when INFO asks: nothing is
// kept up to date in the background, so an idle server spends no time on INFO.
// Sections are plain arrays of pairs, in Redis's field order, because tools parse INFO
// line by line and some compare its output with a real Redis's.
function server(state: ServerState, db: Db): Fields {
  const now = db.now();
  // Uptime is wall-clock time (a fact about the process), while server_time_usec is the
  // Db's clock, the one TIME and expiry use: under a TestScheduler the two differ, and
  // a client computing an EXPIREAT from the server's time must see the Db's.
  const uptime = Math.max(0, Math.floor((Date.now() - state.startedAt) / 1000));
  return [
    ['redis_version', REDIS_VERSION],
    // Not a Redis field: as other Redis-compatible servers do, say which server this is.
    ['server_name', 'mini-redis-rx'],
    ['redis_mode', 'standalone'],
    ['os', `${os.type()} ${os.release()} ${os.machine()}`],
    ['arch_bits', /64/.test(process.arch) ? 64 : 32],
    ['process_id', process.pid],
    ['process_supervised', 'no'],
    ['run_id', lifetimeOf(state).runId],
    ['tcp_port', state.port],
    ['server_time_usec', Math.floor(now) * 1000],
    ['uptime_in_seconds', uptime],
    ['uptime_in_days', Math.floor(uptime / 86400)],
    ['executable', process.execPath],
    ['config_file', ''],
    ['io_threads_active', 0],
  ];
}

function clients(state: ServerState): Fields {
  let subscribers = 0;
  let blocked = 0;
  let timeouts = 0;
  for (const client of state.clients.values()) {
    if (client.subscriptions + client.patternSubscriptions > 0) subscribers++;
    if (client.blocked) blocked++;
    if (client.blocked && client.blockedWithTimeout) timeouts++;
  }
  return [
    ['connected_clients', state.clients.size],
    ['cluster_connections', 0],
    ['maxclients', config(state, 'maxclients')],
    ['blocked_clients', blocked],
    ['tracking_clients', 0],
    ['clients_in_timeout_table', timeouts],
    // Not in Redis 7.0's list: how many of the clients are in subscribed mode.
    ['pubsub_clients', subscribers],
  ];
}

// Memory figures come from Node (process.memoryUsage), not from an allocator of our
// own: they are honest about the process, which is what a user watching a test
// server grow wants to know, even if they are not Redis's jemalloc figures.
function memory(state: ServerState): Fields {
  const usage = process.memoryUsage();
  // V8's heap plus the memory of Buffers (values and keys live in both).
  const used = usage.heapUsed + usage.external;
  const lifetime = lifetimeOf(state);
  lifetime.peakMemory = Math.max(lifetime.peakMemory, used);
  const maxmemory = Number(config(state, 'maxmemory'));
  return [
    ['used_memory', used],
    ['used_memory_human', bytesToHuman(used)],
    ['used_memory_rss', usage.rss],
    ['used_memory_rss_human', bytesToHuman(usage.rss)],
    ['used_memory_peak', lifetime.peakMemory],
    ['used_memory_peak_human', bytesToHuman(lifetime.peakMemory)],
    ['total_system_memory', os.totalmem()],
    ['total_system_memory_human', bytesToHuman(os.totalmem())],
    ['maxmemory', maxmemory],
    ['maxmemory_human', bytesToHuman(maxmemory)],
    ['maxmemory_policy', config(state, 'maxmemory-policy')],
    ['mem_allocator', 'v8'],
    ...scriptingMemory(state),
  ];
}

// No persistence at all: the fields say what a Redis with RDB and AOF switched off
// says, because clients read `loading` (ioredis waits for loading:0 before its ready
// event) and monitoring tools read the save status.
function persistence(state: ServerState): Fields {
  return [
    ['loading', 0],
    ['async_loading', 0],
    ['rdb_bgsave_in_progress', 0],
    // Redis counts the start as the last save, with nothing to save since.
    ['rdb_last_save_time', Math.floor(state.startedAt / 1000)],
    ['rdb_last_bgsave_status', 'ok'],
    ['rdb_saves', 0],
    ['aof_enabled', 0],
    ['aof_rewrite_in_progress', 0],
    ['aof_rewrite_scheduled', 0],
    ['aof_last_bgrewrite_status', 'ok'],
    ['aof_last_write_status', 'ok'],
  ];
}

function stats(state: ServerState, db: Db): Fields {
  const s = state.stats;
  return [
    ['total_connections_received', s.connectionsReceived],
    ['total_commands_processed', s.commandsProcessed],
    ['rejected_connections', s.rejectedConnections],
    ['expired_keys', s.expiredKeys],
    ['evicted_keys', 0],
    ['keyspace_hits', s.keyspaceHits],
    ['keyspace_misses', s.keyspaceMisses],
    ['pubsub_channels', db.activeChannels().length],
    ['pubsub_patterns', db.patternCount],
    ['total_forks', 0],
    ['total_error_replies', s.errorReplies],
  ];
}

// A standalone master with no replicas: what a client checking the role of the server
// it reached (before writing to it) must read.
function replication(state: ServerState): Fields {
  return [
    ['role', 'master'],
    ['connected_slaves', 0],
    ['master_failover_state', 'no-failover'],
    ['master_replid', lifetimeOf(state).replicationId],
    ['master_replid2', '0'.repeat(40)],
    ['master_repl_offset', 0],
    ['second_repl_offset', -1],
    ['repl_backlog_active', 0],
    ['repl_backlog_first_byte_offset', 0],
    ['repl_backlog_histlen', 0],
  ];
}

function cpu(): Fields {
  const usage = process.cpuUsage();
  const seconds = (micros: number): string => (micros / 1e6).toFixed(6);
  return [
    ['used_cpu_sys', seconds(usage.system)],
    ['used_cpu_user', seconds(usage.user)],
    ['used_cpu_sys_children', '0.000000'],
    ['used_cpu_user_children', '0.000000'],
  ];
}

function keyspace(_state: ServerState, db: Db): Fields {
  // Redis's avg_ttl is an estimate sampled by its expiry cycle; this server does not
  // sample, and reports 0, which is also what Redis reports before its first sample.
  return db.size === 0 ? [] : [['db0', `keys=${db.size},expires=${db.expiringKeys},avg_ttl=0`]];
}

/** Every section, in the order INFO prints them. */
export const SECTIONS: readonly Section[] = [
  { name: 'server', title: 'Server', fields: server },
  { name: 'clients', title: 'Clients', fields: clients },
  { name: 'memory', title: 'Memory', fields: memory },
  { name: 'persistence', title: 'Persistence', fields: persistence },
  { name: 'stats', title: 'Stats', fields: stats },
  { name: 'replication', title: 'Replication', fields: replication },
  { name: 'cpu', title: 'CPU', fields: cpu },
  // No modules: the section is there, and empty, as in a Redis without modules.
  { name: 'modules', title: 'Modules', fields: () => [] },
  // Sorted by code: Redis keeps them in a radix tree.
  {
    name: 'errorstats',
    title: 'Errorstats',
    fields: (state) =>
      [...state.errorCodes]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([code, count]) => [`errorstat_${code}`, `count=${count}`] as const),
  },
  { name: 'cluster', title: 'Cluster', fields: () => [['cluster_enabled', 0]] },
  { name: 'keyspace', title: 'Keyspace', fields: keyspace },
];

/** `# Title\r\nfield:value\r\n...` */
// CRLF line ends, as Redis writes INFO: clients split on \r\n.
export function renderSection(section: Section, state: ServerState, db: Db): string {
  return `# ${section.title}\r\n${section.fields(state, db).map(([field, value]) => `${field}:${value}\r\n`).join('')}`;
}

// The scripting figures of INFO memory (Redis 7.0's names): the two Lua states' memory
// and what their caches hold. Lua's memory is 0 until a script or a library is loaded.
function scriptingMemory(state: ServerState): Fields {
  const { scripts, functions } = scriptingOf(state);
  const evalVm = scripts.memory();
  const functionsVm = functions.memory();
  return [
    ['used_memory_lua', evalVm],
    ['used_memory_vm_eval', evalVm],
    ['used_memory_lua_human', bytesToHuman(evalVm)],
    ['number_of_cached_scripts', scripts.size],
    ['number_of_functions', functions.functionCount],
    ['number_of_libraries', functions.libraries.size],
    ['used_memory_vm_functions', functionsVm],
    ['used_memory_vm_total', evalVm + functionsVm],
    ['used_memory_vm_total_human', bytesToHuman(evalVm + functionsVm)],
  ];
}
