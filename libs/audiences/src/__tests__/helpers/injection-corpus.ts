/**
 * Values and names that try to break out of a literal or an identifier: quotes of every kind, comments,
 * statement separators, backslashes, dollar quotes, Unicode look-alikes, control characters. Every value must
 * select exactly the rows holding it; every name must be refused as unknown.
 */
export const INJECTION_VALUES = [
  "' OR 1=1 --",
  "'; DROP TABLE names; --",
  "\\' OR 1=1 #",
  '\\',
  "a\\'b",
  'back\\\\slash',
  '*/ OR 1=1 /*',
  '$$ OR 1=1 $$',
  '$tag$ x $tag$',
  '" OR ""="',
  '`id` OR 1',
  '\u02bc OR 1=1 --',
  '\uff07 OR \uff071\uff07=\uff071',
  '\u2019; SELECT 1; \u2018',
  'line\nbreak',
  'tab\there',
  '%_ wildcards',
  'emoji 😀 and é',
  '\\x27 \\u0027 \\047',
  ';',
  '--',
  '',
];

/**
 * fakesnow replaces `$name` session variables by text substitution, even inside string literals (real
 * Snowflake does not), so this value cannot reach its engine: the Snowflake run leaves it out.
 */
export const FAKESNOW_UNREPRESENTABLE = ['$tag$ x $tag$'];

export function injectionValues(engine: string): string[] {
  return engine === 'snowflake'
    ? INJECTION_VALUES.filter((v) => !FAKESNOW_UNREPRESENTABLE.includes(v))
    : INJECTION_VALUES;
}

export const INJECTION_NAMES = [
  'id" OR 1=1 --',
  'id`; DROP TABLE names; --',
  'name] OR [1',
  'ｎａｍｅ',
  'n\u0430me',
  'name ',
  'NAME; --',
];
