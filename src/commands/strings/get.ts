// GET key: the value of a key, or the null bulk string if there is none.

import { NULL, bulk } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

export const get: CommandSpec<string> = {
  name: 'get',
  arity: 2,
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    const value = db.get(key);
    return value === undefined ? NULL : bulk(value);
  },
};
