/**
 * Endpoint resolution for AWS Directory Service Data, following the service's endpoint rule
 * set (version 1.0): an explicit endpoint wins and rules out FIPS and dual-stack, otherwise
 * the host is `ds-data[-fips].{Region}.{DNS suffix}`, where the partition of the region
 * (aws, aws-cn, aws-us-gov, the ISO partitions, ...) supplies the DNS suffix and states
 * whether FIPS and dual-stack endpoints exist. Error messages are the rule set's own text.
 */
import { partition } from '@aws-sdk/core/client';

import { SERVICE } from './operations.js';

/** Parameters of the endpoint rule set, named as the rule set names them. */
export interface EndpointParameters {
  Region?: string | undefined;
  UseFIPS?: boolean | undefined;
  UseDualStack?: boolean | undefined;
  Endpoint?: string | undefined;
}

export interface ResolvedEndpoint {
  url: URL;
}

/** Raised when the endpoint parameters do not lead to an endpoint. */
export class EndpointError extends Error {
  override readonly name = 'EndpointError';
}

/** A region must be one DNS label so that it cannot move the request to another host. */
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * Resolves the endpoint URL for the given parameters, or throws `EndpointError` with the
 * rule set's message when the combination has no endpoint.
 */
export function resolveEndpoint(parameters: EndpointParameters): ResolvedEndpoint {
  const useFips = parameters.UseFIPS ?? false;
  const useDualStack = parameters.UseDualStack ?? false;

  if (parameters.Endpoint !== undefined) {
    if (useFips) {
      throw new EndpointError('Invalid Configuration: FIPS and custom endpoint are not supported');
    }
    if (useDualStack) {
      throw new EndpointError('Invalid Configuration: Dualstack and custom endpoint are not supported');
    }
    return { url: parseEndpointUrl(parameters.Endpoint) };
  }

  const region = parameters.Region;
  if (region === undefined) {
    throw new EndpointError('Invalid Configuration: Missing Region');
  }
  // NOTE: the service's rule set has no such check. It is added so that a region read from
  // the environment cannot turn into another host name, such as "us-east-1.example.com/x".
  if (!HOST_LABEL.test(region)) {
    throw new EndpointError(
      `Invalid Configuration: Region "${region}" is not a valid DNS label; use a region name such as us-east-1.`,
    );
  }

  const info = partition(region);
  const prefix = SERVICE.endpointPrefix;

  if (useFips && useDualStack) {
    if (!info.supportsFIPS || !info.supportsDualStack) {
      throw new EndpointError('FIPS and DualStack are enabled, but this partition does not support one or both');
    }
    return { url: new URL(`https://${prefix}-fips.${region}.${info.dualStackDnsSuffix}`) };
  }
  if (useFips) {
    if (!info.supportsFIPS) {
      throw new EndpointError('FIPS is enabled but this partition does not support FIPS');
    }
    return { url: new URL(`https://${prefix}-fips.${region}.${info.dnsSuffix}`) };
  }
  if (useDualStack) {
    if (!info.supportsDualStack) {
      throw new EndpointError('DualStack is enabled but this partition does not support DualStack');
    }
    return { url: new URL(`https://${prefix}.${region}.${info.dualStackDnsSuffix}`) };
  }
  return { url: new URL(`https://${prefix}.${region}.${info.dnsSuffix}`) };
}

/** Parses an explicit endpoint, which must be an absolute http or https URL. */
export function parseEndpointUrl(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointError(
      `Invalid Configuration: endpoint "${endpoint}" is not a URL; use an absolute URL such as http://127.0.0.1:4010.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EndpointError(
      `Invalid Configuration: endpoint "${endpoint}" uses ${url.protocol.slice(0, -1)}; use an http or https URL.`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new EndpointError(
      `Invalid Configuration: endpoint "${endpoint}" has a query string or fragment; remove it.`,
    );
  }
  return url;
}
