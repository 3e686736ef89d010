import type { FieldErrors } from '../../utils/forms';
import { splitAttributes, splitTags } from './schemas';

/** A checked contact form as the API's input (`CreateContactInput` / `UpdateContactInput` without the id). */
export function toContactInput(form: { phone: string; name: string; tags: string; attributes: string }) {
  return {
    phone: form.phone,
    // An empty name clears it (the API's rule), so the form can remove one.
    name: form.name,
    tags: splitTags(form.tags),
    attributes: splitAttributes(form.attributes) ?? [],
  };
}

/**
 * The API names a refused attribute by its place (`input.attributes.0.key` arrives as `key` or `value`) or as
 * `attributes`; the form has one attributes field, so every one of them is shown there.
 */
export function contactFieldErrors(fieldErrors: FieldErrors | undefined): FieldErrors | undefined {
  if (!fieldErrors) return fieldErrors;
  const { key, value, ...rest } = fieldErrors;
  // The API's own words for a bad key are its generic pattern message: the rule itself helps more.
  const attributes = rest.attributes ?? (key ? { key: 'contacts.form.attributeKey' } : value);
  return attributes ? { ...rest, attributes } : rest;
}
