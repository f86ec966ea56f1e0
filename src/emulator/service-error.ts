/**
 * Errors that the emulator sends back as AWS error responses.
 *
 * A `ServiceError` carries a modeled error name, whose HTTP status comes from the shared
 * error table, or one of the protocol errors that the AWS front end returns before an
 * operation runs (unknown operation, bad signature, unreadable body).
 */
import { ERROR_SHAPES, type ErrorName } from '../ds-data/error-names.js';
import type {
  AccessDeniedReason,
  DirectoryUnavailableReason,
  ValidationExceptionReason,
} from '../ds-data/types.js';

/** Errors of the AWS request front end: not in the DS Data model, but sent by real AWS endpoints. */
export const PROTOCOL_ERRORS = {
  IncompleteSignatureException: 403,
  InvalidSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  UnrecognizedClientException: 403,
  SerializationException: 400,
  UnknownOperationException: 404,
} as const;

export type ProtocolErrorName = keyof typeof PROTOCOL_ERRORS;

export type ErrorReason = AccessDeniedReason | DirectoryUnavailableReason | ValidationExceptionReason;

export class ServiceError extends Error {
  readonly status: number;

  constructor(
    readonly errorName: ErrorName | ProtocolErrorName,
    message: string,
    readonly reason?: ErrorReason,
    /** Seconds the caller should wait, sent as `Retry-After` (throttling only). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ServiceError';
    this.status = errorName in ERROR_SHAPES
      ? ERROR_SHAPES[errorName as ErrorName].status
      : PROTOCOL_ERRORS[errorName as ProtocolErrorName];
  }

  /** Builds the JSON body of the error response: `Message`, and `Reason` when set. */
  toBody(): Record<string, string> {
    return this.reason ? { Message: this.message, Reason: this.reason } : { Message: this.message };
  }
}

export function validationError(message: string, reason?: ValidationExceptionReason): ServiceError {
  return new ServiceError('ValidationException', message, reason);
}

export function notFound(message: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', message);
}

export function conflict(message: string): ServiceError {
  return new ServiceError('ConflictException', message);
}

export function accessDenied(message: string, reason?: AccessDeniedReason): ServiceError {
  return new ServiceError('AccessDeniedException', message, reason);
}
