import { describe, expect, it } from 'vitest';
import { canonicalRequest, sha256Hex, signRequest } from './sigv4.js';

describe('AWS Signature Version 4', () => {
  it('signs the get-vanilla request of the AWS SigV4 test suite to its published signature', () => {
    const headers = signRequest(
      { method: 'GET', path: '/', query: [], headers: { host: 'example.amazonaws.com' }, payloadHash: sha256Hex('') },
      { credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }, region: 'us-east-1', service: 'service', now: new Date('2015-08-30T12:36:00Z') },
    );
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
    expect(headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, '
      + 'SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('signs the S3 GET Object example of the S3 API reference (a ranged read) to its published signature', () => {
    const empty = sha256Hex('');
    const headers = signRequest(
      { method: 'GET', path: '/test.txt', query: [], headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9', 'x-amz-content-sha256': empty }, payloadHash: empty },
      { credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, region: 'us-east-1', service: 's3', now: new Date('2013-05-24T00:00:00Z') },
    );
    expect(headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, '
      + 'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('sorts and encodes the query (a valueless sub-resource signs as `uploads=`), and folds header whitespace', () => {
    const { text } = canonicalRequest({
      method: 'POST', path: '/b/k', query: [['uploads', ''], ['prefix', 'a b/c*'], ['max-keys', '1']],
      headers: { Host: 'h', 'X-Amz-Meta-Note': '  two   words ' }, payloadHash: 'UNSIGNED-PAYLOAD',
    });
    expect(text).toBe('POST\n/b/k\nmax-keys=1&prefix=a%20b%2Fc%2A&uploads=\nhost:h\nx-amz-meta-note:two words\n\nhost;x-amz-meta-note\nUNSIGNED-PAYLOAD');
  });
});
