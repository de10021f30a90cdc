// bit (src/scripting/libs/bit.ts) against Redis 7.0's LuaBitOp (lua_bit.c): every
// snippet runs in redis-server and in our Lua, and the answers must be equal (see
// lua-cases.ts). The ones with an answer written next to them are also checked without
// redis-server.
import { cases, describeLibraryCases, type CaseRow } from './lua-cases';

const each = (fn: string, values: string[]): string => values.map((v) => `bit.${fn}(${v})`).join(', ');

// A deterministic sweep: numbers of every magnitude (fractions, beyond 2^32, beyond 2^53,
// negative) from a small LCG, through every function; Redis's math.random differs from
// ours, so the snippet makes its own.
const sweep = (body: string): string =>
  'local x = 12345 local function r() x = (x * 1103515245 + 12345) % 2147483648 return x end ' +
  'local function num() local k = r() % 6 local v = r() - 1073741824 ' +
  'if k == 0 then return v elseif k == 1 then return v / 7 elseif k == 2 then return v * 2 ^ (r() % 40) ' +
  'elseif k == 3 then return (v + 0.5) elseif k == 4 then return v * 4096 + r() else return -v * 2 ^ (r() % 70) end end ' +
  `local out = {} for i = 1, 300 do local a, b, n = num(), num(), r() % 40 - 4 ${body} end return table.concat(out, ';')`;

const shape: CaseRow[] = [
  [
    "(function() local k = {} for n, v in pairs(bit) do k[#k + 1] = n .. ':' .. type(v) end table.sort(k) return table.concat(k, ',') end)()",
    'true "arshift:function,band:function,bnot:function,bor:function,bswap:function,bxor:function,lshift:function,rol:function,ror:function,rshift:function,tobit:function,tohex:function"',
  ],
];

const tobit: CaseRow[] = [
  [each('tobit', ['0', '1', '-1', '2^31', '2^32', '2^32 + 1', '-2^31 - 1']), 'true 0 1 -1 -2147483648 0 1 2147483647'],
  [each('tobit', ['2.5', '3.5', '-2.5', '0.5', '1.5', '-0.5', '0.49999999999999994']), 'true 2 4 -2 0 2 0 0'],
  each('tobit', ['2^51', '2^51 + 1', '2^52', '2^52 + 1', '2^53', '2^53 + 2', '-2^51', '-2^52', '-2^53']),
  each('tobit', ['2^60 + 12345 * 2^8', '1e15', '1e16', '1e17', '1e300', '-1e300', '2^1023', '-2^62 - 2^40']),
  each('tobit', ['-6755399441055744', '-6755399441055745', '-6755399441055743', '-6755399441055744 - 2^12', '-2^53 - 2^51']),
  [each('tobit', ['1/0', '-1/0', 'tonumber("nan")', '-0.0', '2^-1074', '0.9999']), 'true 0 0 0 0 0 1'],
  [each('tobit', ["'0x10'", "' 12 '", "'1e3'", "'-7'", "'0x7fffffff'", "'0xffffffff'"]), 'true 16 12 1000 -7 2147483647 -1'],
  ["bit.tobit('abc')", `false "user_script:1: bad argument #1 to 'tobit' (number expected, got string)"`],
  ['bit.tobit()', `false "user_script:1: bad argument #1 to 'tobit' (number expected, got no value)"`],
  'bit.tobit(nil)',
  'bit.tobit(true)',
  'bit.tobit({})',
  "bit.tobit('')",
  'bit.tobit(1, 2, 3)',
];

const logic: CaseRow[] = [
  [each('bnot', ['0', '-1', '1', '2^31', '0x12345678', '2.5']), 'true -1 0 -2 2147483647 -305419897 -3'],
  [
    'bit.band(0x0f0f, 0x00ff), bit.bor(0x0f0f, 0x00ff), bit.bxor(0x0f0f, 0x00ff), bit.band(-1, 0x7fffffff), bit.bor(2^31, 1), bit.bxor(-1, 1)',
    'true 15 4095 4080 2147483647 -2147483647 -2',
  ],
  'bit.band(5), bit.bor(5), bit.bxor(5), bit.band(-1, -1, -1, 6), bit.bor(1, 2, 4, 8, 16), bit.bxor(1, 3, 7, 15)',
  "bit.band('0xff', 0x1234), bit.bor(2^32 + 3, 4), bit.bxor(2.5, 1.5), bit.band(1e300, -1), bit.bor(1/0, 7)",
  'bit.band(0x12345678, 0x87654321), bit.bor(0x12345678, 0x87654321), bit.bxor(0x12345678, 0x87654321)',
  'bit.band(0, 0xffffffff), bit.bor(0, 0), bit.bxor(0xffffffff, 0xffffffff), bit.bor(0x80000000, 0x7fffffff)',
  ['bit.band()', `false "user_script:1: bad argument #1 to 'band' (number expected, got no value)"`],
  'bit.bor(1, nil)',
  // The first argument is read first, then the others from the last one down.
  ["bit.band('x', 'y')", `false "user_script:1: bad argument #1 to 'band' (number expected, got string)"`],
  ["bit.bor(1, 'x', {})", `false "user_script:1: bad argument #3 to 'bor' (number expected, got table)"`],
  "bit.bxor(1, 'x', 2)",
  'bit.band(1, 2, nil, 3)',
  'bit.bnot()',
  "bit.bnot('z')",
];

const shifts: CaseRow[] = [
  [
    'bit.lshift(1, 0), bit.lshift(1, 31), bit.lshift(1, 32), bit.lshift(1, 33), bit.lshift(0x7fffffff, 1), bit.lshift(-1, 4)',
    'true 1 -2147483648 1 2 -2 -16',
  ],
  [
    'bit.rshift(-1, 0), bit.rshift(-1, 1), bit.rshift(-1, 28), bit.rshift(-1, 32), bit.arshift(-16, 2), bit.arshift(-1, 31), bit.arshift(2^31, 4)',
    'true -1 2147483647 15 -1 -4 -1 -134217728',
  ],
  'bit.lshift(3, -1), bit.rshift(2^31, -31), bit.arshift(0x40000000, 30), bit.lshift(1, 2.5), bit.lshift(1, 3.5), bit.rshift(1e10, 3)',
  [
    'bit.rol(0x12345678, 4), bit.ror(0x12345678, 4), bit.rol(0x12345678, 0), bit.ror(0x12345678, 32), bit.rol(1, 31), bit.ror(1, 1)',
    'true 591751041 -2128394905 305419896 305419896 -2147483648 -2147483648',
  ],
  'bit.rol(-1, 13), bit.ror(0x80000001, 31), bit.rol(0x87654321, 64), bit.ror(0x87654321, -8)',
  [each('bswap', ['0x12345678', '-1', '1', '0x80', '2^31']), 'true 2018915346 -1 16777216 -2147483648 128'],
  ['bit.lshift(1)', `false "user_script:1: bad argument #2 to 'lshift' (number expected, got no value)"`],
  "bit.rshift('x', 'y')",
  "bit.arshift(1, 'y')",
  'bit.rol(nil, 1)',
  'bit.ror(1, {})',
  'bit.bswap()',
];

const tohex: CaseRow[] = [
  [
    "bit.tohex(0x1234abcd), bit.tohex(0x1234abcd, 4), bit.tohex(0x1234abcd, -4), bit.tohex(-1), bit.tohex(0), bit.tohex(255, 2)",
    'true "1234abcd" "abcd" "ABCD" "ffffffff" "00000000" "ff"',
  ],
  [
    "bit.tohex(0xabc, 0), bit.tohex(0xabc, 9), bit.tohex(0xabc, -9), bit.tohex(0xabc, 1), bit.tohex(0xabc, -8), bit.tohex(2^32 + 10, 3)",
    'true "" "00000abc" "00000ABC" "c" "00000ABC" "00a"',
  ],
  ["bit.tohex(0xabcdef, 2^31), bit.tohex(0xabcdef, -2^31), bit.tohex(0xabcdef, 2^31 + 1)", 'true "00ABCDEF" "00ABCDEF" "00ABCDEF"'],
  "bit.tohex(0xabcdef, 2^32 + 3), bit.tohex(0xabcdef, 2.5), bit.tohex(0xabcdef, '5'), bit.tohex('0xff'), bit.tohex(-2^31)",
  ['bit.tohex(1, nil)', `false "user_script:1: bad argument #2 to 'tohex' (number expected, got nil)"`],
  "bit.tohex(1, 'x')",
  'bit.tohex()',
  "bit.tohex('x', 2)",
];

const sweeps: CaseRow[] = [
  sweep("out[i] = bit.tobit(a) .. ',' .. bit.tobit(b) .. ',' .. bit.bnot(a) .. ',' .. bit.bswap(b)"),
  sweep("out[i] = bit.band(a, b) .. ',' .. bit.bor(a, b) .. ',' .. bit.bxor(a, b) .. ',' .. bit.band(a, b, n) .. ',' .. bit.bxor(b, n, a)"),
  sweep("out[i] = bit.lshift(a, n) .. ',' .. bit.rshift(a, n) .. ',' .. bit.arshift(b, n) .. ',' .. bit.rol(a, n) .. ',' .. bit.ror(b, n)"),
  sweep("out[i] = bit.tohex(a) .. ',' .. bit.tohex(b, n % 12 - 6) .. ',' .. bit.tohex(a, n)"),
];

// Known differences: in tail position our errors lose their position (see cjson.spec.ts).
const tailCalls: CaseRow[] = [
  [
    "return bit.band(1, 'x')",
    `false "user_script:1: bad argument #2 to 'band' (number expected, got string)"`,
    `false "bad argument #2 to 'band' (number expected, got string)"`,
  ],
  [
    "local f = bit.tobit return f('x')",
    `false "user_script:1: bad argument #1 to 'f' (number expected, got string)"`,
    `false "bad argument #1 to 'tobit' (number expected, got string)"`,
  ],
];

const naming: CaseRow[] = [
  "local f = bit.tobit local ok, e = pcall(function() local r = f('x') return r end) return e",
  "local ok, e = pcall(bit.tobit, 'x') return e",
  "local ok, e = pcall(function() local r = bit:tobit() return r end) return e",
  "local ok, e = pcall(function() local r = bit:lshift() return r end) return e",
];

describeLibraryCases('bit', cases([...shape, ...tobit, ...logic, ...shifts, ...tohex, ...sweeps, ...naming, ...tailCalls]));
