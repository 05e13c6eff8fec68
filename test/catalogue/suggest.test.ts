/** The closest known codes, offered when `explain` is given one it does not know. */
import { describe, expect, it } from 'vitest';
import { suggestCodes } from '../../src/catalogue/index.js';

describe('suggestCodes', () => {
  it('offers Group.Active for Group.Activ', () => {
    expect(suggestCodes('Group.Activ')[0]).toBe('Group.Active');
  });

  it('offers Group.NotFound for group.notfound', () => {
    expect(suggestCodes('group.notfound')[0]).toBe('Group.NotFound');
  });

  it('offers the throttling codes for Throttle', () => {
    const near = suggestCodes('Throttle');
    expect(near[0]).toBe('Throttling');
    expect(near).toContain('Throttling.User');
  });

  it('sees . and _ as the same when ranking', () => {
    expect(suggestCodes('BIZ.CONSUMER.GROUP.ACTIV.ERROR')[0])
      .toBe('BIZ_CONSUMER_GROUP_ACTIVE_ERROR');
  });

  it('finds a code that contains what was typed', () => {
    expect(suggestCodes('NonceUsed')).toContain('SignatureNonceUsed');
    expect(suggestCodes('SignatureDoesntMatch')[0]).toBe('SignatureDoesNotMatch');
  });

  it('offers nothing for text unlike any code', () => {
    expect(suggestCodes('xyzzy plugh')).toEqual([]);
    expect(suggestCodes('')).toEqual([]);
  });

  it('offers at most the number asked for', () => {
    expect(suggestCodes('BIZ_TOPIC', 3)).toHaveLength(3);
    expect(suggestCodes('Throttle', 0)).toEqual([]);
  });
});
