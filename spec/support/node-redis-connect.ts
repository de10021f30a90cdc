// Connecting a node-redis client in the compatibility specs: its errors are collected
// (without an 'error' listener node-redis throws them as uncaught), and a connect() that
// does not finish in time fails with what the client reported.
import { within } from './compat-targets';

/** What these helpers need of a node-redis client (a plain client, a duplicate, an isolated one). */
export interface ReportingClient {
  connect(): Promise<unknown>;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** Starts collecting `client`'s error messages; the list fills as they come. */
export function reportErrors(client: ReportingClient): string[] {
  const reported: string[] = [];
  client.on('error', (err: Error) => reported.push(err.message));
  return reported;
}

/** connect(), within `waitMs`, failing with the errors the client reported. */
export async function connectWithin(client: ReportingClient, reported: readonly string[], waitMs: number, what = 'connect()'): Promise<void> {
  try {
    await within(client.connect(), waitMs, what);
  } catch (err) {
    throw new Error(`${(err as Error).message}; the client reported: ${reported.join(' | ') || 'no error'}`);
  }
}
