// Conversions between replies and Lua values, both ways, as Redis 7.0 makes them
// (script_lua.c: redisProtocolToLuaType_* for what redis.call returns, and
// luaReplyToRedisReply for what a script returns).
//
// Redis converts a command's reply by parsing the bytes the command wrote for the
// script's own fake client, whose protocol is RESP2 unless the script called
// redis.setresp(3). Here commands answer Frames, not bytes, so the same result comes
// from folding each Frame the way the encoder would for that protocol (encode.ts) and
// then mapping it as Redis maps the parsed type: a RESP2 map is a flat array, a double
// a bulk string, a boolean an integer; in RESP3 they become {map=...}, {double=...},
// true/false.

import type { Frame } from '../protocol/frame';
import { NULL } from '../protocol/frame';
import { formatDouble } from '../protocol/double';
import { markCounted } from '../commands/counted-errors';
import { type LuaVm, LuaType } from './lua-vm';
import { oneLine } from '../protocol/one-line';

export type ScriptResp = 2 | 3;

/**
 * Redis's luaPushErrorBuff: pushes the table {err = "CODE message"} for an error text,
 * which is either "-CODE message" (a reply's error, its code kept) or a bare message
 * (ERR is put in front). Trailing and leading CR/LF are trimmed, as sdstrim does.
 */
export function pushErrorTable(vm: LuaVm, text: string, counted = false): void {
  let code = 'ERR';
  let message = text;
  if (text.startsWith('-')) {
    const space = text.indexOf(' ');
    if (space === -1) message = text.slice(1);
    else {
      code = text.slice(1, space);
      message = text.slice(space + 1);
    }
  }
  message = message.replace(/^[\r\n]+|[\r\n]+$/g, '');
  vm.module._lua_createtable(vm.L, 0, 1);
  vm.pushLatin1(`${code} ${message}`);
  vm.setField(-2, 'err');
  // A command's error, counted by INFO errorstats already: the script's reply, if it
  // passes the error on, is not counted again (Redis's ignore_error_stats_update).
  if (counted) {
    vm.module._lua_pushboolean(vm.L, 1);
    vm.setField(-2, 'ignore_error_stats_update');
  }
}

/** Pushes a command's reply as the Lua value a script sees from redis.call. */
export function pushReply(vm: LuaVm, frame: Frame, resp: ScriptResp): void {
  const m = vm.module;
  const L = vm.L;
  m._lua_checkstack(L, 4);
  switch (frame.type) {
    case 'simple':
      m._lua_createtable(L, 0, 1);
      vm.pushLatin1(frame.value);
      vm.setField(-2, 'ok');
      return;
    case 'error':
      return pushErrorTable(vm, `-${frame.value}`, true);
    case 'integer':
      return m._lua_pushnumber(L, Number(frame.value));
    case 'bulk':
      return vm.pushBytes(frame.value);
    case 'latin1':
      return vm.pushLatin1(frame.value);
    case 'null':
    case 'nullArray':
      // RESP2's null bulk and null array are false; RESP3's null is nil.
      if (resp === 2) return m._lua_pushboolean(L, 0);
      return m._lua_pushnil(L);
    case 'array':
    case 'push':
      return pushArray(vm, frame.value, resp);
    case 'set':
      if (resp === 2) return pushArray(vm, frame.value, resp);
      m._lua_createtable(L, 0, 1);
      m._lua_createtable(L, 0, frame.value.length);
      for (const item of frame.value) {
        pushReply(vm, item, resp);
        m._lua_pushboolean(L, 1);
        m._lua_rawset(L, -3);
      }
      vm.setField(-2, 'set');
      return;
    case 'map':
      if (resp === 2) return pushArray(vm, frame.value.flat(), resp);
      m._lua_createtable(L, 0, 1);
      m._lua_createtable(L, 0, frame.value.length);
      for (const [key, value] of frame.value) {
        pushReply(vm, key, resp);
        pushReply(vm, value, resp);
        // lua_settable, as Redis: a nil key (RESP3 null) would raise; rawset skips the check.
        if (vm.type(-2) === LuaType.Nil) m._lua_settop(L, -3);
        else m._lua_rawset(L, -3);
      }
      vm.setField(-2, 'map');
      return;
    case 'double':
      if (resp === 2) return vm.pushLatin1(formatDouble(frame.value));
      m._lua_createtable(L, 0, 1);
      m._lua_pushnumber(L, frame.value);
      vm.setField(-2, 'double');
      return;
    case 'boolean':
      if (resp === 2) return m._lua_pushnumber(L, frame.value ? 1 : 0);
      return m._lua_pushboolean(L, frame.value ? 1 : 0);
    case 'bigNumber':
      if (resp === 2) return vm.pushLatin1(frame.value);
      m._lua_createtable(L, 0, 1);
      vm.pushLatin1(frame.value);
      vm.setField(-2, 'big_number');
      return;
    case 'verbatim':
      if (resp === 2) return vm.pushBytes(frame.value);
      m._lua_createtable(L, 0, 1);
      m._lua_createtable(L, 0, 2);
      vm.pushBytes(frame.value);
      vm.setField(-2, 'string');
      vm.pushLatin1(frame.format);
      vm.setField(-2, 'format');
      vm.setField(-2, 'verbatim_string');
      return;
  }
}

function pushArray(vm: LuaVm, items: readonly Frame[], resp: ScriptResp): void {
  const m = vm.module;
  m._lua_createtable(vm.L, items.length, 0);
  for (let i = 0; i < items.length; i++) {
    pushReply(vm, items[i], resp);
    // A nil element (RESP3 null) leaves a hole, as lua_settable of nil does.
    if (vm.type(-1) === LuaType.Nil) m._lua_settop(vm.L, -2);
    else m._lua_rawseti(vm.L, -2, i + 1);
  }
}

const LLONG_MIN = -(2n ** 63n);

/** C's (long long) of a double on x86-64: truncation, and LLONG_MIN for NaN and anything out of range. */
export function toLongLong(n: number): number | bigint {
  if (Number.isNaN(n) || n >= 2 ** 63 || n < -(2 ** 63)) return LLONG_MIN;
  const t = Math.trunc(n);
  return Number.isSafeInteger(t) ? t : BigInt(t);
}

/** Redis maps CR and LF to spaces in status and error texts, so the reply stays one line. */

/**
 * The reply for the Lua value on top of the stack (popped), as luaReplyToRedisReply
 * builds it. `resp` is the script's protocol (redis.setresp): in RESP2 a Lua false is
 * a null and true is 1; in RESP3 they are booleans.
 *
 * Arrays are walked with a stack of open tables instead of recursion: a script may
 * return a table nested thousands deep (one that contains itself nests until Lua's
 * stack limit, about 8,000 levels), deeper than JavaScript's own call stack would go.
 */
export function popReply(vm: LuaVm, resp: ScriptResp): Frame {
  const m = vm.module;
  const L = vm.L;
  const open: { items: Frame[]; next: number }[] = [];
  for (;;) {
    let frame: Frame | undefined;
    // Each nested table keeps its parent on the Lua stack, so a table that contains
    // itself would nest forever: Redis stops where lua_checkstack refuses 4 more slots
    // (Lua's LUAI_MAXCSTACK), with this error in place of the deeper value.
    if (m._lua_checkstack(L, 4) === 0) frame = STACK_LIMIT;
    else frame = valueReply(vm, resp);
    if (frame === undefined) {
      // A plain array: walk it, its elements next.
      open.push({ items: [], next: 1 });
    } else {
      m._lua_settop(L, -2);
      if (open.length === 0) return frame;
      open[open.length - 1].items.push(frame);
    }
    // The next element of the innermost open array, closing the arrays that are done.
    for (;;) {
      const current = open[open.length - 1];
      m._lua_rawgeti(L, -1, current.next++);
      if (vm.type(-1) !== LuaType.Nil) break;
      m._lua_settop(L, -3); // the nil, and the array itself
      open.pop();
      const done: Frame = { type: 'array', value: current.items };
      if (open.length === 0) return done;
      open[open.length - 1].items.push(done);
    }
  }
}

const STACK_LIMIT: Frame = { type: 'error', value: 'ERR reached lua stack limit' };

/** The reply for the value on top (not popped); undefined for a plain array table, which popReply walks. */
function valueReply(vm: LuaVm, resp: ScriptResp): Frame | undefined {
  const m = vm.module;
  const L = vm.L;
  switch (vm.type(-1)) {
    case LuaType.String:
      return { type: 'bulk', value: vm.toBytes(-1)! };
    case LuaType.Boolean: {
      const value = m._lua_toboolean(L, -1) !== 0;
      if (resp === 2) return value ? { type: 'integer', value: 1 } : NULL;
      return { type: 'boolean', value };
    }
    case LuaType.Number:
      return { type: 'integer', value: toLongLong(m._lua_tonumber(L, -1)) };
    case LuaType.Table:
      return tableReply(vm, resp);
    default:
      return NULL;
  }
}

function tableReply(vm: LuaVm, resp: ScriptResp): Frame | undefined {
  const m = vm.module;
  const L = vm.L;
  // The table's position: whatever is pushed while looking into it (the probed field)
  // is dropped on the way out, leaving the table on top.
  const base = vm.top();
  try {
    if (vm.rawGetField(-1, 'err') === LuaType.String) {
      const message = vm.toLatin1(-1)!.replace(/^[\r\n]+|[\r\n]+$/g, '');
      const reply: Frame = { type: 'error', value: oneLine(message.startsWith('-') ? message.slice(1) : message) };
      // A command's error handed back by redis.pcall was counted when the command answered.
      const counted = vm.rawGetField(-2, 'ignore_error_stats_update') === LuaType.Boolean && m._lua_toboolean(L, -1) !== 0;
      return counted ? markCounted(reply) : reply;
    }
    m._lua_settop(L, -2);
    if (vm.rawGetField(-1, 'ok') === LuaType.String) return { type: 'simple', value: oneLine(vm.toLatin1(-1)!) };
    m._lua_settop(L, -2);
    if (vm.rawGetField(-1, 'double') === LuaType.Number) return { type: 'double', value: m._lua_tonumber(L, -1) };
    m._lua_settop(L, -2);
    if (vm.rawGetField(-1, 'big_number') === LuaType.String) return { type: 'bigNumber', value: oneLine(vm.toLatin1(-1)!) };
    m._lua_settop(L, -2);
    if (vm.rawGetField(-1, 'verbatim_string') === LuaType.Table) {
      const verbatim = verbatimReply(vm);
      if (verbatim !== undefined) return verbatim;
    }
    m._lua_settop(L, -2);
    if (vm.rawGetField(-1, 'map') === LuaType.Table) {
      const entries: (readonly [Frame, Frame])[] = [];
      m._lua_pushnil(L);
      while (m._lua_next(L, -2) !== 0) {
        // Stack: ..., map, key, value. The key is copied so that converting it (which
        // pops) leaves the original for lua_next.
        m._lua_pushvalue(L, -2);
        const key = popReply(vm, resp);
        const value = popReply(vm, resp);
        entries.push([key, value]);
      }
      return { type: 'map', value: entries };
    }
    m._lua_settop(L, -2);
    if (vm.rawGetField(-1, 'set') === LuaType.Table) {
      const items: Frame[] = [];
      m._lua_pushnil(L);
      while (m._lua_next(L, -2) !== 0) {
        m._lua_settop(L, -2);
        m._lua_pushvalue(L, -1);
        items.push(popReply(vm, resp));
      }
      return { type: 'set', value: items };
    }
    return undefined;
  } finally {
    m._lua_settop(L, base);
  }
}

function verbatimReply(vm: LuaVm): Frame | undefined {
  const m = vm.module;
  const L = vm.L;
  if (vm.rawGetField(-1, 'format') !== LuaType.String) {
    m._lua_settop(L, -2);
    return undefined;
  }
  const format = vm.toLatin1(-1)!;
  if (vm.rawGetField(-2, 'string') !== LuaType.String) {
    m._lua_settop(L, -3);
    return undefined;
  }
  const value = vm.toBytes(-1)!;
  m._lua_settop(L, -3);
  return { type: 'verbatim', format: format.slice(0, 3), value };
}
