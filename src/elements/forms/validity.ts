import type {Messages} from '../../i18n/en.js';

/**
 * What is wrong with a field, in the catalogue's words, from the platform's constraint validation
 * (`required`, `type=email`); '' when nothing is. Spaces alone do not answer a required field.
 */
export function fieldProblem(input: HTMLInputElement, m: Messages): string {
  if (input.validity.valueMissing || (input.required && !input.value.trim())) return m.fieldRequired;
  if (input.validity.typeMismatch) return m.invalidEmail;
  return input.validity.valid ? '' : m.fieldRequired;
}
