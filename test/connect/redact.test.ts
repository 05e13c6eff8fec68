import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collectSecrets,
  maskAccessKeyId,
  redact,
  scrubSecretFields,
} from '../../src/connect/index.js';

describe('maskAccessKeyId', () => {
  it('keeps the first and last four characters', () => {
    expect(maskAccessKeyId('LTAI5tFixtureKeyId00abcd')).toBe('LTAI****abcd');
  });

  it('masks a short id entirely rather than reveal most of it', () => {
    expect(maskAccessKeyId('LTAIabcd')).toBe('****');
    expect(maskAccessKeyId('')).toBe('****');
  });

  it('never returns a whole id of twelve characters or more', () => {
    fc.assert(fc.property(fc.string({ minLength: 12, maxLength: 40 }), (id) => {
      const masked = maskAccessKeyId(id);
      expect(masked).toHaveLength(12);
      expect(masked.slice(4, 8)).toBe('****');
    }));
  });
});

describe('redact', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redact('key s3cret-42 then s3cret-42 and t0ken-xyz!', ['s3cret-42', 't0ken-xyz']))
      .toBe('key *** then *** and ***!');
  });

  it('leaves words shorter than eight characters alone, so data such as "kafka-test" stays', () => {
    expect(redact('group kafka-test, key abcdefgh', ['abcdefgh', 'kafka'])).toBe(
      'group kafka-test, key ***');
  });

  it('replaces a secret that contains another as a whole', () => {
    expect(redact('x-secretvalue-x', ['secretva', 'secretvalue'])).toBe('x-***-x');
  });

  it('leaves no secret behind in any text', () => {
    const alnum = fc.string({ unit: fc.constantFrom(...'abcdefXYZ0123'), minLength: 8 });
    fc.assert(fc.property(fc.array(fc.string()), alnum, (parts, secret) => {
      const text = parts.join(secret);
      expect(redact(text, [secret])).not.toContain(secret);
    }));
  });
});

describe('collectSecrets', () => {
  it('collects secret and token values, not key ids or short values', () => {
    const found = collectSecrets({
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tNotASecret0000',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'the-secret-value',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'the-sts-token',
      SOME_SERVICE_TOKEN: 'another-token',
      SHORT_SECRET: 'abc',
      EMPTY_TOKEN: '',
      PATH: '/usr/bin',
    });

    expect(found.sort()).toEqual(['another-token', 'the-secret-value', 'the-sts-token']);
  });
});

describe('scrubSecretFields', () => {
  it('blanks secret-named JSON fields of a quoted response and keeps the rest', () => {
    const body = '{"AccessKeyId":"STS.abc","AccessKeySecret":"sec\\"ret","SecurityToken":"tok",' +
      '"Code":"Success"}';

    expect(scrubSecretFields(`get sts token failed, result: ${body}`)).toBe(
      'get sts token failed, result: {"AccessKeyId":"STS.abc","AccessKeySecret":"***",' +
        '"SecurityToken":"***","Code":"Success"}');
  });
});
