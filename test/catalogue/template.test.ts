/** `%s` in the service's messages and codes: matching and reading back what was filled in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain, fillTemplate, lookup } from '../../src/catalogue/index.js';

const GENERIC = '%s. Please check and try again later.';

describe('fillTemplate', () => {
  it('reads the reason the service put into the generic template', () => {
    const message = 'The consumer group kafka-active has online clients. Please check and try ' +
      'again later.';
    expect(fillTemplate(GENERIC, message))
      .toEqual(['The consumer group kafka-active has online clients']);
  });

  it('reads every placeholder of a template, in order', () => {
    const message = 'Parameter Time is incorrect because it lies in the future.';
    expect(fillTemplate('Parameter %s is incorrect because %s.', message))
      .toEqual(['Time', 'it lies in the future']);
  });

  it('tolerates a missing final full stop and other letter case', () => {
    expect(fillTemplate('The %s parameter is invalid.', 'the Offsets parameter is invalid'))
      .toEqual(['Offsets']);
  });

  it('returns undefined for a message of another shape, or a template without %s', () => {
    expect(fillTemplate('The %s parameter is invalid.', 'Group is active.')).toBeUndefined();
    expect(fillTemplate('No permissions.', 'No permissions.')).toBeUndefined();
    expect(fillTemplate('Invalid.%s', 'Invalid.')).toBeUndefined();
  });

  it('takes the template\'s punctuation literally', () => {
    expect(fillTemplate('a (%s) b.c', 'a (x) b.c')).toEqual(['x']);
    expect(fillTemplate('a (%s) b.c', 'a (x) bXc')).toBeUndefined();
    expect(fillTemplate('Invalid.%s', 'InvalidXOffset')).toBeUndefined();
  });

  it('gives back any value put into a one-placeholder template', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_ ,:-]{0,40}[A-Za-z0-9_]$/);
    fc.assert(
      fc.property(
        value,
        fc.constantFrom(GENERIC, 'Invalid.%s', 'No topic found for the %s parameter.'),
        (filled, template) => {
          expect(fillTemplate(template, template.replace('%s', filled))).toEqual([filled]);
        },
      ),
    );
  });
});

describe('families of codes', () => {
  it('matches Invalid.Offset to the Invalid.%s entry and fills in the placeholder', () => {
    expect(lookup('Invalid.Offset')?.code).toBe('Invalid.%s');
    const explanation = explain('Invalid.Offset');
    expect(explanation.known).toBe(true);
    expect(explanation.code).toBe('Invalid.Offset');
    expect(explanation.detail).toBe('Offset');
    expect(explanation.guidance).toContain('The service names "Offset"');
    expect(explanation.guidance).toContain('--to-offset');
  });

  it('prefers the most specific family: Invalid.Partition.7 is a partition', () => {
    expect(lookup('Invalid.Partition.7')?.code).toBe('Invalid.Partition.%s');
    const explanation = explain('Invalid.Partition.7', { topic: 'orders' });
    expect(explanation.detail).toBe('7');
    expect(explanation.guidance).toContain('The partition refused is 7 of topic orders.');
  });

  it('does not repeat a detail found both in the code and in the message', () => {
    expect(explain('Invalid.Time', { serviceMessage: 'Invalid.Time' }).detail).toBe('Time');
  });

  it('fills the detail from the actual message of a generic-template code', () => {
    const explanation = explain('BIZ_CONSUMER_GROUP_ACTIVE_ERROR', {
      serviceMessage: 'Consumers of kafka-active are online. Please check and try again later.',
      group: 'kafka-active',
    });
    expect(explanation.detail).toBe('Consumers of kafka-active are online');
    expect(explanation.guidance).toContain('"Consumers of kafka-active are online"');
    expect(explanation.guidance).toContain('describe --region <region> --instance <instance> ' +
      '--group kafka-active');
  });

  it('puts the caller\'s own describe command in place of the generic one', () => {
    const explanation = explain('Group.Active', {
      group: 'kafka-active',
      describeCommand: 'alikafka-offsets describe --sandbox --group kafka-active',
    });
    expect(explanation.guidance).toContain('`alikafka-offsets describe --sandbox --group ' +
      'kafka-active`');
    expect(explanation.guidance).not.toContain('--region <region>');
  });

  it('names the action that failed for a code it does not know', () => {
    expect(explain('NoSuchCode.Anywhere', { action: 'GetConsumerProgress', httpStatus: 503 })
      .summary).toBe('NoSuchCode.Anywhere is not documented for GetConsumerProgress.');
  });

  it('maps a parameter named by the service to the option that sets it', () => {
    const explanation = explain('InvalidParameter', {
      serviceMessage: 'The Time parameter is invalid.',
    });
    expect(explanation.detail).toBe('Time');
    expect(explanation.guidance).toContain('This tool sets Time from --to-timestamp');
  });

  it('leaves the detail out when the message does not fit the template', () => {
    const explanation = explain('InvalidParameter', { serviceMessage: 'something else' });
    expect(explanation.detail).toBeUndefined();
    expect(explanation.guidance).toBe(lookup('InvalidParameter')?.guidance
      .replace(/\{(region|instance|group)\}/g, '<$1>'));
  });

  it('matches a gateway throttling variant to the throttling family', () => {
    const explanation = explain('Throttling.Api');
    expect(explanation.category).toBe('throttled');
    expect(explanation.retryable).toBe(true);
    expect(explanation.detail).toBe('Api');
  });
});
