import { describe, expect, it } from 'vitest';

import { searchOf } from '../../src/http/graphql-route.js';

/** Request URLs as Node.js hands them over: the request target, a path with a query string or an absolute URL. */
const REQUEST_URLS = [
  '/graphql',
  '/graphql?',
  '/graphql?query=%7B%20__typename%20%7D',
  '/graphql?query={__typename}&variables={"a":1}',
  '/graphql?query=%7Buser(samAccountName:%22jdoe%22)%7BgivenName%7D%7D&operationName=',
  '/graphql?a=1&a=2&b=+plus+&c=%2B',
  '/graphql?name=caf\u00e9&quote=\'x\'&lt=<&gt=>&hash=%23',
  '/graphql?query=x#fragment',
  '/graphql?query=%E4%B8%AD%E6%96%87',
  'http://gateway.example/graphql?query=%7B__typename%7D',
];

describe('searchOf', () => {
  it('gives Apollo the parameters that URL.search gives', () => {
    for (const url of REQUEST_URLS) {
      const expected = [...new URLSearchParams(new URL(url, 'http://127.0.0.1/').search)];
      expect([...new URLSearchParams(searchOf(url))], url).toEqual(expected);
    }
  });

  it('matches URL.search without a query string', () => {
    expect(searchOf('/graphql')).toBe('');
    expect(searchOf('/graphql?')).toBe('');
    expect(searchOf('/graphql?#top')).toBe('');
  });

  it('keeps the question mark and drops a fragment', () => {
    expect(searchOf('/graphql?query=%7B__typename%7D')).toBe('?query=%7B__typename%7D');
    expect(searchOf('/graphql?query=x#fragment')).toBe('?query=x');
  });
});
