/**
 * Turns everything that can go wrong below the resolvers into a GraphQL error with a
 * stable `extensions.code` (the public contract in the README's error table) and, when
 * AWS responded, `extensions.aws`.
 *
 * This module never throws: `toGraphQLError` returns an error for any input.
 */
import { GraphQLError } from 'graphql';
import { QuotaWaitExceededError } from '../ds-data/call-scheduler.js';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  DIRECTORY_UNAVAILABLE: 'DIRECTORY_UNAVAILABLE',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Details of a failed AWS call, as clients see them in `extensions.aws`. */
export interface AwsErrorDetails {
  readonly exception: string;
  readonly reason: string | null;
  readonly requestId: string | null;
  readonly httpStatus: number | null;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | null;
}

const CODE_BY_EXCEPTION: Readonly<Record<string, ErrorCode>> = {
  ValidationException: ErrorCode.BAD_USER_INPUT,
  AccessDeniedException: ErrorCode.FORBIDDEN,
  ResourceNotFoundException: ErrorCode.NOT_FOUND,
  ConflictException: ErrorCode.CONFLICT,
  ThrottlingException: ErrorCode.RATE_LIMITED,
  DirectoryUnavailableException: ErrorCode.DIRECTORY_UNAVAILABLE,
  InternalServerException: ErrorCode.UPSTREAM_ERROR,
};

/** Node and Smithy error codes of a connection that failed or timed out. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]);
const TIMEOUT_ERROR_NAMES = new Set(['TimeoutError', 'AbortError', 'RequestTimeout']);

/** Creates the error for a client input problem found before any AWS call. */
export function badUserInput(message: string, field: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field, ...extra } });
}

/** True for errors that already carry one of our codes. */
function isCodedGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && typeof error.extensions?.code === 'string';
}

interface AwsLikeError {
  name: string;
  message?: string;
  Message?: string;
  Reason?: string;
  RetryAfterSeconds?: number;
  $retryable?: unknown;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

function isAwsError(error: unknown): error is AwsLikeError {
  return typeof error === 'object' && error !== null && '$metadata' in error && typeof (error as { name?: unknown }).name === 'string';
}

function awsDetails(error: AwsLikeError): AwsErrorDetails {
  return {
    exception: error.name,
    reason: error.Reason ?? null,
    requestId: error.$metadata?.requestId ?? null,
    httpStatus: error.$metadata?.httpStatusCode ?? null,
    retryable: Boolean(error.$retryable),
    retryAfterSeconds: error.RetryAfterSeconds ?? null,
  };
}

/**
 * Returns the message AWS sent with a modeled client error, which is safe and useful to
 * show, without a final full stop so that a sentence of ours can follow it.
 */
function awsMessage(error: AwsLikeError): string {
  const message = (error.Message ?? error.message ?? '').trim().replace(/\.+$/, '');
  return message.length > 0 && message !== 'UnknownError' ? message : 'no message';
}

/**
 * AWS errors that reject the caller's credentials or signature. Retrying cannot help: an
 * operator must fix the gateway's credentials or its clock.
 */
const CREDENTIAL_ERROR_NAMES = new Set([
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
]);

function messageFor(code: ErrorCode, error: AwsLikeError): string {
  const aws = awsMessage(error);
  switch (code) {
    case ErrorCode.BAD_USER_INPUT:
      return `AWS rejected the request as invalid${error.Reason ? ` (${error.Reason})` : ''}: ${aws}.`;
    case ErrorCode.FORBIDDEN:
      if (error.Reason === 'DATA_DISABLED' || /DS Data feature is not enabled/i.test(aws)) {
        return (
          'Data access is not enabled for this directory. An operator must enable it with ' +
          '`aws ds enable-directory-data-access --directory-id <id>` (or in the AWS Directory Service console), ' +
          'then retry.'
        );
      }
      return (
        `AWS denied access${error.Reason ? ` (${error.Reason})` : ''}: ${aws}. Check that the directory id is ` +
        "right, that the gateway's IAM role allows ds-data and ds:AccessDSData on it, and that the object is in a " +
        'writable organizational unit.'
      );
    case ErrorCode.NOT_FOUND:
      return `Not found: ${aws}.`;
    case ErrorCode.CONFLICT:
      return (
        `Conflict: ${aws}. The object or membership may already exist, or the clientToken was used within the ` +
        'last 8 hours for a request with other parameters.'
      );
    case ErrorCode.RATE_LIMITED:
      return (
        'AWS throttled the request: the directory allows only a few requests per second.' +
        (error.RetryAfterSeconds !== undefined ? ` Retry after ${error.RetryAfterSeconds} s.` : ' Retry later.')
      );
    case ErrorCode.DIRECTORY_UNAVAILABLE:
      return `The directory is unavailable${error.Reason ? ` (${error.Reason})` : ''}. Retry later; if it persists, check the directory's status in AWS Directory Service.`;
    default:
      if (CREDENTIAL_ERROR_NAMES.has(error.name)) {
        return (
          `AWS rejected the gateway's credentials (${error.name}). Retrying will not help: an operator must check ` +
          "the gateway's AWS credentials, their expiry and the machine's clock."
        );
      }
      return `AWS Directory Service Data failed to process the request (${error.name}). Retry later.`;
  }
}

/** Maps an AWS service exception to a GraphQL error; unknown names and 5xx become UPSTREAM_ERROR. */
function fromAwsError(error: AwsLikeError): GraphQLError {
  const code = CODE_BY_EXCEPTION[error.name] ?? ErrorCode.UPSTREAM_ERROR;
  return new GraphQLError(messageFor(code, error), {
    originalError: error as unknown as Error,
    extensions: { code, aws: awsDetails(error) },
  });
}

function isNetworkOrTimeout(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return TIMEOUT_ERROR_NAMES.has(error.name) || (typeof code === 'string' && NETWORK_ERROR_CODES.has(code));
}

/**
 * Maps any error thrown below the resolvers to a coded GraphQL error. Errors of our own
 * that already carry a code pass through unchanged.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (isCodedGraphQLError(error)) {
    return error;
  }

  if (error instanceof QuotaWaitExceededError) {
    return new GraphQLError(
      `The directory's request quota cannot serve this call before the request deadline (it would wait ` +
        `${error.requiredWaitMs} ms). Retry later or ask for fewer objects.`,
      {
        originalError: error,
        extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: Math.ceil(error.requiredWaitMs / 1000) },
      },
    );
  }

  if (isAwsError(error) && error.$metadata?.httpStatusCode !== undefined) {
    return fromAwsError(error);
  }

  if (error instanceof Error && isNetworkOrTimeout(error)) {
    return new GraphQLError(
      'AWS Directory Service Data did not answer in time or the connection failed. The call may or may not ' +
        'have been applied: retry a mutation with the same clientToken.',
      {
        originalError: error,
        extensions: { code: ErrorCode.UPSTREAM_TIMEOUT, cause: (error as { code?: string }).code ?? error.name },
      },
    );
  }

  if (isAwsError(error)) {
    // A service exception without an HTTP status: the response could not be read.
    return new GraphQLError('AWS Directory Service Data sent a response the gateway could not read. Retry later.', {
      originalError: error as unknown as Error,
      extensions: { code: ErrorCode.UPSTREAM_ERROR, aws: awsDetails(error) },
    });
  }

  return new GraphQLError('Unexpected error in the gateway.', {
    originalError: error instanceof Error ? error : new Error(String(error)),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}
