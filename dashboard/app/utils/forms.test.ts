import * as z from 'zod/mini';
import { changePasswordSchema } from './credential-schemas';
import { formValues, parseForm } from './forms';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('parseForm', () => {
  it('reports the first problem of each field as a translation key, with the length to reach', () => {
    const result = parseForm(
      changePasswordSchema,
      form([
        ['currentPassword', ''],
        ['newPassword', 'short'],
        ['confirmPassword', 'other'],
      ]),
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        currentPassword: { key: 'validation.required', params: { count: 1 } },
        newPassword: { key: 'validation.tooShort', params: { count: 10 } },
        confirmPassword: { key: 'validation.passwordsDoNotMatch' },
      },
    });
  });

  it('refuses a new password equal to the current one', () => {
    const same = 'Rahasia-2025-ok';
    const result = parseForm(
      changePasswordSchema,
      form([
        ['currentPassword', same],
        ['newPassword', same],
        ['confirmPassword', same],
      ]),
    );
    expect(result).toEqual({ ok: false, fieldErrors: { newPassword: { key: 'validation.samePassword' } } });
  });

  it('falls back to validation.invalid for a message that is not one of our keys', () => {
    expect(parseForm(z.object({ a: z.string().check(z.minLength(2)) }), form([['a', 'x']]))).toEqual({
      ok: false,
      fieldErrors: { a: { key: 'validation.invalid' } },
    });
  });
});

describe('formValues', () => {
  it('makes checkbox groups arrays, even with one or no box checked', () => {
    expect(
      formValues(
        form([
          ['name', 'Ops'],
          ['permissions', 'CONTACTS_READ'],
        ]),
        ['permissions'],
      ),
    ).toEqual({
      name: 'Ops',
      permissions: ['CONTACTS_READ'],
    });
    expect(formValues(form([['name', 'Ops']]), ['permissions'])).toEqual({ name: 'Ops', permissions: [] });
  });
});
