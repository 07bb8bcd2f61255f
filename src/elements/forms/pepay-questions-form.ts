import {html, nothing} from 'lit';
import {property} from 'lit/decorators/property.js';
import {state} from 'lit/decorators/state.js';
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

  /** What is wrong with each answer (by the question's position), after a submit. */
  @state() private problems: string[] = [];

  override render() {
    const m = this.messages;
    return html`<form class="stack" novalidate @submit=${this.onSubmit}>
      ${this.questions.map((q, index) => {
        // Ids and names come from the question's position, never from its server-given id: that
        // may hold any character (`q:2`) or repeat, and must not reach a selector or an IDREF.
        const problem = this.problems[index] ?? '';
        // The label in its own direction (an English question on an Arabic card keeps its "?" at its end).
        return html`<label
            ><bdi>${q.label}</bdi>${q.required ? html` <span class="muted">(${m.required})</span>` : nothing}
            <input
              name="q${index}"
              type=${q.type}
              autocomplete=${q.type === 'email' ? 'email' : 'off'}
              aria-describedby="err-q${index}"
              aria-invalid=${problem ? 'true' : 'false'}
              ?required=${q.required}
              pattern=${q.type === 'email' ? EMAIL_PATTERN : nothing}
              maxlength="512"
            />
          </label>
          <p class="field-error" id="err-q${index}">${problem}</p>`;
      })}
      <button class="primary" part="pay-button" aria-disabled=${this.busy ? 'true' : nothing} @click=${this.onSubmit}>${m.continue}</button>
    </form>`;
  }

  /**
   * "Continue", Enter in a field (the browser clicks the form's button for it) and `requestSubmit()`.
   * The form's own submission is cancelled at the click: a frame sandboxed without `allow-forms`
   * drops it before its `submit` event, and Continue would do nothing.
   */
  private readonly onSubmit = async (event: Event) => {
    event.preventDefault();
    if (this.busy) return;
    const form = this.renderRoot.querySelector('form')!;
    const inputs = [...form.querySelectorAll('input')];
    this.problems = inputs.map((input) => fieldProblem(input, this.messages));
    if (this.problems.every((problem) => !problem)) {
      const answers = this.questions.map((q, index) => ({questionId: q.id, response: inputs[index]?.value.trim() ?? ''}));
      this.act({type: 'questions-submitted', answers});
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
