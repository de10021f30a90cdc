#!/usr/bin/env node
// mini-redis-cli: run one command against a server from the terminal, the counterpart
// of mini-redis's src/bin/cli.rs. It is a thin shell over the client library:
//
//   mini-redis-cli set foo bar          OK
//   mini-redis-cli get foo              "bar"
//   mini-redis-cli get nothing          (nil)
//   mini-redis-cli set foo bar 1000     OK            (expires after 1000 ms)
//   mini-redis-cli ping                 PONG
//   mini-redis-cli ping hello           "hello"
//   mini-redis-cli publish news hi      1             (subscribers that received it)
//   mini-redis-cli subscribe news       got message from the channel: news; message = "hi"
//
// Output follows mini-redis's CLI: values quoted, with their bytes shown as text and
// anything unprintable (or not UTF-8) escaped; `(nil)` for a missing key. Where
// mini-redis prints a fixed text, we print what the server answered, as redis-cli
// does: PONG for a bare ping, and for publish the number of subscribers that received
// the message (mini-redis prints `Publish OK`, which tells the user less).
//
// Errors: exactly one line on stderr (`mini-redis-cli: <reason>`) and exit code 1,
// whether the server is unreachable or it answered with an error.
//
// RxJS pattern: cancellation by unsubscribing. `subscribe` runs until Ctrl-C, which is
// an Observable too (`fromEvent(process, 'SIGINT')`); `takeUntil` turns it into the
// unsubscription of the message stream, whose teardown sends UNSUBSCRIBE, and the
// stream's completion then closes the client and lets the process exit 0.

import { Command, InvalidArgumentError } from 'commander';
import { firstValueFrom, fromEvent, take, takeUntil } from 'rxjs';
import { type Client, connect } from '../client';
import { version } from './version';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 6379;

// Argument parsers for commander: they throw InvalidArgumentError, which commander
// turns into its usual one-line usage error, so a typo never reaches the server.
function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('must be an integer from 0 to 65535');
  return n;
}

function milliseconds(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of milliseconds');
  return Number(value);
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const hex = (code: number): string => `\\x${code.toString(16).padStart(2, '0')}`;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A value as the CLI shows it: in double quotes, as UTF-8 text when it is valid UTF-8
 * (control characters escaped), otherwise byte by byte, every byte outside printable
 * ASCII as \xNN, e.g. `"\xff\xfeabc"`.
 */
// Values are bytes, and a terminal is not: printing raw bytes could corrupt it (or
// hide a \r that makes two values look alike). This follows mini-redis's CLI and
// redis-cli's spirit: text when it is text, escapes for everything else.
function quoted(bytes: Buffer): string {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    let out = '';
    for (const byte of bytes) {
      const char = String.fromCharCode(byte);
      out += ESCAPES[char] ?? (byte >= 0x20 && byte < 0x7f ? char : hex(byte));
    }
    return `"${out}"`;
  }
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/["\\\x00-\x1f\x7f]/g, (char) => ESCAPES[char] ?? hex(char.charCodeAt(0)));
  return `"${escaped}"`;
}

interface GlobalOptions {
  host: string;
  port: number;
}

const program = new Command()
  .name('mini-redis-cli')
  .description('Issue Redis commands to a mini-redis-rx (or any Redis) server')
  .version(version)
  .option('--host <host>', 'server host', DEFAULT_HOST)
  .option('-p, --port <port>', 'server port', portNumber, DEFAULT_PORT)
  .showHelpAfterError();

/** Connects, runs `work`, closes. Any failure becomes one stderr line and exit code 1. */
// Every subcommand is one short conversation: connect, one command (a cold Observable
// awaited with firstValueFrom, i.e. subscribed once, first value taken), close. The
// exit code carries the outcome, so scripts can rely on it.
async function withClient(work: (client: Client) => Promise<void>): Promise<void> {
  const { host, port } = program.opts<GlobalOptions>();
  let client: Client | undefined;
  try {
    client = await connect({ host, port });
    await work(client);
  } catch (err) {
    process.stderr.write(`mini-redis-cli: ${(err as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await client?.close().catch(() => undefined);
  }
}

program
  .command('ping')
  .description('check the server is alive; with a message, the server echoes it')
  .argument('[message]', 'text to echo')
  .action((message: string | undefined) =>
    withClient(async (client) => {
      const reply = await firstValueFrom(client.ping(message));
      console.log(message === undefined ? reply.toString() : quoted(reply));
    }),
  );

program
  .command('get')
  .description('print the value of a key, or (nil)')
  .argument('<key>')
  .action((key: string) =>
    withClient(async (client) => {
      const value = await firstValueFrom(client.get(key));
      console.log(value === null ? '(nil)' : quoted(value));
    }),
  );

program
  .command('set')
  .description('set a key to a value, optionally expiring after expires_ms milliseconds')
  .argument('<key>')
  .argument('<value>')
  .argument('[expires_ms]', 'time to live in milliseconds', milliseconds)
  .action((key: string, value: string, expiresMs: number | undefined) =>
    withClient(async (client) => {
      console.log(await firstValueFrom(client.set(key, value, expiresMs === undefined ? {} : { px: expiresMs })));
    }),
  );

program
  .command('publish')
  .description('publish a message to a channel; prints how many subscribers received it')
  .argument('<channel>')
  .argument('<message>')
  .action((channel: string, message: string) =>
    withClient(async (client) => {
      console.log(await firstValueFrom(client.publish(channel, message)));
    }),
  );

program
  .command('subscribe')
  .description('print the messages published to the channels, until Ctrl-C')
  .argument('<channels...>')
  .action((channels: string[]) =>
    withClient(
      (client) =>
        new Promise<void>((resolve, reject) => {
          const messages = client.subscribe(...channels);
          const interrupted$ = fromEvent(process, 'SIGINT').pipe(take(1));
          messages.pipe(takeUntil(interrupted$)).subscribe({
            next: ({ channel, message }) =>
              console.log(`got message from the channel: ${channel}; message = ${quoted(message)}`),
            error: reject,
            complete: resolve, // Ctrl-C: already unsubscribed, UNSUBSCRIBE is on its way
          });
          // On stderr, so that stdout holds only messages: the sign that the server
          // has confirmed the subscription, i.e. that publishing now will be seen.
          messages.ready().then(
            () => process.stderr.write('Reading messages... (press Ctrl-C to quit)\n'),
            () => undefined, // the stream itself reports the failure
          );
        }),
    ),
  );

// parseAsync: the actions are async (they await the server); a failure that escapes
// them still becomes one stderr line and a non-zero exit, never a stack trace.
program.parseAsync().catch((err: Error) => {
  process.stderr.write(`mini-redis-cli: ${err.message}\n`);
  process.exitCode = 1;
});
