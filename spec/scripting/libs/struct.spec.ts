// struct (src/scripting/libs/struct.ts) against Redis 7.0's lua_struct.c: every snippet
// runs in redis-server and in our Lua, and the answers must be equal (see lua-cases.ts).
// The ones with an answer written next to them are also checked without redis-server.
import { cases, describeLibraryCases, type CaseRow } from './lua-cases';

const p = (fmt: string, ...values: string[]): string => `hex(struct.pack(${[`'${fmt}'`, ...values].join(', ')}))`;

const shape: CaseRow[] = [
  [
    "(function() local k = {} for n, v in pairs(struct) do k[#k + 1] = n .. ':' .. type(v) end table.sort(k) return table.concat(k, ',') end)()",
    'true "pack:function,size:function,unpack:function"',
  ],
];

const size: CaseRow[] = [
  ["struct.size('b'), struct.size('B'), struct.size('h'), struct.size('H'), struct.size('l'), struct.size('L')", 'true 1 1 2 2 8 8'],
  ["struct.size('T'), struct.size('i'), struct.size('I'), struct.size('f'), struct.size('d'), struct.size('x')", 'true 8 4 4 4 8 1'],
  ["struct.size('c'), struct.size('c5'), struct.size('i3'), struct.size('i16'), struct.size('I32'), struct.size('i0')", 'true 1 5 3 16 32 0'],
  ["struct.size(''), struct.size('<>! '), struct.size('!4'), struct.size('bhi')", 'true 0 0 0 7'],
  ["struct.size('!bi'), struct.size('!8 b d'), struct.size('!4 b d'), struct.size('!2 b i'), struct.size('!1 b d')", 'true 8 16 12 6 9'],
  "struct.size('!b i3'), struct.size('! b i3 b i5'), struct.size('!16 b d'), struct.size('!8 b c5 d'), struct.size('! x h x i x l')",
  "struct.size('!4 b i7 b I9 b i16')",
  // Letters that are not options are taken as size 0 by size() alone.
  ["struct.size('z'), struct.size('q9'), struct.size(5), struct.size('bz')", 'true 0 0 0 1'],
  ["struct.size('?')", `false "user_script:1: bad argument #1 to 'size' (invalid format option '?')"`],
  ["struct.size('s')", `false "user_script:1: bad argument #1 to 'size' (option 's' has no fixed size)"`],
  ["struct.size('c0')", `false "user_script:1: bad argument #1 to 'size' (option 'c0' has no fixed size)"`],
  ["struct.size('i33')", 'false "user_script:1: integral size 33 is larger than limit of 32"'],
  ["struct.size('c99999999999')", 'false "user_script:1: integral size overflow"'],
  "struct.size('c2147483647'), struct.size('c2147483648')",
  "struct.size('c214748364'), struct.size('c2147483640')",
  ["struct.size('!3')", 'false "user_script:1: alignment 3 is not a power of 2"'],
  "struct.size('!0')",
  "struct.size('!1073741824 d'), struct.size('!2147483647')",
  "struct.size('\\200')",
  "struct.size('b\\0junk')",
  "struct.size()",
  "struct.size(nil)",
  "struct.size({})",
  "struct.size('b', 'extra', 1)",
];

const packIntegers: CaseRow[] = [
  [`${p('<i', '1')}, ${p('>i', '1')}, ${p('i', '-1')}`, 'true "01000000" "00000001" "ffffffff"'],
  [`${p('b', '127')}, ${p('b', '-128')}, ${p('b', '255')}, ${p('b', '256')}, ${p('b', '-129')}, ${p('B', '-1')}`, 'true "7f" "80" "ff" "00" "7f" "ff"'],
  `${p('h', '65535')}, ${p('h', '-32768')}, ${p('>H', '258')}, ${p('<H', '258')}, ${p('h', '70000')}`,
  `${p('l', '2^53')}, ${p('>L', '2^63')}, ${p('>l', '-2^63')}, ${p('>L', '2^64 - 2^11')}, ${p('>l', '2^63 + 2^11')}`,
  [`${p('>L', '2^64')}, ${p('>l', '1e300')}, ${p('>l', '-1e300')}, ${p('>L', 'tonumber("nan")')}, ${p('>L', '-tonumber("nan")')}`,
    'true "0000000000000000" "0000000000000000" "8000000000000000" "8000000000000000" "8000000000000000"'],
  `${p('>l', '-2^63 - 2^11')}, ${p('>L', '1/0')}, ${p('>l', '-1/0')}`,
  [`${p('i', '2.7')}, ${p('i', '-2.7')}, ${p('i', '-0.5')}, ${p('i', '2^32 + 5')}, ${p('>i', '-2^31 - 1')}`, 'true "02000000" "feffffff" "00000000" "05000000" "7fffffff"'],
  `${p('T', '12345678901')}, ${p('>T', '-2')}, ${p('I', '-2')}, ${p('>I', '4294967295')}`,
  [`${p('i3', '0x123456')}, ${p('>i3', '0x123456')}, ${p('>i3', '-1')}, ${p('i1', '300')}, ${p('i0', '5')}`, 'true "563412" "123456" "ffffff" "2c" ""'],
  [`${p('<i9', '-1')}, ${p('>i16', '-2')}`, 'true "ffffffffffffffff00" "0000000000000000fffffffffffffffe"'],
  `${p('<I32', '2^60 + 2^40')}, ${p('>i12', '1')}, ${p('<i10', '-2^40')}`,
  `${p('i', '"10"')}, ${p('i', '" 0x10 "')}, ${p('b', '"1e2"')}`,
  `${p('bhilBHILT', '1', '2', '3', '4', '5', '6', '7', '8', '9')}`,
  `${p('<h>h<h', '1', '1', '1')}`,
];

const packFloats: CaseRow[] = [
  [`${p('f', '1.5')}, ${p('>f', '1.5')}, ${p('f', '0.1')}, ${p('f', '-0.0')}, ${p('f', '-1')}`, 'true "0000c03f" "3fc00000" "cdcccc3d" "00000080" "000080bf"'],
  [`${p('>f', '1/0')}, ${p('>f', '-1/0')}, ${p('>f', 'tonumber("nan")')}, ${p('>f', '-tonumber("nan")')}`, 'true "7f800000" "ff800000" "7fc00000" "ffc00000"'],
  `${p('>f', '1e39')}, ${p('>f', '-1e39')}, ${p('>f', '3.4028235e38')}, ${p('>f', '3.4028235677973366e38')}, ${p('>f', '3.4028234663852886e38')}`,
  `${p('>f', '1e-40')}, ${p('>f', '1e-46')}, ${p('>f', '2^-149')}, ${p('>f', '2^-150')}, ${p('>f', '3 * 2^-150')}, ${p('>f', '-2^-151')}`,
  `${p('>f', '2^-126')}, ${p('>f', '2^-126 - 2^-150')}, ${p('>f', '(2^23 - 0.5) * 2^-149')}, ${p('>f', '1.1754942807573643e-38')}`,
  `${p('>f', '16777217')}, ${p('>f', '16777219')}, ${p('>f', '16777218')}, ${p('>f', '0.3')}, ${p('>f', 'math.pi')}, ${p('>f', '1/3')}`,
  `${p('>f', '2^127 * (2 - 2^-24)')}, ${p('>f', '2^127 * (2 - 2^-25)')}, ${p('>f', '123456789')}, ${p('>f', '-7.25e-5')}`,
  [`${p('d', '1.5')}, ${p('>d', '1')}, ${p('>d', '0.1')}, ${p('>d', '-0.0')}`, 'true "000000000000f83f" "3ff0000000000000" "3fb999999999999a" "8000000000000000"'],
  `${p('>d', '1/0')}, ${p('>d', '-1/0')}, ${p('>d', 'tonumber("nan")')}, ${p('>d', '-tonumber("nan")')}`,
  `${p('>d', '5e-324')}, ${p('>d', '2^-1022')}, ${p('>d', '2^-1022 - 2^-1074')}, ${p('>d', '1.7976931348623157e308')}, ${p('>d', '-123.456e-300')}`,
  `${p('>d', 'math.pi')}, ${p('<d', '2^53 + 2')}, ${p('>d', '-2^-1070')}`,
  `${p('>f', '"2.5"')}, ${p('>d', '" 1e1"')}`,
];

const packStrings: CaseRow[] = [
  [`${p('c3', "'abc'")}, ${p('c2', "'hello'")}, ${p('c0', "'hello'")}, ${p('c', "'xyz'")}`, 'true "616263" "6865" "68656c6c6f" "78"'],
  [`${p('s', "'hi'")}, ${p('s', "'a\\0b'")}, ${p('s', "''")}`, 'true "686900" "61006200" "00"'],
  [`${p('c5', "'abc'")}`, `false "user_script:1: bad argument #3 to 'pack' (string too short)"`],
  `${p('c', '123')}, ${p('c3', '12345')}, ${p('s', '1.5')}`,
  `${p('i c2', '1', "'ab'")}, ${p('b c0 b', '1', "'str'", '2')}`,
  `${p('c', '{}')}`,
  `${p('s')}`,
  `${p('c2 c9', "'ab'", "'cd'")}`,
];

const packLayout: CaseRow[] = [
  [`${p('!4 b i', '1', '2')}, ${p('! b d', '1', '2')}, ${p('!2 b h', '1', '2')}`, 'true "0100000002000000" "01000000000000000000000000000040" "01000200"'],
  `${p('! b i3', '1', '2')}, ${p('!16 b d', '1', '2')}, ${p('>!4 h i', '1', '2')}, ${p('!4 b x i', '1', '2')}`,
  `${p('! b c3 i', '1', "'abc'", '2')}, ${p('! b s i', '1', "'ab'", '2')}, ${p('! b f b d', '1', '2', '3', '4')}`,
  `${p('!4 b !1 i', '1', '2')}, ${p('! bb i5 b I9', '1', '2', '3', '4', '5')}`,
  `${p('x x b  x', '9')}, ${p('<i >i', '1', '1')}`,
  `${p('b\\0b', '1', '2')}`,
];

const packErrors: CaseRow[] = [
  [`${p('i')}`, `false "user_script:1: bad argument #2 to 'pack' (number expected, got nil)"`],
  [`${p('i', "'x'")}`, `false "user_script:1: bad argument #2 to 'pack' (number expected, got string)"`],
  `${p('bi', '1', 'nil')}`,
  `${p('bi', '1', '{}')}`,
  `${p('f', 'true')}`,
  `${p('d')}`,
  [`${p('z')}`, `false "user_script:1: bad argument #1 to 'pack' (invalid format option 'z')"`],
  `${p('b5', '1')}`,
  `${p('i33', '1')}`,
  `${p('!3')}`,
  `${p('!b ?', '1')}`,
  "hex(struct.pack(5))",
  "struct.pack()",
  "struct.pack(nil, 1)",
  "struct.pack({})",
  "local ok, e = pcall(struct.pack, 'z') return e",
  "local ok, e = pcall(function() local r = struct:pack('b') return r end) return e",
  "local ok, e = pcall(function() local pk = struct.pack local r = pk('i') return r end) return e",
];

const unpackValues: CaseRow[] = [
  ["struct.unpack('<i', '\\1\\0\\0\\0'), struct.unpack('>i', '\\0\\0\\0\\1')", 'true 1 1 5'],
  ["struct.unpack('b', '\\255'), struct.unpack('B', '\\255'), struct.unpack('b', '\\127')", 'true -1 255 127 2'],
  "struct.unpack('h', '\\255\\255'), struct.unpack('H', '\\255\\255'), struct.unpack('>h', '\\128\\0')",
  ["struct.unpack('l', string.rep('\\255', 8)), struct.unpack('L', string.rep('\\255', 8))", 'true -1 1.8446744073709552e+19 9'],
  "struct.unpack('>L', '\\0\\32\\0\\0\\0\\0\\0\\1'), struct.unpack('>l', '\\128\\0\\0\\0\\0\\0\\0\\0'), struct.unpack('>l', '\\127\\255\\255\\255\\255\\255\\255\\255')",
  "struct.unpack('>L', '\\0\\32\\0\\0\\0\\0\\0\\3'), struct.unpack('>L', '\\128\\0\\0\\0\\0\\0\\4\\0'), struct.unpack('>L', '\\128\\0\\0\\0\\0\\0\\12\\0')",
  "struct.unpack('T', '\\1\\2\\3\\4\\5\\6\\7\\8'), struct.unpack('I', '\\255\\255\\255\\255'), struct.unpack('i', '\\255\\255\\255\\127')",
  "struct.unpack('i3', '\\255\\255\\255'), struct.unpack('I3', '\\255\\255\\255'), struct.unpack('>i3', '\\128\\0\\0'), struct.unpack('i1', '\\200')",
  // Wider than 8 bytes: the low 8 bytes, and a sign bit where C's shift lands.
  ["struct.unpack('>i9', string.rep('\\0', 8) .. '\\128'), struct.unpack('>i9', string.rep('\\0', 8) .. '\\127')", 'true -128 127 10'],
  "struct.unpack('<i9', '\\1\\0\\0\\0\\0\\0\\0\\128\\255'), struct.unpack('<I9', '\\1\\0\\0\\0\\0\\0\\0\\128\\255')",
  "struct.unpack('>i16', string.rep('\\255', 16)), struct.unpack('>I16', string.rep('\\0', 15) .. '\\5'), struct.unpack('<i16', '\\5' .. string.rep('\\0', 15))",
  "struct.unpack('<i12', '\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\128'), struct.unpack('<i12', '\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\8'), struct.unpack('<i12', '\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\16')",
  "struct.unpack('<i10', '\\0\\0\\0\\0\\0\\0\\0\\0\\255\\127'), struct.unpack('<i10', '\\0\\0\\0\\0\\0\\0\\0\\0\\0\\128'), struct.unpack('<i10', '\\255\\255\\255\\255\\0\\0\\0\\0\\0\\2')",
  "struct.unpack('i0', ''), struct.unpack('I0', 'x'), struct.unpack('<i32', string.rep('\\255', 32))",
  ["struct.unpack('>f', '\\63\\192\\0\\0'), struct.unpack('<f', '\\0\\0\\192\\63'), struct.unpack('>d', '\\63\\240\\0\\0\\0\\0\\0\\0')", 'true 1.5 1.5 1 9'],
  "struct.unpack('>f', '\\127\\128\\0\\0'), struct.unpack('>f', '\\255\\128\\0\\0'), struct.unpack('>f', '\\127\\192\\0\\0'), struct.unpack('>f', '\\255\\192\\0\\0'), struct.unpack('>f', '\\127\\128\\0\\1')",
  "struct.unpack('>f', '\\0\\0\\0\\1'), struct.unpack('>f', '\\0\\128\\0\\0'), struct.unpack('>f', '\\128\\0\\0\\0'), struct.unpack('>f', '\\127\\127\\255\\255'), struct.unpack('>f', '\\61\\204\\204\\205')",
  "struct.unpack('>d', '\\0\\0\\0\\0\\0\\0\\0\\1'), struct.unpack('>d', '\\127\\240\\0\\0\\0\\0\\0\\0'), struct.unpack('>d', '\\255\\248\\0\\0\\0\\0\\0\\0'), struct.unpack('>d', '\\128\\0\\0\\0\\0\\0\\0\\0')",
  "struct.unpack('>d', '\\127\\239\\255\\255\\255\\255\\255\\255'), struct.unpack('>d', '\\0\\16\\0\\0\\0\\0\\0\\0'), struct.unpack('>d', '\\0\\15\\255\\255\\255\\255\\255\\255'), struct.unpack('>d', '\\127\\240\\0\\0\\0\\0\\0\\1')",
  ["struct.unpack('c3', 'abcdef'), struct.unpack('b c0', '\\0abc')", 'true "abc" "" 2'],
  ["struct.unpack('b c0', '\\3abcd')", 'true "abc" 5'],
  ["struct.unpack('c1 c0', '2abc')", 'true "ab" 4'],
  ["struct.unpack('c0', 'abc')", `false "user_script:1: format 'c0' needs a previous size"`],
  "struct.unpack('c1 c0', 'xabc')",
  "struct.unpack('b c0', '\\255abc')",
  "struct.unpack('B c0', '\\9abc')",
  "struct.unpack('b b c0 b', '\\7\\2ab\\5')",
  "struct.unpack('d c0', struct.pack('d', 2.9) .. 'abc')",
  "struct.unpack('d c0', struct.pack('d', -0.5) .. 'abc')",
  "struct.unpack('d c0', struct.pack('d', 2^64) .. 'abc')",
  ["struct.unpack('s', 'hello\\0world'), struct.unpack('s s', 'a\\0b\\0')", 'true "hello" "a" "b" 5'],
  ["struct.unpack('s', 'abc')", 'false "user_script:1: unfinished string in data"'],
  "struct.unpack('s', ''), struct.unpack('s', '\\0')",
  "struct.unpack('c2', 12), struct.unpack('b', 5), struct.unpack(' < > ! ', 'x')",
  "struct.unpack('bxb', '\\1\\2\\3'), struct.unpack('!4 b i', '\\1\\0\\0\\0\\2\\0\\0\\0'), struct.unpack('!4 b i', '\\1\\0\\0\\0\\2\\0\\0\\0', 1)",
  "struct.unpack('bhilBHILTfd', struct.pack('bhilBHILTfd', -1, -2, -3, -4, 5, 6, 7, 8, 9, 1.25, -2.5))",
];

const unpackOffsets: CaseRow[] = [
  ["struct.unpack('b', 'abc', 2), struct.unpack('b', 'abc', 3.9), struct.unpack('b', 'abc', '2')", 'true 98 99 98 3'],
  ["struct.unpack('b', 'abc', 0)", `false "user_script:1: bad argument #3 to 'unpack' (offset must be 1 or greater)"`],
  ["struct.unpack('b', 'abc', -1)", `false "user_script:1: bad argument #2 to 'unpack' (data string too short)"`],
  ["struct.unpack('', 'abc', -5), struct.unpack('', 'abc', 10), struct.unpack('b', 'abc', nil)", 'true -5 10 97 2'],
  "struct.pack('bbb', 1, nil, 2)",
  "struct.unpack('b', 'abc', 4)",
  "struct.unpack('', 'abc', 0.5)",
  "struct.unpack('b', 'abc', 'x')",
  "struct.unpack('b', 'abc', {})",
  "struct.unpack('', 'abc', 1e300), struct.unpack('', '', 2^53)",
  "struct.unpack('b', 'abc', tonumber('nan'))",
  // A negative offset is a huge size_t; alignment can wrap it around to the start.
  "struct.unpack('!8 d', struct.pack('d', 7.5), -1)",
  "struct.unpack('!4 i', '\\0\\0\\0\\0\\1\\0\\0\\0', 2)",
  "struct.unpack('!4 i', '\\9\\0\\0\\0', -2)",
  "struct.unpack('!2 h', 'ab', -3)",
  "struct.unpack('i', 'ab')",
  "struct.unpack('c5', 'abc')",
  "struct.unpack('c2147483647', 'abc')",
  "struct.unpack('x', '')",
  "struct.unpack('z', '')",
  "struct.unpack('z', '', 5)",
  "struct.unpack('b')",
  "struct.unpack(nil, 'x')",
  "struct.unpack('b', {})",
  "struct.unpack()",
];

const unpackManyResults: CaseRow[] = [
  ["select('#', struct.unpack(string.rep('b', 7997), string.rep('a', 8000)))", 'true 7998'],
  ["struct.unpack(string.rep('b', 7998), string.rep('a', 8000))", 'false "user_script:1: stack overflow (too many results)"'],
  "select('#', struct.unpack(string.rep('b', 7996), string.rep('a', 8000), 1))",
  "struct.unpack(string.rep('b', 7997), string.rep('a', 8000), 1)",
  "select('#', struct.unpack(string.rep('x', 9000) .. 'b', string.rep('a', 9001)))",
  "select('#', struct.unpack(string.rep('b', 7990) .. 'c0', string.rep('\\0', 8000)))",
];

// Known differences: in tail position our errors lose their position (see cjson.spec.ts).
const tailCalls: CaseRow[] = [
  [
    "return struct.pack('z')",
    `false "user_script:1: bad argument #1 to 'pack' (invalid format option 'z')"`,
    `false "bad argument #1 to 'pack' (invalid format option 'z')"`,
  ],
  ["return struct.unpack('s', 'abc')", 'false "user_script:1: unfinished string in data"', 'false "unfinished string in data"'],
];

describeLibraryCases(
  'struct',
  cases([
    ...shape,
    ...size,
    ...packIntegers,
    ...packFloats,
    ...packStrings,
    ...packLayout,
    ...packErrors,
    ...unpackValues,
    ...unpackOffsets,
    ...unpackManyResults,
    ...tailCalls,
  ]),
);
