import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/api/response.js';

describe('checkBody decides success from the body itself', () => {
  it.each([
    ['Success true', { Success: true, Code: 200, RequestId: 'R1' }, true],
    ['Success "true" as a string', { Success: 'true', RequestId: 'R1' }, true],
    ['the SDK model form', { success: true, code: 200, requestId: 'R1' }, true],
    ['only Code 200', { Code: 200, RequestId: 'R1' }, true],
    ['only Code "200"', { Code: '200' }, true],
    ['Success false on HTTP 200', { Success: false, Code: 'Group.NotFound', Message: 'x' }, false],
    ['Success "false"', { Success: 'false', Code: 500 }, false],
    ['Success false wins over Code 200', { Success: false, Code: 200 }, false],
    ['Code other than 200, no Success', { Code: 'Throttling.User' }, false],
    ['Success true contradicted by Code 500', { Success: true, Code: 500 }, false],
    ['Success neither true nor false', { Success: 'maybe', Code: 200 }, false],
    ['empty object', {}, false],
    ['an array', [1, 2], false],
    ['a string', 'hello', false],
    ['null', null, false],
  ])('%s', (_name, body, ok) => {
    expect(checkBody(body).ok).toBe(ok);
  });

  it('keeps the request id and the code of a refused call', () => {
    expect(checkBody({ Success: false, Code: 'Group.Active', Message: 'busy', RequestId: 'R9' }))
      .toEqual({ ok: false, code: 'Group.Active', message: 'busy', requestId: 'R9' });
  });

  it('quotes the start of a body that makes no sense', () => {
    const verdict = checkBody({ Success: true, Code: 500, Note: 'x'.repeat(500) });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.code).toBe('InvalidResponse');
      expect(verdict.message).toContain('{"Success":true,"Code":500');
      expect(verdict.message.length).toBeLessThan(300);
    }
  });

  it('never throws, whatever the body', () => {
    fc.assert(fc.property(fc.anything(), (body) => {
      const verdict = checkBody(body);
      expect(typeof verdict.ok).toBe('boolean');
      if (!verdict.ok) expect(verdict.code.length).toBeGreaterThan(0);
    }), { numRuns: 2000 });
  });

  it('accepts only bodies that say success without contradiction', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('Success', 'Code', 'Message',
      'RequestId'), fc.oneof(fc.boolean(), fc.integer(), fc.string())), (body) => {
      const verdict = checkBody(body);
      const s = body.Success;
      if (verdict.ok) {
        const said = s === true || s === 'true' || s === 'True' || s === 'TRUE' ||
          (s === undefined && String(body.Code) === '200');
        expect(said).toBe(true);
      }
    }), { numRuns: 2000 });
  });
});
