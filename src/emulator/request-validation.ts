/**
 * Turns the constraint violations of `validateRequest` into one `ValidationException`.
 *
 * The message lists every violation with its member path, the rejected value when the model
 * does not mark it sensitive, and the rule. `Reason` is set when one reason fits every
 * violation: attribute values, attribute names, realms and page tokens have their own.
 */
import { validateRequest, type ConstraintViolation } from '../ds-data/constraints.js';
import { stringifyJson } from '../ds-data/json.js';
import type { OperationName } from '../ds-data/operations.js';
import type { ValidationExceptionReason } from '../ds-data/types.js';
import { validationError, type ServiceError } from './service-error.js';

/** Returns the ValidationException for an invalid request, or undefined when the request is valid. */
export function checkRequest(operation: OperationName, input: Record<string, unknown>): ServiceError | undefined {
  const violations = validateRequest(operation, input);
  if (violations.length === 0) {
    return undefined;
  }

  const count = violations.length === 1 ? '1 validation error' : `${violations.length} validation errors`;
  const details = violations.map(describeViolation).join('; ');
  const reasons = new Set(violations.map(reasonFor));
  const [reason] = reasons;
  return validationError(`${count} detected: ${details}.`, reasons.size === 1 ? reason : undefined);
}

function describeViolation(violation: ConstraintViolation): string {
  if (violation.value === undefined) {
    return `${violation.path} ${violation.rule}`;
  }
  if (violation.sensitive) {
    return `the value of ${violation.path} ${violation.rule} (value not shown: it is sensitive)`;
  }
  return `the value ${formatValue(violation.value)} of ${violation.path} ${violation.rule}`;
}

/** Formats a rejected value as JSON, cut to 80 characters so that a huge value cannot flood the message. */
function formatValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
  }
  // The lossless codec, because a wrong-typed member may contain an `N` value parsed as bigint.
  const text = stringifyJson(value);
  return text.length > 80 ? `${text.slice(0, 80)}...` : text;
}

function reasonFor(violation: ConstraintViolation): ValidationExceptionReason | undefined {
  if (violation.attributeValue) {
    return 'INVALID_ATTRIBUTE_VALUE';
  }
  const [member] = violation.path.split('.');
  if (violation.path.startsWith('OtherAttributes.') || violation.path.startsWith('SearchAttributes.')) {
    return 'INVALID_ATTRIBUTE_NAME';
  }
  if ((member === 'Realm' || member === 'MemberRealm') && violation.value !== undefined) {
    return 'INVALID_REALM';
  }
  if (member === 'NextToken') {
    return 'INVALID_NEXT_TOKEN';
  }
  return undefined;
}
