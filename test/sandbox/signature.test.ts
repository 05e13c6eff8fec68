import { describe, expect, it } from 'vitest';
import {
  acs3Authorization,
  acs3CanonicalRequest,
  acs3Signature,
  acs3StringToSign,
  canonicalHeaders,
  canonicalQuery,
  parseAcs3Authorization,
  percentEncode,
  safeEqual,
  sha256Hex,
  signableHeaderNames,
  v1Signature,
  v1StringToSign,
  type Acs3Request,
  type Param,
} from '../../src/sandbox/signature.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const v3Vector: Acs3Request = {
  method: 'POST',
  path: '/',
  query: [
    ['RegionId', 'cn-shanghai'],
    ['ImageId', 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd'],
  ],
  headers: {
    host: 'ecs.cn-shanghai.aliyuncs.com',
    'x-acs-action': 'RunInstances',
    'x-acs-version': '2014-05-26',
    'x-acs-date': '2023-10-26T10:22:32Z',
    'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    'x-acs-content-sha256': EMPTY_SHA256,
  },
  signedHeaders: [
    'host',
    'x-acs-action',
    'x-acs-content-sha256',
    'x-acs-date',
    'x-acs-signature-nonce',
    'x-acs-version',
  ],
  payloadHash: EMPTY_SHA256,
};

const v1Vector: Param[] = [
  ['AccessKeyId', 'testid'],
  ['Action', 'DescribeRegions'],
  ['Format', 'XML'],
  ['SignatureMethod', 'HMAC-SHA1'],
  ['SignatureNonce', '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'],
  ['SignatureVersion', '1.0'],
  ['Timestamp', '2016-02-23T12:46:24Z'],
  ['Version', '2014-05-26'],
];

describe('ACS3-HMAC-SHA256, the published vector', () => {
  it('hashes the empty body to the published value', () => {
    expect(sha256Hex('')).toBe(EMPTY_SHA256);
  });

  it('builds the published canonical request', () => {
    expect(acs3CanonicalRequest(v3Vector)).toBe(
      [
        'POST',
        '/',
        'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        'host:ecs.cn-shanghai.aliyuncs.com',
        'x-acs-action:RunInstances',
        `x-acs-content-sha256:${EMPTY_SHA256}`,
        'x-acs-date:2023-10-26T10:22:32Z',
        'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
        'x-acs-version:2014-05-26',
        '',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
        EMPTY_SHA256,
      ].join('\n'),
    );
  });

  it('reproduces the published string to sign and signature', () => {
    expect(acs3StringToSign(acs3CanonicalRequest(v3Vector))).toBe(
      'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259',
    );
    expect(acs3Signature('YourAccessKeySecret', v3Vector)).toBe(
      '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
  });

  it('writes an authorization header that parses back to its parts', () => {
    const header = acs3Authorization('YourAccessKeyId', 'YourAccessKeySecret', v3Vector);
    expect(header).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;' +
        'x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,' +
        'Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
    expect(parseAcs3Authorization(header)).toEqual({
      accessKeyId: 'YourAccessKeyId',
      signedHeaders: v3Vector.signedHeaders,
      signature: '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    });
  });

  it('gives another signature for another secret', () => {
    expect(acs3Signature('YourAccessKeySecreT', v3Vector)).not.toBe(
      '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
  });
});

describe('HMAC-SHA1 (V1), the published vector', () => {
  it('reproduces the published string to sign', () => {
    expect(v1StringToSign('GET', v1Vector)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26' +
        'SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26' +
        'SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26' +
        'Version%3D2014-05-26',
    );
  });

  it('reproduces the published signature, whatever the parameter order', () => {
    expect(v1Signature('testsecret', 'GET', v1Vector)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    expect(v1Signature('testsecret', 'GET', [...v1Vector].reverse())).toBe(
      'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
    );
  });

  it('leaves the Signature parameter itself out of what is signed', () => {
    const withSignature: Param[] = [...v1Vector, ['Signature', 'anything']];
    expect(v1Signature('testsecret', 'GET', withSignature)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('signs the method: POST differs from GET', () => {
    expect(v1Signature('testsecret', 'POST', v1Vector)).not.toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });
});

describe('canonical form rules', () => {
  it('encodes space as %20, * as %2A and keeps ~ and the other unreserved characters', () => {
    expect(percentEncode('a b')).toBe('a%20b');
    expect(percentEncode('a*b')).toBe('a%2Ab');
    expect(percentEncode('a~b-c_d.e')).toBe('a~b-c_d.e');
    expect(percentEncode("!'()")).toBe('%21%27%28%29');
    expect(percentEncode('a+b/c=d&e')).toBe('a%2Bb%2Fc%3Dd%26e');
    expect(percentEncode('é')).toBe('%C3%A9');
  });

  it('writes an empty value as "name=" and sorts pairs by name', () => {
    expect(canonicalQuery([['Topic', ''], ['ConsumerId', 'kafka-test'], ['A b', '*']])).toBe(
      'A%20b=%2A&ConsumerId=kafka-test&Topic=',
    );
  });

  it('encodes a JSON parameter the way the SDK sends Offsets', () => {
    expect(canonicalQuery([['Offsets', '[{"Partition":0,"Offset":5}]']])).toBe(
      'Offsets=%5B%7B%22Partition%22%3A0%2C%22Offset%22%3A5%7D%5D',
    );
  });

  it('lower-cases, trims and sorts signed headers and joins repeated values', () => {
    const headers = { 'X-Acs-Date': '  2023-10-26T10:22:32Z ', Host: 'h', 'x-acs-b': ['2', '1'] };
    expect(canonicalHeaders(headers, ['x-acs-date', 'HOST', 'x-acs-b'])).toBe(
      'host:h\nx-acs-b:1,2\nx-acs-date:2023-10-26T10:22:32Z\n',
    );
  });

  it('signs host, content-type and x-acs-* headers only', () => {
    expect(
      signableHeaderNames({
        Host: 'h',
        'Content-Type': 'x',
        'X-Acs-Action': 'A',
        'user-agent': 'u',
        accept: 'application/json',
        authorization: 'x',
      }),
    ).toEqual(['content-type', 'host', 'x-acs-action']);
  });

  it('changes the signature when the body hash differs from the one signed', () => {
    const tampered = { ...v3Vector, payloadHash: sha256Hex('Topic=orders') };
    expect(acs3Signature('YourAccessKeySecret', tampered)).not.toBe(
      acs3Signature('YourAccessKeySecret', v3Vector),
    );
  });

  it('refuses garbled authorization headers', () => {
    expect(parseAcs3Authorization('')).toBeNull();
    expect(parseAcs3Authorization('ACS3-HMAC-SHA256')).toBeNull();
    expect(parseAcs3Authorization('ACS3-HMAC-SM3 Credential=a,SignedHeaders=host,Signature=' +
      'a'.repeat(64))).toBeNull();
    expect(parseAcs3Authorization('ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host')).toBeNull();
    expect(parseAcs3Authorization('ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,' +
      'Signature=xyz')).toBeNull();
  });

  it('compares signatures of equal and unequal lengths', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
