// Compares a command's spec with the metadata a real redis-server reports for it:
// COMMAND INFO's arity, flags, first/last/step key positions and ACL categories, and
// COMMAND DOCS's summary, since and group. Each command family's spec file runs these
// over its own commands, inside `describeWithRedis`.
//
// Why ask a live Redis rather than a recorded table: the server installed here is the
// specification (7.0.15), and a table copied into the tests could drift from it
// silently. Where redis-server is missing the block is one test that says so, not a
// silent pass: a suite must never look as if it had compared anything.
//
// Flags and categories are compared as sorted lists: Redis's order is its table's,
// which no client relies on (the byte-exact replies are in spec/commands/command-metadata.spec.ts).
import type { AnyCommand } from '../../src/commands/registry';
import { type TestServer, redisBinary, useServer } from './both-servers';
import { warnRedisMissing } from './real-redis';
import { renderReply, type Resp2Reply } from './resp2-reader';
import { asInteger } from './reply-readers';

/**
 * A describe block against a real redis-server only; `body` gets the server. Without
 * redis-server it holds one test whose title says why nothing is compared, and a
 * notice is printed.
 */
export function describeWithRedis(title: string, body: (redis: TestServer) => void): void {
  if (redisBinary === undefined) warnRedisMissing(`${title} against redis-server`);
  describe(title, () => {
    if (redisBinary === undefined) {
      test('skipped: redis-server is not installed, so there is no COMMAND INFO to compare with', () => {
        expect(redisBinary).toBeUndefined();
      });
      return;
    }
    body(useServer('redis-server'));
  });
}

/** The texts of an array of status or bulk replies (flags, categories, command names). */
export const texts = (reply: Resp2Reply): string[] =>
  reply.kind === 'array' ? reply.items!.map((i) => (i.kind === 'simple' ? i.text : i.kind === 'bulk' ? i.bytes!.toString() : renderReply(i))) : [];

/** Asserts that `spec` carries what COMMAND INFO `spec.name` replied (`reply`). */
export function expectCommandInfo(reply: Resp2Reply, spec: AnyCommand): void {
  if (reply.kind !== 'array' || reply.items === null || reply.items[0].kind !== 'array') throw new Error(renderReply(reply));
  const info = reply.items[0].items!;
  expect({
    arity: spec.arity,
    flags: [...(spec.flags ?? [])].sort(),
    keys: [spec.keys?.first ?? 0, spec.keys?.last ?? 0, spec.keys?.step ?? 0],
    categories: [...(spec.categories ?? [])].sort(),
  }).toEqual({
    arity: asInteger(info[1]),
    flags: texts(info[2]).sort(),
    keys: [asInteger(info[3]), asInteger(info[4]), asInteger(info[5])],
    categories: texts(info[6]).sort(),
  });
}

/** Asserts that `spec`'s summary, since and group are what COMMAND DOCS `spec.name` replied (`reply`). */
export function expectCommandDocs(reply: Resp2Reply, spec: AnyCommand): void {
  if (reply.kind !== 'array' || reply.items === null || reply.items[1]?.kind !== 'array') throw new Error(renderReply(reply));
  const fields = reply.items[1].items!;
  const field = (wanted: string): string | undefined => {
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const key = fields[i];
      const value = fields[i + 1];
      if (key.kind === 'bulk' && key.bytes?.toString('latin1') === wanted && value.kind === 'bulk') return value.bytes?.toString('latin1');
    }
    return undefined;
  };
  expect({ summary: spec.summary, since: spec.since, group: spec.group }).toEqual({
    summary: field('summary'),
    since: field('since'),
    group: field('group'),
  });
}
