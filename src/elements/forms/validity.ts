import type {Messages} from '../../i18n/en.js';

/**
 * The `pattern` of e-mail fields: the platform's `type=email` accepts `name@host`; a receipt needs
 * a domain with a dot, as the server requires.
 */
export const EMAIL_PATTERN = '[^@\\s]+@[^@\\s]+\\.[^@\\s]+';

/**
 * What is wrong with a field, in the catalogue's words, from the platform's constraint validation
 * (`required`, `type=email`, `pattern`); '' when nothing is. Spaces alone do not answer a required field.
 */
export function fieldProblem(input: HTMLInputElement, m: Messages): string {
  if (input.validity.valueMissing || (input.required && !input.value.trim())) return m.fieldRequired;
  if (input.validity.typeMismatch || input.validity.patternMismatch) return m.invalidEmail;
  return input.validity.valid ? '' : m.fieldRequired;
}
