import {html, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {Question} from '../../api/schemas/questions.js';
import {controlStyles, leafHostStyles} from '../../styles/controls.js';
import {PepayLeaf} from '../leaf.js';
import {EMAIL_PATTERN, fieldProblem} from './validity.js';

/**
 * The merchant's questions. Checked with the platform's constraint validation (`required`,
 * `type=email`), with the catalogue's words; a valid form sends `questions-submitted`.
 *
 * @tagname pepay-questions-form
 * @summary The merchant's questions.
 */
export class PepayQuestionsForm extends PepayLeaf {
  static override styles = [leafHostStyles, controlStyles];

  @property({attribute: false}) questions: Question[] = [];
  /** The answers are being saved. */
  @property({type: Boolean}) busy = false;

  /** Question id -> what is wrong with its answer, after a submit. */
  @state() private problems: Record<string, string> = {};

  override render() {
    const m = this.messages;
    return html`<form class="stack" novalidate @submit=${this.onSubmit}>
      ${this.questions.map((q) => {
        const problem = this.problems[q.id] ?? '';
        return html`<label
            >${q.label}${q.required ? html` <span class="muted">(${m.required})</span>` : nothing}
            <input
              name=${q.id}
              type=${q.type}
              autocomplete=${q.type === 'email' ? 'email' : 'off'}
              aria-describedby="err-${q.id}"
              aria-invalid=${problem ? 'true' : 'false'}
              ?required=${q.required}
              pattern=${q.type === 'email' ? EMAIL_PATTERN : nothing}
              maxlength="512"
            />
          </label>
          <p class="field-error" id="err-${q.id}">${problem}</p>`;
      })}
      <button class="primary" part="pay-button" ?disabled=${this.busy}>${m.continue}</button>
    </form>`;
  }

  private readonly onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const inputs = this.questions.map((q) => form.elements.namedItem(q.id) as HTMLInputElement);
    this.problems = Object.fromEntries(
      inputs.map((input) => [input.name, fieldProblem(input, this.messages)]).filter(([, problem]) => problem),
    );
    if (Object.keys(this.problems).length === 0) {
      this.act({type: 'questions-submitted', answers: inputs.map((input) => ({questionId: input.name, response: input.value.trim()}))});
      return;
    }
    await this.updateComplete;
    form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-questions-form': PepayQuestionsForm;
  }
}
