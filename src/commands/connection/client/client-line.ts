// One client as CLIENT LIST and CLIENT INFO print it: `field=value` pairs separated by
// spaces, ending in a newline, in Redis 7.2's field order (7.0's, plus the lib-name and
// lib-ver of CLIENT SETINFO). Tools parse these lines by field name, so every field
// Redis prints is here; those this server has no figure for (no file descriptor of its
// own, no query buffer it could measure) print Redis's neutral values: fd=-1 as for
// Redis's internal clients, and 0 for the buffer sizes.

import type { ClientInfo } from '../../server-state';

export function clientLine(client: ClientInfo, now: number): string {
  // Built fresh on every CLIENT LIST: the figures are read from the live ClientInfo at
  // that moment, so nothing has to keep a formatted line up to date as commands run.
  const seconds = (ms: number): number => Math.max(0, Math.floor(ms / 1000));
  const subscribed = client.subscriptions + client.patternSubscriptions > 0;
  const fields: [string, string | number][] = [
    ['id', client.id],
    ['addr', client.address],
    ['laddr', client.localAddress],
    ['fd', -1],
    ['name', client.name],
    ['age', seconds(now - client.createdAt)],
    ['idle', seconds(now - client.lastActivity)],
    // P: a subscriber (pub/sub); x: in MULTI; b: blocked (BLPOP...); N: nothing special.
    ['flags', `${subscribed ? 'P' : ''}${client.multi >= 0 ? 'x' : ''}${client.blocked ? 'b' : ''}` || 'N'],
    ['db', 0],
    ['sub', client.subscriptions],
    ['psub', client.patternSubscriptions],
    ['ssub', 0],
    ['multi', client.multi],
    ['qbuf', 0],
    ['qbuf-free', 0],
    ['argv-mem', 0],
    ['multi-mem', 0],
    ['rbs', 0],
    ['rbp', 0],
    ['obl', 0],
    ['oll', 0],
    ['omem', 0],
    ['tot-mem', 0],
    ['events', 'r'],
    ['cmd', client.lastCommand],
    ['user', 'default'],
    ['redir', -1],
    ['resp', client.protocol],
    ['lib-name', client.libName],
    ['lib-ver', client.libVersion],
  ];
  return `${fields.map(([key, value]) => `${key}=${value}`).join(' ')}\n`;
}

/** Redis's client types, as CLIENT LIST TYPE and CLIENT KILL TYPE name them. */
export type ClientType = 'normal' | 'pubsub' | 'master' | 'replica';

/** The type named by `name`, or undefined (Redis: "Unknown client type"). */
export function clientType(name: string): ClientType | undefined {
  switch (name.toLowerCase()) {
    case 'normal':
      return 'normal';
    case 'pubsub':
      return 'pubsub';
    case 'master':
      return 'master';
    case 'replica':
    case 'slave':
      return 'replica';
    default:
      return undefined;
  }
}

/** This server has no replication: every client is a normal one or a subscriber. */
export function typeOf(client: ClientInfo): ClientType {
  return client.subscriptions + client.patternSubscriptions > 0 ? 'pubsub' : 'normal';
}
