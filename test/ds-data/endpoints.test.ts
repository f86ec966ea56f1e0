import { describe, expect, it } from 'vitest';

import { EndpointError, resolveEndpoint, type EndpointParameters } from '../../src/ds-data/index.js';

type EndpointCase = [EndpointParameters, { url: string } | { error: string }];

/** The endpoint test cases of the service's endpoint rule set (API version 2023-05-31). */
const RULE_SET_CASES: EndpointCase[] = [
  [{ Region: 'us-east-1', UseFIPS: true, UseDualStack: true }, { url: 'https://ds-data-fips.us-east-1.api.aws' }],
  [{ Region: 'us-east-1', UseFIPS: true, UseDualStack: false }, { url: 'https://ds-data-fips.us-east-1.amazonaws.com' }],
  [{ Region: 'us-east-1', UseFIPS: false, UseDualStack: true }, { url: 'https://ds-data.us-east-1.api.aws' }],
  [{ Region: 'us-east-1', UseFIPS: false, UseDualStack: false }, { url: 'https://ds-data.us-east-1.amazonaws.com' }],
  [
    { Region: 'cn-north-1', UseFIPS: true, UseDualStack: true },
    { url: 'https://ds-data-fips.cn-north-1.api.amazonwebservices.com.cn' },
  ],
  [{ Region: 'cn-north-1', UseFIPS: true, UseDualStack: false }, { url: 'https://ds-data-fips.cn-north-1.amazonaws.com.cn' }],
  [
    { Region: 'cn-north-1', UseFIPS: false, UseDualStack: true },
    { url: 'https://ds-data.cn-north-1.api.amazonwebservices.com.cn' },
  ],
  [{ Region: 'cn-north-1', UseFIPS: false, UseDualStack: false }, { url: 'https://ds-data.cn-north-1.amazonaws.com.cn' }],
  [{ Region: 'us-gov-east-1', UseFIPS: true, UseDualStack: true }, { url: 'https://ds-data-fips.us-gov-east-1.api.aws' }],
  [
    { Region: 'us-gov-east-1', UseFIPS: true, UseDualStack: false },
    { url: 'https://ds-data-fips.us-gov-east-1.amazonaws.com' },
  ],
  [{ Region: 'us-gov-east-1', UseFIPS: false, UseDualStack: true }, { url: 'https://ds-data.us-gov-east-1.api.aws' }],
  [{ Region: 'us-gov-east-1', UseFIPS: false, UseDualStack: false }, { url: 'https://ds-data.us-gov-east-1.amazonaws.com' }],
  [{ Region: 'us-iso-east-1', UseFIPS: true, UseDualStack: false }, { url: 'https://ds-data-fips.us-iso-east-1.c2s.ic.gov' }],
  [{ Region: 'us-iso-east-1', UseFIPS: false, UseDualStack: false }, { url: 'https://ds-data.us-iso-east-1.c2s.ic.gov' }],
  [
    { Region: 'us-isob-east-1', UseFIPS: true, UseDualStack: false },
    { url: 'https://ds-data-fips.us-isob-east-1.sc2s.sgov.gov' },
  ],
  [{ Region: 'us-isob-east-1', UseFIPS: false, UseDualStack: false }, { url: 'https://ds-data.us-isob-east-1.sc2s.sgov.gov' }],
  [{ Region: 'us-east-1', UseFIPS: false, UseDualStack: false, Endpoint: 'https://example.com' }, { url: 'https://example.com' }],
  [{ UseFIPS: false, UseDualStack: false, Endpoint: 'https://example.com' }, { url: 'https://example.com' }],
  [
    { Region: 'us-east-1', UseFIPS: true, UseDualStack: false, Endpoint: 'https://example.com' },
    { error: 'Invalid Configuration: FIPS and custom endpoint are not supported' },
  ],
  [
    { Region: 'us-east-1', UseFIPS: false, UseDualStack: true, Endpoint: 'https://example.com' },
    { error: 'Invalid Configuration: Dualstack and custom endpoint are not supported' },
  ],
  [{}, { error: 'Invalid Configuration: Missing Region' }],
];

describe('resolveEndpoint', () => {
  it.each(RULE_SET_CASES)('resolves %j as the rule set expects', (parameters, expected) => {
    if ('url' in expected) {
      expect(resolveEndpoint(parameters).url.href).toBe(new URL(expected.url).href);
    } else {
      expect(() => resolveEndpoint(parameters)).toThrow(new EndpointError(expected.error));
    }
  });

  it('defaults FIPS and dual-stack to false', () => {
    expect(resolveEndpoint({ Region: 'eu-west-1' }).url.href).toBe('https://ds-data.eu-west-1.amazonaws.com/');
  });

  it('rejects a region that is not a DNS label', () => {
    expect(() => resolveEndpoint({ Region: 'us-east-1.example.com/x' })).toThrow(
      'Invalid Configuration: Region "us-east-1.example.com/x" is not a valid DNS label; use a region name such as us-east-1.',
    );
  });

  it('keeps the path of an explicit endpoint', () => {
    expect(resolveEndpoint({ Endpoint: 'http://127.0.0.1:4566/prefix' }).url.href).toBe('http://127.0.0.1:4566/prefix');
  });

  it('rejects an explicit endpoint that is not a URL', () => {
    expect(() => resolveEndpoint({ Endpoint: '127.0.0.1:4566' })).toThrow(EndpointError);
    expect(() => resolveEndpoint({ Endpoint: 'localhost' })).toThrow(
      'Invalid Configuration: endpoint "localhost" is not a URL; use an absolute URL such as http://127.0.0.1:4010.',
    );
  });
});
