/**
 * Strict base-10 integers. The SDK sends numbers, so values stop at Number.MAX_SAFE_INTEGER
 * (2^53-1): above it two different offsets could become the same number on the way out.
 */
import { PARSE_ERROR, type ParseErrorCode } from './codes.js';
import { refuse, show } from './text.js';

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);

export interface IntegerRules {
  /** Names the value in messages: `--to-offset`, `partition on line 3`; '' for none. */
  what: string;
  code: ParseErrorCode;
  /** Describes the accepted form in messages. */
  form: string;
  /** Whether a leading `-` is read (range checks come after). */
  minus: boolean;
  /** Whether a leading `+` is read. */
  plus: boolean;
}

const NON_NEGATIVE = 'a non-negative base-10 integer';

/**
 * Reads an integer written plainly in base 10; spaces around it are ignored. Everything else that
 * could pass for a number elsewhere (`1e3`, `0x3`, `1.0`, `1,000`, `007`) is refused with the
 * plain spelling suggested where there is one.
 */
export function readInteger(value: string, rules: IntegerRules): number {
  const text = value.trim();
  const fail = (reason: string, suggestion?: string): never => {
    const mean = suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
    const what = rules.what === '' ? '' : `${rules.what}: `;
    const message = `${what}expected ${rules.form}, got ${show(value)}${reason}${mean}`;
    throw refuse(rules.code, message, {
      input: value,
      expected: rules.form,
      ...(suggestion === undefined ? {} : { suggestion: Number(suggestion) }),
    });
  };

  if (text === '') return fail(': the value is empty');

  const plain = /^([+-]?)(\d+)$/.exec(text);
  if (!plain) return fail(...diagnose(text, rules));

  const [, sign = '', digits = ''] = plain;
  if (sign === '+' && !rules.plus) return fail(': write it without the + sign', digits);
  if (sign === '-' && !rules.minus) return fail(': negative values are not accepted');
  if (digits.length > 1 && digits.startsWith('0')) {
    return fail(': leading zeros are not accepted', sign + digits.replace(/^0+(?=\d)/, ''));
  }
  if (BigInt(digits) > MAX_SAFE_BIG) {
    return fail(`: larger than ${MAX_SAFE} (2^53-1), the largest the API can be sent exactly`);
  }

  const number = Number(digits);
  return sign === '-' && number !== 0 ? -number : number;
}

/** Why a value is not a plain integer, and its plain spelling when it has one. */
function diagnose(text: string, rules: IntegerRules): [string, string?] {
  const spelled = (reason: string, number: number): [string, string?] =>
    Number.isSafeInteger(number) ? [reason, String(number)] : [reason];

  if (/^--[a-z]/i.test(text)) {
    return [`: that is an option, so the value itself is missing (put the number right after ` +
      'the option)'];
  }
  if (!rules.minus && /^-[\d.]/.test(text)) return [': negative values are not accepted'];

  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(text)) {
    return spelled(': exponent notation is not accepted', Number(text));
  }
  if (/^[+-]?0[xob][0-9a-f]+$/i.test(text)) {
    const unsigned = text.replace(/^[+-]/, '');
    const letter = unsigned[1]?.toLowerCase() ?? '';
    const base = { x: 'hexadecimal', o: 'octal', b: 'binary' }[letter];
    const number = Number(unsigned.toLowerCase());
    const signed = text.startsWith('-') ? -number : number;
    return spelled(`: ${base ?? 'non-decimal'} is not accepted`, signed);
  }
  if (/^[+-]?(\d+\.\d*|\.\d+)$/.test(text)) {
    const whole = /^[+-]?\d+\.0*$/.test(text);
    return whole
      ? spelled(': write a whole number without a decimal point', Number(text))
      : [': fractions are not accepted'];
  }
  if (/^[+-]?\d+([,_' ]\d+)+$/.test(text)) {
    const reason = ': separators and spaces inside a number are not accepted';
    // Only digits grouped in thousands surely form one number; "1 2" may be two.
    const grouped = /^[+-]?[1-9]\d{0,2}([,_' ]\d{3})+$/.test(text);
    return grouped ? spelled(reason, Number(text.replace(/[,_' ]/g, ''))) : [reason];
  }
  return [''];
}

export function parseNonNegativeInt(value: string, what: string): number {
  return readInteger(value, {
    what,
    code: PARSE_ERROR.integer,
    form: NON_NEGATIVE,
    minus: false,
    plus: false,
  });
}

export function parseIntInRange(value: string, what: string, min: number, max: number): number {
  const form = `a base-10 integer from ${min} to ${max}`;
  const number = readInteger(value, {
    what,
    code: PARSE_ERROR.integer,
    form,
    minus: true,
    plus: min < 0,
  });

  if (number < min || number > max) {
    throw refuse(PARSE_ERROR.integer, `${what}: expected ${form}, got ${number}`, {
      input: value,
      expected: form,
    });
  }
  return number;
}

/** `--shift-by`: a non-zero integer; the sign is optional for a forward move. */
export function parseShift(value: string): number {
  const form = 'a non-zero base-10 integer such as 100 or -100';
  const shift = readInteger(value, {
    what: 'shift',
    code: PARSE_ERROR.shift,
    form,
    minus: true,
    plus: true,
  });

  if (shift === 0) {
    const message = `shift: expected ${form}, got ${show(value)}: a shift of 0 changes nothing`;
    throw refuse(PARSE_ERROR.shift, message, { input: value, expected: form });
  }
  return shift;
}
