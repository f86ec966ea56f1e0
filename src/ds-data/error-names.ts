/**
 * The seven modeled errors of AWS Directory Service Data: HTTP status, fault side and
 * whether the standard AWS retry strategy retries them. The emulator responds with these
 * statuses and the client maps names back to exception classes, so both read this table.
 */

export const ERROR_SHAPES = {
  AccessDeniedException: { status: 403, fault: 'client', retryable: false, throttling: false },
  ConflictException: { status: 409, fault: 'client', retryable: false, throttling: false },
  DirectoryUnavailableException: { status: 400, fault: 'client', retryable: true, throttling: false },
  InternalServerException: { status: 500, fault: 'server', retryable: true, throttling: false },
  ResourceNotFoundException: { status: 404, fault: 'client', retryable: false, throttling: false },
  ThrottlingException: { status: 429, fault: 'client', retryable: true, throttling: true },
  ValidationException: { status: 400, fault: 'client', retryable: false, throttling: false },
} as const;

export type ErrorName = keyof typeof ERROR_SHAPES;

export function isModeledErrorName(name: string): name is ErrorName {
  return Object.hasOwn(ERROR_SHAPES, name);
}
