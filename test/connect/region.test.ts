import { describe, expect, it } from 'vitest';
import {
  defaultEndpoint,
  knownRegionEndpoints,
  knownRegions,
  parseEndpoint,
  regionOfHost,
  resolveRegion,
} from '../../src/connect/index.js';
import { UsageError } from '../../src/errors.js';

const KNOWN = ['cn-beijing', 'cn-hangzhou', 'cn-hangzhou-finance', 'cn-shanghai', 'us-east-1'];

function usage(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitStatus).toBe(2);
    return err as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('knownRegions', () => {
  it("lists the SDK client's endpoint map, sorted", async () => {
    const regions = await knownRegions();

    expect(regions).toContain('cn-hangzhou');
    expect(regions).toContain('ap-southeast-1');
    expect(regions).toEqual([...regions].sort());
    expect((await knownRegionEndpoints())['cn-beijing']).toBe('alikafka.cn-beijing.aliyuncs.com');
  });
});

describe('resolveRegion', () => {
  const env = { ALIBABA_CLOUD_REGION_ID: 'us-east-1' };

  it('prefers --region, then the profile, then ALIBABA_CLOUD_REGION_ID', () => {
    const known = KNOWN;
    expect(resolveRegion({ region: 'cn-beijing', profileRegion: 'cn-shanghai', env, known }))
      .toBe('cn-beijing');
    expect(resolveRegion({ profileRegion: 'cn-shanghai', env, known })).toBe('cn-shanghai');
    expect(resolveRegion({ env, known })).toBe('us-east-1');
  });

  it('takes the region of a regional --endpoint when nothing else names one', () => {
    const endpoint = parseEndpoint('alikafka-vpc.cn-beijing.aliyuncs.com');
    expect(resolveRegion({ endpoint, env: {}, known: KNOWN })).toBe('cn-beijing');
  });

  it('refuses to go on without a region, saying how to give one', () => {
    const e = usage(() => resolveRegion({ env: { ALIBABA_CLOUD_REGION_ID: '' }, known: KNOWN }));

    expect(e.code).toBe('REGION_MISSING');
    expect(e.hint).toContain('--region');
    expect(e.hint).toContain('ALIBABA_CLOUD_REGION_ID');
  });

  it.each([
    ['CN-HANGZHOU', 'did you mean "cn-hangzhou"?'],
    ['cn_hangzhou', 'expected lowercase letters, digits and hyphens'],
    ['', 'expected lowercase letters'],
    ['cn-hangzhou-', 'expected lowercase letters'],
  ])('refuses the malformed region %j', (region, text) => {
    const e = usage(() => resolveRegion({ region, env: {}, known: KNOWN }));

    expect(e.code).toBe('INVALID_REGION');
    expect(e.message).toContain(text);
  });

  it('refuses a region the SDK has no endpoint for, suggesting the closest', () => {
    const e = usage(() => resolveRegion({ region: 'cn-hangzou', env: {}, known: KNOWN }));

    expect(e.code).toBe('UNKNOWN_REGION');
    expect(e.message).toContain('region "cn-hangzou" from --region');
    expect(e.message).toContain('closest known: cn-hangzhou, ');
  });

  it('names the profile as the origin of a bad profile region', () => {
    const e = usage(() => resolveRegion({ profileRegion: 'mars-1', env: {}, known: KNOWN }));
    expect(e.message).toContain("from the profile's region_id");
  });

  it('accepts an unlisted region when an endpoint is given', () => {
    const endpoint = parseEndpoint('http://127.0.0.1:8089');
    expect(resolveRegion({ region: 'cn-newregion-1', endpoint, env: {}, known: KNOWN }))
      .toBe('cn-newregion-1');
  });

  it.each([
    'alikafka.cn-beijing.aliyuncs.com',
    'https://alikafka-vpc.cn-beijing.aliyuncs.com',
  ])('refuses a region that disagrees with the regional host %s', (value) => {
    const endpoint = parseEndpoint(value);
    const opts = { region: 'cn-hangzhou', endpoint, env: {}, known: KNOWN };
    const e = usage(() => resolveRegion(opts));

    expect(e.code).toBe('REGION_ENDPOINT_MISMATCH');
    expect(e.message).toContain('RegionId and host must agree');
    expect(e.hint).toContain('--region cn-beijing');
  });
});

describe('parseEndpoint', () => {
  it.each([
    ['alikafka.cn-hangzhou.aliyuncs.com', 'alikafka.cn-hangzhou.aliyuncs.com', 'HTTPS',
      'https://alikafka.cn-hangzhou.aliyuncs.com'],
    ['127.0.0.1:8089', '127.0.0.1:8089', 'HTTPS', 'https://127.0.0.1:8089'],
    ['http://127.0.0.1:8089', '127.0.0.1:8089', 'HTTP', 'http://127.0.0.1:8089'],
    ['HTTP://LocalHost:8089/', 'localhost:8089', 'HTTP', 'http://localhost:8089'],
    ['https://kafka.example.test:8443', 'kafka.example.test:8443', 'HTTPS',
      'https://kafka.example.test:8443'],
    ['  http://[::1]:8089 ', '[::1]:8089', 'HTTP', 'http://[::1]:8089'],
  ])('reads %j', (value, host, protocol, url) => {
    expect(parseEndpoint(value)).toEqual({ host, protocol, url });
  });

  it.each([
    ['', 'is empty'],
    ['ftp://127.0.0.1', 'uses the scheme "ftp"'],
    ['http://127.0.0.1:8089/api', 'has a path, query or fragment'],
    ['127.0.0.1:8089/api', 'has a path, query or fragment'],
    ['http://127.0.0.1:8089?x=1', 'has a path, query or fragment'],
    ['http://', 'is not a host name'],
    ['127.0.0.1:0', 'outside 1-65535'],
    ['127.0.0.1:70000', 'outside 1-65535'],
    ['two words', 'has a path, query or fragment'],
  ])('refuses %j', (value, why) => {
    const e = usage(() => parseEndpoint(value));

    expect(e.code).toBe('INVALID_ENDPOINT');
    expect(e.message).toContain(why);
    expect(e.message).toContain('expected a host');
  });

  it('refuses a user name and password without echoing them', () => {
    const e = usage(() => parseEndpoint('https://ops:hunter2secret@127.0.0.1'));

    expect(e.message).toContain('user name or password');
    expect(e.message).not.toContain('hunter2secret');
  });

  it('does not echo a query string, where a token would sit', () => {
    const e = usage(() => parseEndpoint('http://127.0.0.1/?token=abcdef123456'));
    expect(e.message).not.toContain('abcdef123456');
  });
});

describe('defaultEndpoint and regionOfHost', () => {
  it("uses the SDK's host for a known region and the regional form otherwise", () => {
    const known = { 'cn-hangzhou': 'alikafka.cn-hangzhou.aliyuncs.com' };

    expect(defaultEndpoint('cn-hangzhou', known)).toEqual({
      host: 'alikafka.cn-hangzhou.aliyuncs.com',
      protocol: 'HTTPS',
      url: 'https://alikafka.cn-hangzhou.aliyuncs.com',
    });
    expect(defaultEndpoint('xx-new-1', known).host).toBe('alikafka.xx-new-1.aliyuncs.com');
  });

  it('reads the region from public and VPC hosts only', () => {
    expect(regionOfHost('alikafka.cn-beijing.aliyuncs.com')).toBe('cn-beijing');
    expect(regionOfHost('alikafka-vpc.cn-beijing.aliyuncs.com:443')).toBe('cn-beijing');
    expect(regionOfHost('127.0.0.1:8089')).toBeUndefined();
    expect(regionOfHost('ecs.cn-beijing.aliyuncs.com')).toBeUndefined();
  });
});
