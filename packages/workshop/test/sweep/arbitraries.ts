import fc from 'fast-check';

/** Names that live on every object's prototype: looked up carelessly, they are "found". */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

export const HOSTILE_NUMBERS = ['-1', '-5', '0', '1', '65536', '1e20', '99999999999999999999999', '9007199254740993', 'NaN', 'Infinity', '-0', '0x10', '1.5', ' 7', '７', '1_000'];

/** Paths that escape, point at the system, or are not paths at all. */
export const PATH_TRICKS = ['', ' ', '.', '..', '../..', '/', '/etc', '/etc/passwd', '/proc/self', '~', '~/x', 'a\u0000b', '../../../../tmp/x', 'C:\\Windows', '//server/share', 'slides/../..', '\n', '-', '--', 'exercises/manifest.json', 'packages'];

export const REPLAY_STRINGS = ['smallScope@replay#0:P.a1.P.P.P.a2.a2.a2.a1.a1.a2', 'smallScope@timed#1', 'constructor@timed#1', 'toString@replay#0:P', 'smallScope@replay#0:zz.zz', 'smallScope@replay#0', 'october2025@timed#1:P.a1', 'smallScope@replay#99999999999999999999999:P'];

const hostileWord = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES, ...HOSTILE_NUMBERS, ...PATH_TRICKS, ...REPLAY_STRINGS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.bigInt().map(String),
  fc.double().map(String),
);

/** A command line: the command's own words mixed with hostile ones, as flags, values and `--flag=value`. */
export function argvFor(words: readonly string[]): fc.Arbitrary<string[]> {
  const own = fc.constantFrom(...words);
  const token = fc.oneof(
    { weight: 3, arbitrary: own },
    { weight: 3, arbitrary: hostileWord },
    { weight: 2, arbitrary: fc.tuple(own, hostileWord).map(([flag, value]) => `${flag.replace(/=$/, '')}=${value}`) },
  );
  return fc.array(token, { maxLength: 6 });
}
