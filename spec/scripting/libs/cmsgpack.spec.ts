// cmsgpack (src/scripting/libs/cmsgpack.ts) against Redis 7.0's lua_cmsgpack.c: every
// snippet runs in redis-server and in our Lua, and the answers must be equal (see
// lua-cases.ts). The ones with an answer written next to them are also checked without
// redis-server.
import { cases, describeLibraryCases, type CaseRow } from './lua-cases';

const p = (...values: string[]): string => `hex(cmsgpack.pack(${values.join(', ')}))`;
const u = (bytes: string): string => `cmsgpack.unpack('${bytes}')`;

const shape: CaseRow[] = [
  [
    "(function() local k = {} for n, v in pairs(cmsgpack) do k[#k + 1] = n .. ':' .. type(v) end table.sort(k) return table.concat(k, ',') end)()",
    'true "_COPYRIGHT:string,_DESCRIPTION:string,_NAME:string,_VERSION:string,pack:function,unpack:function,unpack_limit:function,unpack_one:function"',
  ],
  [
    'cmsgpack._NAME, cmsgpack._VERSION, cmsgpack._COPYRIGHT, cmsgpack._DESCRIPTION',
    'true "cmsgpack" "lua-cmsgpack 0.4.0" "Copyright (C) 2012, Salvatore Sanfilippo" "MessagePack C implementation for Lua"',
  ],
];

const packScalars: CaseRow[] = [
  [`${p('0')}, ${p('1')}, ${p('127')}, ${p('128')}, ${p('255')}, ${p('256')}`, 'true "00" "01" "7f" "cc80" "ccff" "cd0100"'],
  [`${p('65535')}, ${p('65536')}, ${p('2^32 - 1')}, ${p('2^32')}, ${p('2^53')}`, 'true "cdffff" "ce00010000" "ceffffffff" "cf0000000100000000" "cf0020000000000000"'],
  [`${p('-1')}, ${p('-32')}, ${p('-33')}, ${p('-128')}, ${p('-129')}, ${p('-32768')}, ${p('-32769')}`, 'true "ff" "e0" "d0df" "d080" "d1ff7f" "d18000" "d2ffff7fff"'],
  [`${p('-2^31')}, ${p('-2^31 - 1')}, ${p('-2^63')}, ${p('2^63 - 1024')}`, 'true "d280000000" "d3ffffffff7fffffff" "d38000000000000000" "cf7ffffffffffffc00"'],
  [`${p('2^63')}, ${p('2^64')}, ${p('-2^63 - 2048')}, ${p('1e300')}`, 'true "ca5f000000" "ca5f800000" "cbc3e0000000000001" "cb7e37e43c8800759c"'],
  [`${p('1.5')}, ${p('0.1')}, ${p('-0.0')}, ${p('-2.5')}, ${p('0.5 + 2^-24')}, ${p('0.5 + 2^-25')}`, 'true "ca3fc00000" "cb3fb999999999999a" "00" "cac0200000" "ca3f000001" "cb3fe0000010000000"'],
  [`${p('1/0')}, ${p('-1/0')}, ${p('tonumber("nan")')}, ${p('-tonumber("nan")')}`, 'true "ca7f800000" "caff800000" "cb7ff8000000000000" "cbfff8000000000000"'],
  `${p('3.4028234663852886e38')}, ${p('3.4028235677973366e38')}, ${p('2^-149')}, ${p('2^-150')}, ${p('1e-320')}, ${p('2^-126')}`,
  `${p('123456789.5')}, ${p('16777216.5')}, ${p('-1e-7')}, ${p('math.pi')}, ${p('2^100')}, ${p('2^100 + 2^80')}`,
  [`${p('true')}, ${p('false')}, ${p('nil')}, ${p('tostring')}, ${p('coroutine.create(function() end)')}, ${p('cjson.null')}`, 'true "c3" "c2" "c0" "c0" "c0" "c0"'],
  [`${p("''")}, ${p("'a'")}, ${p("'a\\0b'")}`, 'true "a0" "a161" "a3610062"'],
  `${p("string.rep('x', 31)")}, ${p("string.rep('x', 32)")}`,
  "string.sub(hex(cmsgpack.pack(string.rep('y', 255))), 1, 8), string.sub(hex(cmsgpack.pack(string.rep('y', 256))), 1, 8)",
  "string.sub(hex(cmsgpack.pack(string.rep('y', 65535))), 1, 10), string.sub(hex(cmsgpack.pack(string.rep('y', 65536))), 1, 12), #cmsgpack.pack(string.rep('y', 65536))",
  `${p("'\\255\\254'")}, ${p('12.0')}, ${p('"12"')}`,
];

const packTables: CaseRow[] = [
  [`${p('{}')}, ${p('{1, 2, 3}')}, ${p('{a = 1}')}, ${p("{'x', {y = true}}")}`, 'true "90" "93010203" "81a16101" "92a17881a179c3"'],
  `${p('{1, 2, nil, 4}')}, ${p('{[1] = 1, [2] = 2, [3] = 3}')}, ${p('{[0] = 1}')}, ${p('{[1.5] = 1}')}, ${p('{[-1] = 1}')}`,
  `${p('{[2^31] = 1}')}, ${p('{[2^31 - 1] = 1}')}, ${p('{[2] = 2}')}, ${p("{[1] = 'a', x = 'b'}")}, ${p('{[1/0] = 1}')}`,
  `${p('{[true] = 1}')}, ${p('{[{}] = 1}')}, ${p('{[{1}] = {2}}')}, ${p('{[tostring] = 1}')}`,
  "hex(cmsgpack.pack({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})), hex(cmsgpack.pack({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))",
  "(function() local t = {} for i = 1, 65536 do t[i] = i % 2 == 0 end local s = cmsgpack.pack(t) return #s, hex(string.sub(s, 1, 7)) end)()",
  "(function() local t = {} for i = 1, 65535 do t[i] = 0 end local s = cmsgpack.pack(t) return #s, hex(string.sub(s, 1, 5)) end)()",
  "(function() local t = {} for i = 1, 15 do t['k' .. i] = i end local s = cmsgpack.pack(t) return #s, hex(string.sub(s, 1, 1)) end)()",
  "(function() local t = {} for i = 1, 16 do t['k' .. i] = i end local s = cmsgpack.pack(t) return hex(s) end)()",
  "(function() local t = {} for i = 1, 65536 do t['k' .. i] = 1 end local s = cmsgpack.pack(t) return #s, hex(string.sub(s, 1, 5)) end)()",
  "hex(cmsgpack.pack({k1 = 1, k2 = 2, k3 = 3, k4 = 4, k5 = {5, 6}}))",
  "hex(cmsgpack.pack(setmetatable({1, 2}, {__index = function() return 9 end})))",
  // Tables nested 16 deep are cut off as nil: the guard against cycles.
  ["local t = {} t[1] = t local r = hex(cmsgpack.pack(t)) return r", `true "${'91'.repeat(16)}c0"`],
  "local t = {} t.a = t local r = hex(cmsgpack.pack(t)) return r",
  "local t = {} t[t] = 1 local r = hex(cmsgpack.pack(t)) return r",
  "local t = {{{{{{{{{{{{{{{{{{1}}}}}}}}}}}}}}}}}} local r = hex(cmsgpack.pack(t)) return r",
];

const packArguments: CaseRow[] = [
  [`${p('1', '2', '3')}, ${p('nil', 'nil')}, ${p("'a'", '{1}', 'true')}`, 'true "010203" "c0c0" "a1619101c3"'],
  ['cmsgpack.pack()', `false "user_script:1: bad argument #0 to 'pack' (MessagePack pack needs input.)"`],
  "local t = {} for i = 1, 4000 do t[i] = i % 7 end local r = #cmsgpack.pack(unpack(t)) return r",
  "local t = {} for i = 1, 4001 do t[i] = 1 end local r = cmsgpack.pack(unpack(t)) return r",
  "local t = {} for i = 1, 3999 do t[i] = 1 end t[4000] = {} local r = cmsgpack.pack(unpack(t)) return r",
  "local t = {} for i = 1, 3999 do t[i] = 1 end t[3999] = {a = 1} local r = cmsgpack.pack(unpack(t, 1, 3999)) return r",
  "local t = {} for i = 1, 3999 do t[i] = 1 end t[3999] = {1, 2} local r = #cmsgpack.pack(unpack(t, 1, 3999)) return r",
  "local t = {} for i = 1, 3999 do t[i] = 1 end t[3999] = {{1}} local r = cmsgpack.pack(unpack(t, 1, 3999)) return r",
  "local t = {} for i = 1, 3998 do t[i] = 1 end t[3998] = {{a = 1}} local r = #cmsgpack.pack(unpack(t, 1, 3998)) return r",
  "local t = {} for i = 1, 3997 do t[i] = 1 end t[3997] = {{b = {a = 1}}} local r = #cmsgpack.pack(unpack(t, 1, 3997)) return r",
  "local ok, e = pcall(cmsgpack.pack) return e",
  "local ok, e = pcall(function() local pk = cmsgpack.pack local r = pk() return r end) return e",
];

const unpackValues: CaseRow[] = [
  [`${u('\\0')}, ${u('\\127')}, ${u('\\255')}, ${u('\\224')}, ${u('\\204\\200')}, ${u('\\208\\200')}`, 'true 0 127 -1 -32 200 -56'],
  [`${u('\\205\\1\\2')}, ${u('\\209\\255\\254')}, ${u('\\209\\128\\0')}, ${u('\\206\\255\\255\\255\\255')}, ${u('\\210\\255\\255\\255\\254')}`, 'true 258 -2 -32768 4294967295 -2'],
  [`${u('\\207\\255\\255\\255\\255\\255\\255\\255\\255')}, ${u('\\207\\128\\0\\0\\0\\0\\0\\0\\0')}, ${u('\\207\\0\\32\\0\\0\\0\\0\\0\\1')}`, 'true -1 -9.2233720368547758e+18 9007199254740992'],
  `${u('\\211\\255\\255\\255\\255\\255\\255\\255\\254')}, ${u('\\211\\127\\255\\255\\255\\255\\255\\255\\255')}, ${u('\\211\\0\\32\\0\\0\\0\\0\\0\\3')}`,
  [`${u('\\192')}, ${u('\\194')}, ${u('\\195')}`, 'true nil false true'],
  [`${u('\\202\\63\\192\\0\\0')}, ${u('\\203\\63\\240\\0\\0\\0\\0\\0\\0')}, ${u('\\202\\128\\0\\0\\0')}`, 'true 1.5 1 -0'],
  `${u('\\202\\127\\128\\0\\0')}, ${u('\\202\\255\\192\\0\\0')}, ${u('\\202\\0\\0\\0\\1')}, ${u('\\203\\127\\248\\0\\0\\0\\0\\0\\1')}, ${u('\\203\\0\\0\\0\\0\\0\\0\\0\\1')}`,
  [`${u('\\160')}, ${u('\\163abc')}, ${u('\\217\\2ab')}, ${u('\\218\\0\\1z')}, ${u('\\219\\0\\0\\0\\2yz')}`, 'true "" "abc" "ab" "z" "yz"'],
  [`${u('\\144')}, ${u('\\147\\1\\2\\3')}, ${u('\\220\\0\\1\\5')}, ${u('\\221\\0\\0\\0\\1\\6')}`, 'true {} {[1]=1,[2]=2,[3]=3} {[1]=5} {[1]=6}'],
  [`${u('\\128')}, ${u('\\129\\161a\\1')}, ${u('\\222\\0\\1\\1\\2')}, ${u('\\223\\0\\0\\0\\1\\3\\4')}`, 'true {} {["a"]=1} {[1]=2} {[3]=4}'],
  ["cmsgpack.unpack('\\1\\2\\3')", 'true 1 2 3'],
  ["cmsgpack.unpack('')", 'true'],
  "select('#', cmsgpack.unpack('\\192\\192\\192'))",
  // nil inside arrays and maps: the key exists with a nil value, as lua_settable leaves it.
  "local t = cmsgpack.unpack('\\147\\1\\192\\3') return t[1], t[2], t[3]",
  "local t = cmsgpack.unpack('\\148\\1\\2\\192\\192') return #t",
  "local t = cmsgpack.unpack('\\146\\192\\1') return #t, t[2]",
  "cmsgpack.unpack('\\130\\1\\192\\2\\3')",
  "cmsgpack.unpack('\\130\\1\\2\\1\\3')",
  "cmsgpack.unpack('\\129\\145\\1\\2')",
  "cmsgpack.unpack(123)",
  "cmsgpack.unpack('\\1', 'ignored', 3)",
];

const unpackErrors: CaseRow[] = [
  [u('\\193'), 'false "user_script:1: Bad data format in input."'],
  [u('\\205\\1'), 'false "user_script:1: Missing bytes in input."'],
  u('\\196\\1a'),
  u('\\199\\1\\1a'),
  u('\\212\\1\\1'),
  u('\\216\\1'),
  u('\\1\\193'),
  u('\\147\\1\\2'),
  u('\\145\\193'),
  u('\\129\\1'),
  u('\\163ab'),
  u('\\217\\5ab'),
  u('\\217'),
  u('\\218\\0'),
  u('\\219\\0\\0\\0\\5ab'),
  u('\\219\\255\\255\\255\\255'),
  u('\\221\\255\\255\\255\\255\\1'),
  u('\\223\\0\\0\\0\\1\\1'),
  u('\\202\\0\\0'),
  u('\\203\\0\\0\\0\\0\\0\\0\\0'),
  u('\\207\\0'),
  u('\\211'),
  // A nil or NaN key: lua_settable's error, which has no position.
  [u('\\129\\192\\1'), 'false "table index is nil"'],
  [u('\\129\\203\\127\\248\\0\\0\\0\\0\\0\\0\\1'), 'false "table index is NaN"'],
  u('\\130\\1\\1\\192\\1'),
  ['cmsgpack.unpack()', `false "user_script:1: bad argument #1 to 'unpack' (string expected, got no value)"`],
  'cmsgpack.unpack({})',
  'cmsgpack.unpack(nil)',
  "local ok, e = pcall(cmsgpack.unpack, '\\193') return e",
  "local ok, e = pcall(function() local r = cmsgpack:unpack() return r end) return e",
];

const unpackOneLimit: CaseRow[] = [
  ["cmsgpack.unpack_one('\\1\\2\\3')", 'true 1 1'],
  ["cmsgpack.unpack_one('\\1\\2\\3', 1), cmsgpack.unpack_one('\\1\\2\\3', 2)", 'true 2 -1 3'],
  "local s = cmsgpack.pack({1}, 'a', {b = 2}) local out, off, v = {}, 0 repeat off, v = cmsgpack.unpack_one(s, off) out[#out + 1] = v until off == -1 return out, off",
  ["cmsgpack.unpack_one(''), cmsgpack.unpack_one('\\1', 1)", 'true -1 -1'],
  "cmsgpack.unpack_one('\\1\\2', 1.9), cmsgpack.unpack_one('\\1\\2', '1'), cmsgpack.unpack_one('\\1\\2', nil)",
  ["cmsgpack.unpack_one('\\1', 2)", 'false "user_script:1: Start offset 2 greater than input length 1."'],
  ["cmsgpack.unpack_one('\\1\\2', -1)", 'false "user_script:1: Invalid request to unpack with offset of -1 and limit of 2."'],
  "cmsgpack.unpack_one('\\1\\2', 2^32 + 1)",
  "cmsgpack.unpack_one('\\1\\2', -2^32)",
  "cmsgpack.unpack_one('\\1\\2', 'x')",
  "cmsgpack.unpack_one(nil, 'x')",
  "cmsgpack.unpack_one()",
  "cmsgpack.unpack_one({})",
  "cmsgpack.unpack_one('\\193')",
  "cmsgpack.unpack_one('\\1\\193')",
  ["cmsgpack.unpack_limit('\\1\\2\\3', 2)", 'true 2 1 2'],
  "cmsgpack.unpack_limit('\\1\\2\\3', 2, 1), cmsgpack.unpack_limit('\\1\\2\\3', 5), cmsgpack.unpack_limit('\\1\\2\\3', 5, 1)",
  ["cmsgpack.unpack_limit('\\1\\2\\3', 0)", 'true 1 2 3'],
  "cmsgpack.unpack_limit('\\1\\2\\3', 0, 0), cmsgpack.unpack_limit('\\1\\2\\3', 0, 1)",
  "select('#', cmsgpack.unpack_limit('\\1\\2\\3', 0, 3)), cmsgpack.unpack_limit('\\1\\2\\3', 0, 3)",
  "cmsgpack.unpack_limit('\\1\\2\\3', -1)",
  "cmsgpack.unpack_limit('\\1\\2\\3', 1, -5)",
  "cmsgpack.unpack_limit('\\1\\2\\3', 1, 4)",
  "cmsgpack.unpack_limit('\\1\\2\\3')",
  "cmsgpack.unpack_limit('\\1\\2\\3', 'x')",
  "cmsgpack.unpack_limit('\\1\\2\\3', 1, {})",
  "cmsgpack.unpack_limit(nil, 1)",
  "cmsgpack.unpack_limit('\\1\\2\\3', 2^31)",
  "cmsgpack.unpack_limit('\\1\\2\\3', '2', '1')",
];

const stackLimits: CaseRow[] = [
  ["select('#', cmsgpack.unpack(string.rep('\\192', 7999)))", 'true 7999'],
  [
    "cmsgpack.unpack(string.rep('\\192', 8000))",
    'false "user_script:1: stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)"',
  ],
  "select('#', cmsgpack.unpack(string.rep('\\1', 7998), 'x'))",
  "cmsgpack.unpack(string.rep('\\1', 7999), 'x')",
  "select('#', cmsgpack.unpack_limit(string.rep('\\1', 8000), 7998))",
  "cmsgpack.unpack_limit(string.rep('\\1', 8000), 7999)",
  "select('#', cmsgpack.unpack_limit(string.rep('\\1', 9000), 7998, 500))",
  "type(cmsgpack.unpack(string.rep('\\145', 3999) .. '\\192'))",
  "cmsgpack.unpack(string.rep('\\145', 4000) .. '\\192')",
  "type(cmsgpack.unpack(string.rep('\\129', 7998) .. '\\1\\2' .. string.rep('\\1', 7997)))",
  "cmsgpack.unpack(string.rep('\\129', 7999) .. '\\1\\2' .. string.rep('\\1', 7998))",
  "type(cmsgpack.unpack(string.rep('\\129\\1', 3999) .. '\\1'))",
  "cmsgpack.unpack(string.rep('\\129\\1', 4000) .. '\\1')",
  "select('#', cmsgpack.unpack(string.rep('\\1', 7990) .. string.rep('\\145', 4) .. '\\1'))",
  "cmsgpack.unpack(string.rep('\\1', 7990) .. string.rep('\\145', 5) .. '\\1')",
];

const roundTrips: CaseRow[] = [
  "cmsgpack.unpack(cmsgpack.pack(1, -1, 1.5, 0.1, 'str', true, false, {1, 2, {a = 'b'}}, {x = {y = {z = 1}}}))",
  "cmsgpack.unpack(cmsgpack.pack(2^53, -2^53, 2^63, -2^63, 1e300, -1e-300, 1/0, -1/0))",
  "cmsgpack.unpack(cmsgpack.pack(string.rep('\\0\\255', 100), {[1] = 1, [3] = 3}, {[-1] = 'neg'}))",
  "cmsgpack.unpack(cmsgpack.pack(cjson.decode('{\"a\":[1,2,3],\"b\":{\"c\":null}}')))",
  "cjson.encode(cmsgpack.unpack(cmsgpack.pack({list = {1, 2, 3}, map = {k = 'v'}})))",
];

// Known differences: in tail position our errors lose their position (see cjson.spec.ts).
const tailCalls: CaseRow[] = [
  [
    "return cmsgpack.unpack('\\193')",
    'false "user_script:1: Bad data format in input."',
    'false "Bad data format in input."',
  ],
  [
    'return cmsgpack.pack()',
    `false "user_script:1: bad argument #0 to 'pack' (MessagePack pack needs input.)"`,
    `false "bad argument #0 to 'pack' (MessagePack pack needs input.)"`,
  ],
];

describeLibraryCases(
  'cmsgpack',
  cases([
    ...shape,
    ...packScalars,
    ...packTables,
    ...packArguments,
    ...unpackValues,
    ...unpackErrors,
    ...unpackOneLimit,
    ...stackLimits,
    ...roundTrips,
    ...tailCalls,
  ]),
);
