// INFO [section [section ...]]: the server's state as text, the sections separated by
// a blank line (see info-sections.ts). With no argument, or `default`, `all` or
// `everything`, every section; otherwise the named ones (any case), always in INFO's
// own order; unknown names are skipped. A verbatim string in RESP3, as in Redis.
//
// Clients call it more than one would think: ioredis sends INFO on every connect, as
// its ready check, and waits for `loading:0`.

import { CommandSpec } from '../command';
import { SECTIONS, renderSection } from './info-sections';
import { verbatimText } from './verbatim-text';

// This server has none of the sections only `all` adds (commandstats, latencystats),
// so default, all and everything are the same set.
const EVERY_SECTION = new Set(['default', 'all', 'everything']);

export const info: CommandSpec<ReadonlySet<string>> = {
  name: 'info',
  arity: -1,
  flags: ['loading', 'stale'],
  categories: ['@slow', '@dangerous'],
  summary: 'Get information and statistics about the server',
  since: '1.0.0',
  group: 'server',
  syntax: '[section [section ...]]',
  parse: (args) => new Set(args.map((arg) => arg.toString('latin1').toLowerCase())),
  apply(asked, { server, db }) {
    const everything = asked.size === 0 || [...asked].some((name) => EVERY_SECTION.has(name));
    const sections = SECTIONS.filter((section) => everything || asked.has(section.name));
    return verbatimText(sections.map((section) => renderSection(section, server, db)).join('\r\n'));
  },
};
