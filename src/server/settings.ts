// The limits the server layer enforces, read live from the server's configuration.
//
// CONFIG SET may change `maxclients`, `timeout`, `protected-mode`, `requirepass`,
// `client-query-buffer-limit` or `client-output-buffer-limit` at any moment, and the
// change must take effect at once, as in Redis. So nothing copies them at start-up:
// each read looks the value up in ServerState.config and parses it again only when its
// text has changed (a string compare, usually of the very same string). Some of these
// are read once per batch of replies, so the read has to stay that cheap.
//
// One Settings per ServerState, found through a WeakMap, so that serveConnection()
// keeps its signature and a lesson can call it with a bare ServerState.

import type { Config, ServerState } from '../commands/server-state';
import {
  ClientClass,
  DEFAULT_OUTPUT_BUFFER_LIMITS,
  OutputBufferLimits,
  parseOutputBufferLimits,
} from '../commands/server/config/parameters';
import { DEFAULT_QUERY_BUFFER_LIMIT } from '../protocol/request';
import { DEFAULT_OUTPUT_HIGH_WATER_MARK } from './writer';

/** One client class's output limits, as numbers (bytes; 0 for none) and milliseconds. */
export interface OutputLimit {
  readonly hard: number;
  readonly soft: number;
  readonly softMs: number;
}

export type OutputLimits = Readonly<Record<ClientClass, OutputLimit>>;

const NO_LIMIT: OutputLimit = { hard: 0, soft: 0, softMs: 0 };
const NONE: OutputBufferLimits = {
  normal: { hard: 0n, soft: 0n, softSeconds: 0 },
  slave: { hard: 0n, soft: 0n, softSeconds: 0 },
  pubsub: { hard: 0n, soft: 0n, softSeconds: 0 },
};

function outputLimits(text: string): OutputLimits {
  const parsed = parseOutputBufferLimits(text, NONE);
  if ('error' in parsed) return { normal: NO_LIMIT, slave: NO_LIMIT, pubsub: NO_LIMIT };
  const numeric = (limit: OutputBufferLimits[ClientClass]): OutputLimit => ({
    hard: Number(limit.hard),
    soft: Number(limit.soft),
    softMs: limit.softSeconds * 1000,
  });
  return { normal: numeric(parsed.normal), slave: numeric(parsed.slave), pubsub: numeric(parsed.pubsub) };
}

/** A config value, parsed again only when its text changes. */
class Cached<T> {
  private text: string | undefined;
  private value!: T;

  constructor(
    private readonly config: Config,
    private readonly name: string,
    private readonly fallback: string,
    private readonly parse: (text: string) => T,
  ) {}

  get(): T {
    const text = this.config.get(this.name) ?? this.fallback;
    if (text !== this.text) {
      this.value = this.parse(text);
      this.text = text;
    }
    return this.value;
  }
}

export class Settings {
  private readonly maxClientsValue: Cached<number>;
  private readonly timeoutValue: Cached<number>;
  private readonly protectedModeValue: Cached<boolean>;
  private readonly queryBufferValue: Cached<number>;
  private readonly outputLimitsValue: Cached<OutputLimits>;

  /** Unwritten output beyond which a connection stops being read (not a Redis parameter). */
  outputHighWaterMark = DEFAULT_OUTPUT_HIGH_WATER_MARK;

  constructor(private readonly config: Config) {
    this.maxClientsValue = new Cached(config, 'maxclients', '10000', Number);
    this.timeoutValue = new Cached(config, 'timeout', '0', (text) => Number(text) * 1000);
    this.protectedModeValue = new Cached(config, 'protected-mode', 'yes', (text) => text === 'yes');
    this.queryBufferValue = new Cached(config, 'client-query-buffer-limit', String(DEFAULT_QUERY_BUFFER_LIMIT), Number);
    this.outputLimitsValue = new Cached(config, 'client-output-buffer-limit', DEFAULT_OUTPUT_BUFFER_LIMITS, outputLimits);
  }

  /** `maxclients`: open connections allowed, served or waiting. */
  get maxClients(): number {
    return this.maxClientsValue.get();
  }

  /** `timeout`, in milliseconds: how long a client may stay idle (0: forever). */
  get timeoutMs(): number {
    return this.timeoutValue.get();
  }

  /** `protected-mode`. */
  get protectedMode(): boolean {
    return this.protectedModeValue.get();
  }

  /** `requirepass` ('' for none). */
  get password(): string {
    return this.config.get('requirepass') ?? '';
  }

  /** `client-query-buffer-limit`, in bytes. */
  get queryBufferLimit(): number {
    return this.queryBufferValue.get();
  }

  /** `client-output-buffer-limit`, per client class. */
  get outputLimits(): OutputLimits {
    return this.outputLimitsValue.get();
  }
}

const byServer = new WeakMap<ServerState, Settings>();

/** The Settings of a server, created on first use. */
export function settingsOf(server: ServerState): Settings {
  let settings = byServer.get(server);
  if (settings === undefined) {
    settings = new Settings(server.config);
    byServer.set(server, settings);
  }
  return settings;
}
