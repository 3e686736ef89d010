import { useState, type FormEvent } from 'react';
import type * as z from 'zod/mini';
import { keyMessage, type Message } from './message';

/**
 * One zod schema per form, used twice: in the browser before submitting (instant, translated errors) and in the
 * action (the truth, and the only check when JavaScript is off). Schemas use `zod/mini` because they ship to the
 * browser. Their error messages are translation keys (`validation.required`).
 */

export type FieldErrors = Record<string, Message>;

export type ParseResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** The form as a plain object; the names in `arrays` (checkbox groups) always become arrays. */
export function formValues(formData: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of new Set(formData.keys())) {
    const all = formData.getAll(name).filter((value): value is string => typeof value === 'string');
    values[name] = arrays.includes(name) ? all : all[0];
  }
  for (const name of arrays) values[name] ??= [];
  return values;
}

export function parseForm<S extends z.ZodMiniType>(
  schema: S,
  formData: FormData,
  arrays: readonly string[] = [],
): ParseResult<z.infer<S>> {
  return checkValues(schema, formValues(formData, arrays), (path) => String(path[0] ?? 'form'));
}

/**
 * A nested form (a list of rows, a pair of fields) checked as the object `values` that the route read from it: each
 * problem is named by its whole path, `mapping.2.fallback` or `window.end`, so the page shows it beside that input.
 */
export function parseValues<S extends z.ZodMiniType>(schema: S, values: unknown): ParseResult<z.infer<S>> {
  return checkValues(schema, values, (path) => (path.length > 0 ? path.map(String).join('.') : 'form'));
}

function checkValues<S extends z.ZodMiniType>(
  schema: S,
  values: unknown,
  fieldOf: (path: readonly PropertyKey[]) => string,
): ParseResult<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    if (fieldErrors[field]) continue; // the first problem of a field is the one to fix first
    const count = 'minimum' in issue ? issue.minimum : 'maximum' in issue ? issue.maximum : undefined;
    fieldErrors[field] = keyMessage(issue.message, count === undefined ? undefined : { count: Number(count) }) ?? {
      key: 'validation.invalid',
    };
  }
  return { ok: false, fieldErrors };
}

/**
 * Checks a `<Form>` with its schema in the browser and stops the submission when it fails. The form renders
 * `noValidate`, so the reader sees the same translated messages with and without JavaScript.
 */
export function useClientValidation(schema: z.ZodMiniType, arrays: readonly string[] = []) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const result = parseForm(schema, new FormData(event.currentTarget, submitter), arrays);
    if (result.ok) {
      setFieldErrors(null);
      return;
    }
    event.preventDefault();
    setFieldErrors(result.fieldErrors);
    const first = Object.keys(result.fieldErrors)[0];
    if (first) (event.currentTarget.elements.namedItem(first) as HTMLElement | null)?.focus?.();
  };
  return { fieldErrors, onSubmit };
}

/** What an action answers about one form: a sentence for the form, messages for its fields. */
export interface FormFeedback {
  formError?: Message;
  fieldErrors?: FieldErrors;
}
