// A connection's login state: Redis's `c->authenticated`, and the password check.
//
// The server has one user, `default`, as a Redis without ACL files does. With no
// password (`requirepass` empty, the default) that user is `nopass`: every connection
// starts authenticated and AUTH default <anything> succeeds. With a password, a new
// connection starts unauthenticated; until AUTH (or HELLO ... AUTH) gives the password,
// only the commands flagged `no_auth` run (AUTH, HELLO, QUIT, RESET), and the request
// decoder applies Redis's smaller unauthenticated protocol limits.
//
// The password is read from the configuration on every check, so CONFIG SET requirepass
// takes effect at once, as in Redis: connections already authenticated stay so, new ones
// must log in.
//
// Comparing the password must not leak, through its timing, how many leading bytes were
// right. Both sides are hashed (SHA-256) first, so the comparison is between two
// 32-byte digests, done by crypto.timingSafeEqual, whose time depends on neither the
// content nor the length of the password tried. Redis does the same (ACL passwords are
// stored as SHA-256 and compared in constant time).

import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerState } from '../server-state';

/** The configured password, or '' for none. */
export const requiredPassword = (server: ServerState): string => server.config.get('requirepass') ?? '';

const sha256 = (bytes: Buffer | string): Buffer => createHash('sha256').update(bytes).digest();

// The digest of the configured password, computed again only when the password changes.
const digests = new WeakMap<ServerState, { readonly password: string; readonly digest: Buffer }>();

function passwordDigest(server: ServerState, password: string): Buffer {
  const cached = digests.get(server);
  if (cached !== undefined && cached.password === password) return cached.digest;
  const digest = sha256(Buffer.from(password, 'latin1'));
  digests.set(server, { password, digest });
  return digest;
}

/** Are these the default user's credentials? With no password set, any password is. */
export function credentialsValid(server: ServerState, username: Buffer, password: Buffer): boolean {
  if (username.toString('latin1') !== 'default') return false;
  const expected = requiredPassword(server);
  // `nopass`: any password is accepted.
  return expected === '' || timingSafeEqual(sha256(password), passwordDigest(server, expected));
}

export class ConnectionAuth {
  /** Redis's c->authenticated. */
  authenticated: boolean;

  constructor(private readonly server: ServerState) {
    this.authenticated = requiredPassword(server) === '';
  }

  /**
   * Redis's authRequired(c): must this connection log in before running commands? An
   * authenticated connection answers from one field, without looking at the config.
   */
  get required(): boolean {
    return !this.authenticated && requiredPassword(this.server) !== '';
  }

  /**
   * AUTH / HELLO AUTH: checks the credentials and, when they are right, authenticates
   * the connection. A failed attempt changes nothing (an authenticated connection stays
   * authenticated, as in Redis).
   */
  login(username: Buffer, password: Buffer): boolean {
    const ok = credentialsValid(this.server, username, password);
    if (ok) this.authenticated = true;
    return ok;
  }

  /** RESET: back to the state of a new connection (unauthenticated if a password is set). */
  reset(): void {
    this.authenticated = requiredPassword(this.server) === '';
  }
}

// Commands reach a connection's login state through its context. It is optional so
// that a context without one (a unit test's) behaves as a server with no password.
declare module '../command' {
  interface ConnectionContext {
    /** This connection's login state; absent means no password can be required. */
    readonly auth?: ConnectionAuth;
  }
}
