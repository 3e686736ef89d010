import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { ArgumentValidationError } from 'type-graphql';
import { AppError, type ErrorParams } from '../core/app-error';

/**
 * Turns class-validator's findings into the platform's error: per-field message keys
 * (`fields: { email: 'validation.isEmail' }`) with their parameters taken from the
 * decorator's own arguments (`@Length(2, 60)` -> `{ min: 2, max: 60 }`), translated like
 * every other message. class-validator's English never reaches a caller, and no input field
 * needs a message of its own: a new decorator needs one key in core/messages.
 */
const PARAMETER_NAMES: Record<string, readonly string[]> = {
  isLength: ['min', 'max'],
  minLength: ['min'],
  maxLength: ['max'],
  min: ['min'],
  max: ['max'],
  arrayMinSize: ['min'],
  arrayMaxSize: ['max'],
};

/** Constraints that have a message of their own; any other gets `validation.invalid`. */
export const TRANSLATED_CONSTRAINTS = new Set([
  'isLength',
  'minLength',
  'maxLength',
  'min',
  'max',
  'arrayMinSize',
  'arrayMaxSize',
  'isEmail',
  'isUuid',
  'isIn',
  'isArray',
  'isInt',
  'matches',
]);

function constraintParams(target: object | undefined, property: string, constraint: string): ErrorParams {
  const names = PARAMETER_NAMES[constraint];
  if (!target || !names) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((entry) => entry.propertyName === property && (entry.name ?? entry.type) === constraint);
  const values = (metadata?.constraints ?? []) as unknown[];
  return Object.fromEntries(names.map((name, index) => [name, values[index] as number]));
}

function collect(
  errors: ValidationError[],
  prefix: string,
  fields: Record<string, string>,
  fieldParams: Record<string, ErrorParams>,
): void {
  for (const error of errors) {
    const path = `${prefix}${error.property}`;
    const [constraint] = Object.keys(error.constraints ?? {});
    if (constraint) {
      fields[path] = TRANSLATED_CONSTRAINTS.has(constraint) ? `validation.${constraint}` : 'validation.invalid';
      fieldParams[path] = constraintParams(error.target, error.property, constraint);
    }
    if (error.children?.length) collect(error.children, `${path}.`, fields, fieldParams);
  }
}

export function validationAppError(error: ArgumentValidationError): AppError {
  const fields: Record<string, string> = {};
  const fieldParams: Record<string, ErrorParams> = {};
  collect(error.extensions.validationErrors, '', fields, fieldParams);
  return new AppError('BAD_USER_INPUT', 'errors.validation', {}, fields, fieldParams);
}
