/** Which entry a code finds, and what an unknown code gets instead. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allEntries, explain, isRetryableCode, lookup } from '../../src/catalogue/index.js';
import { CATEGORIES } from '../../src/catalogue/types.js';

describe('lookup', () => {
  it('finds a code exactly, then ignoring case', () => {
    expect(lookup('Group.NotFound')?.code).toBe('Group.NotFound');
    expect(lookup('group.notfound')?.code).toBe('Group.NotFound');
    expect(lookup('  Group.Active\n')?.code).toBe('Group.Active');
  });

  it('prefers an exact case-insensitive match to a family', () => {
    expect(lookup('throttling.user')?.code).toBe('Throttling.User');
    expect(lookup('Throttling.Api')?.code).toBe('Throttling.%s');
    expect(lookup('invalid.offset')?.code).toBe('Invalid.%s');
  });

  it('treats . and _ alike only when nothing matches otherwise', () => {
    expect(lookup('BIZ.CONSUMER.GROUP.ACTIVE.ERROR')?.code).toBe('BIZ_CONSUMER_GROUP_ACTIVE_ERROR');
    expect(lookup('BIZ.INSTANCE.NOT.FOUND')?.code).toBe('BIZ.INSTANCE.NOT.FOUND');
    expect(lookup('BIZ_INSTANCE_NOT_FOUND')?.code).toBe('BIZ_INSTANCE_NOT_FOUND');
    expect(lookup('BIZ.GET.TOPIC.STATUS.ERROR')?.category).toBe('credentials');
    expect(lookup('BIZ_GET_TOPIC_STATUS_ERROR')?.category).toBe('service');
    expect(lookup('ONS.INTERNAL.ERROR')?.httpStatus).toEqual([500]);
    expect(lookup('ONS_INTERNAL_ERROR')?.httpStatus).toEqual([400]);
  });

  it('finds nothing for an empty or unknown code', () => {
    expect(lookup('')).toBeUndefined();
    expect(lookup('   ')).toBeUndefined();
    expect(lookup('Group.Activ')).toBeUndefined();
  });

  it('hands out entries that cannot be changed by a caller', () => {
    const entries = allEntries();
    entries.pop();
    expect(allEntries()).toHaveLength(entries.length + 1);
    const entry = lookup('Group.Active');
    expect(() => entry?.httpStatus.push(999)).toThrow(TypeError);
    expect(lookup('Group.Active')?.httpStatus).toEqual([400]);
  });
});

describe('codes the catalogue does not know', () => {
  it('calls an unknown 5xx a retryable service failure', () => {
    const explanation = explain('Kafka.Broker.Meltdown', { httpStatus: 503 });
    expect(explanation).toMatchObject({ known: false, category: 'service', retryable: true });
    expect(explanation.httpStatus).toEqual([503]);
    expect(isRetryableCode('Kafka.Broker.Meltdown', 503)).toBe(true);
  });

  it('calls an unknown 4xx invalid input that no retry fixes', () => {
    const explanation = explain('Something.Odd', { httpStatus: 400 });
    expect(explanation)
      .toMatchObject({ known: false, category: 'invalid-input', retryable: false });
    expect(isRetryableCode('Something.Odd', 400)).toBe(false);
    expect(isRetryableCode('Something.Odd')).toBe(false);
  });

  it('calls an unknown 429 throttling', () => {
    expect(explain('TooMany', { httpStatus: 429 })).toMatchObject({ category: 'throttled' });
    expect(isRetryableCode('TooMany', 429)).toBe(true);
  });

  it('says plainly the code is undocumented, quotes the service, asks for the request id', () => {
    const explanation = explain('Something.Odd', {
      httpStatus: 400,
      serviceMessage: 'The moon is in the wrong phase.',
    });
    expect(explanation.summary).toBe('Something.Odd is not documented for UpdateConsumerOffset.');
    expect(explanation.guidance).toContain('not documented for UpdateConsumerOffset');
    expect(explanation.guidance).toContain('"The moon is in the wrong phase."');
    expect(explanation.guidance).toContain('request id');
    expect(explanation.serviceMessages).toEqual(['The moon is in the wrong phase.']);
  });

  it('lets a known code decide the retry whatever the status', () => {
    expect(isRetryableCode('Group.Active', 500)).toBe(false);
    expect(isRetryableCode('Throttling', 400)).toBe(true);
  });

  it('never throws, whatever the code, message and status', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.option(fc.string({ maxLength: 2000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
        (code, serviceMessage, httpStatus) => {
          const explanation = explain(code, { serviceMessage, httpStatus });
          expect(CATEGORIES).toContain(explanation.category);
          expect(explanation.guidance.length).toBeGreaterThan(0);
          expect(explanation.summary).not.toMatch(/\n/);
        },
      ),
    );
  });
});
