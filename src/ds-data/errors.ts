/**
 * Exception classes of AWS Directory Service Data, one per modeled error, named and shaped
 * like the official `@aws-sdk/client-directory-service-data` package: `name`, `message`,
 * `$fault`, `$retryable`, `$metadata` and the error's own members (`Message`, `Reason`,
 * `RetryAfterSeconds`).
 */
import {
  ServiceException,
  type ExceptionOptionType,
  type ServiceExceptionOptions,
} from '@smithy/smithy-client';

import { ERROR_SHAPES, type ErrorName } from './error-names.js';
import type { AccessDeniedReason, DirectoryUnavailableReason, ValidationExceptionReason } from './types.js';

/**
 * Base class of every error the service returns. An error name that this client does not
 * model (a newer service error, or a proxy response without a name) is raised as this class
 * and keeps the name it arrived with.
 */
export class DirectoryServiceDataServiceException extends ServiceException {
  constructor(options: ServiceExceptionOptions) {
    super(options);
    Object.setPrototypeOf(this, DirectoryServiceDataServiceException.prototype);
  }
}

type ModeledOptions<T extends DirectoryServiceDataServiceException> = ExceptionOptionType<
  T,
  DirectoryServiceDataServiceException
>;

function baseOptions(name: ErrorName, options: ModeledOptions<DirectoryServiceDataServiceException>): ServiceExceptionOptions {
  const shape = ERROR_SHAPES[name];
  return { name, $fault: shape.fault, ...options };
}

function retryableTrait(name: ErrorName): { throttling?: boolean } | undefined {
  const shape = ERROR_SHAPES[name];
  if (!shape.retryable) {
    return undefined;
  }
  return shape.throttling ? { throttling: true } : {};
}

/** The caller lacks IAM or directory permission, the directory is unknown, or the object is outside the caller's OU. */
export class AccessDeniedException extends DirectoryServiceDataServiceException {
  override readonly name = 'AccessDeniedException' as const;
  override readonly $fault = 'client' as const;
  Message?: string | undefined;
  Reason?: AccessDeniedReason | undefined;

  constructor(options: ModeledOptions<AccessDeniedException>) {
    super(baseOptions('AccessDeniedException', options));
    Object.setPrototypeOf(this, AccessDeniedException.prototype);
    this.Message = options.Message;
    this.Reason = options.Reason;
  }
}

/** The object already exists, the member is already in the group, or a ClientToken was reused with other parameters. */
export class ConflictException extends DirectoryServiceDataServiceException {
  override readonly name = 'ConflictException' as const;
  override readonly $fault = 'client' as const;
  Message?: string | undefined;

  constructor(options: ModeledOptions<ConflictException>) {
    super(baseOptions('ConflictException', options));
    Object.setPrototypeOf(this, ConflictException.prototype);
    this.Message = options.Message;
  }
}

/** The directory cannot serve the request in its current state or configuration. */
export class DirectoryUnavailableException extends DirectoryServiceDataServiceException {
  override readonly name = 'DirectoryUnavailableException' as const;
  override readonly $fault = 'client' as const;
  Message?: string | undefined;
  Reason?: DirectoryUnavailableReason | undefined;

  constructor(options: ModeledOptions<DirectoryUnavailableException>) {
    super(baseOptions('DirectoryUnavailableException', options));
    Object.setPrototypeOf(this, DirectoryUnavailableException.prototype);
    this.$retryable = retryableTrait('DirectoryUnavailableException');
    this.Message = options.Message;
    this.Reason = options.Reason;
  }
}

/** The service failed on its side; the request may succeed later. */
export class InternalServerException extends DirectoryServiceDataServiceException {
  override readonly name = 'InternalServerException' as const;
  override readonly $fault = 'server' as const;
  Message?: string | undefined;

  constructor(options: ModeledOptions<InternalServerException>) {
    super(baseOptions('InternalServerException', options));
    Object.setPrototypeOf(this, InternalServerException.prototype);
    this.$retryable = retryableTrait('InternalServerException');
    this.Message = options.Message;
  }
}

/** The user, group or member named in the request does not exist. */
export class ResourceNotFoundException extends DirectoryServiceDataServiceException {
  override readonly name = 'ResourceNotFoundException' as const;
  override readonly $fault = 'client' as const;
  Message?: string | undefined;

  constructor(options: ModeledOptions<ResourceNotFoundException>) {
    super(baseOptions('ResourceNotFoundException', options));
    Object.setPrototypeOf(this, ResourceNotFoundException.prototype);
    this.Message = options.Message;
  }
}

/** The request rate of the directory or the account was exceeded. */
export class ThrottlingException extends DirectoryServiceDataServiceException {
  override readonly name = 'ThrottlingException' as const;
  override readonly $fault = 'client' as const;
  Message: string | undefined;
  /** Seconds the service asked the caller to wait, from the `Retry-After` response header. */
  RetryAfterSeconds?: number | undefined;

  constructor(options: ModeledOptions<ThrottlingException>) {
    super(baseOptions('ThrottlingException', options));
    Object.setPrototypeOf(this, ThrottlingException.prototype);
    this.$retryable = retryableTrait('ThrottlingException');
    this.Message = options.Message;
    this.RetryAfterSeconds = options.RetryAfterSeconds;
  }
}

/** A parameter or attribute value is invalid; `Reason` says which rule it broke. */
export class ValidationException extends DirectoryServiceDataServiceException {
  override readonly name = 'ValidationException' as const;
  override readonly $fault = 'client' as const;
  Message?: string | undefined;
  Reason?: ValidationExceptionReason | undefined;

  constructor(options: ModeledOptions<ValidationException>) {
    super(baseOptions('ValidationException', options));
    Object.setPrototypeOf(this, ValidationException.prototype);
    this.Message = options.Message;
    this.Reason = options.Reason;
  }
}

/** The exception class for each modeled error name. */
export const EXCEPTION_CLASSES = {
  AccessDeniedException,
  ConflictException,
  DirectoryUnavailableException,
  InternalServerException,
  ResourceNotFoundException,
  ThrottlingException,
  ValidationException,
} as const satisfies Record<ErrorName, unknown>;
