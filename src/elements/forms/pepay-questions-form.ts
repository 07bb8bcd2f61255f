import {html, nothing} from 'lit';
import {property} from 'lit/decorators/property.js';
import {state} from 'lit/decorators/state.js';
import type {Question} from '../../api/schemas/questions.js';
import {controlStyles, leafHostStyles} from '../../styles/controls.js';
import {PepayLeaf} from '../leaf.js';
import {EMAIL_PATTERN, fieldProblem} from './validity.js';
import {sayAgain} from './say-again.js';

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
  /** What is wrong, said when the focus is already on the answer that is wrong (`onSubmit`). */
  @state() private said = '';

  override render() {
    const m = this.messages;
    // What was said is taken back once the payer edits an answer (it would speak of an old value).
    return html`<form class="stack" novalidate @submit=${this.onSubmit} @input=${() => (this.said = '')}>
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
      <p class="visually-hidden" role="alert" data-form-problem>${this.said}</p>
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
    // Focus moved to the answer that is wrong has its error read as its description. Enter
    // pressed in that answer moves nothing, so the error is said (a keyboard probe heard nothing).
    const index = this.problems.findIndex(Boolean);
    const field = inputs[index];
    if (field && this.shadowRoot?.activeElement === field) {
      this.said = sayAgain(this.said, `${this.questions[index]?.label ?? ''}: ${this.problems[index]}`);
    } else {
      this.said = '';
      field?.focus();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-questions-form': PepayQuestionsForm;
  }
}
