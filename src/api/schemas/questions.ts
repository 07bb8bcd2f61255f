import * as z from 'zod/mini';
import {readableText} from './primitives.js';

const question = z.pipe(
  z.object({
    id: z.string().check(z.minLength(1)),
    question: z.string(),
    type: z.nullish(z.string()),
    validation: z.nullish(z.object({required: z.nullish(z.boolean())})),
  }),
  z.transform((q) => ({
    id: q.id,
    label: readableText(q.question),
    // Only `email` is documented; anything else is asked as free text.
    type: q.type === 'email' ? ('email' as const) : ('text' as const),
    required: q.validation?.required ?? false,
  })),
);

/** GET /api/v1/payments/invoice-questions, normalised to a flat list (empty when none). */
export const invoiceQuestionsSchema = z.pipe(
  z.object({
    has_questions: z.nullish(z.boolean()),
    questions: z.nullish(z.object({questions: z.nullish(z.array(question))})),
  }),
  // A repeated id is one question (the first): two inputs cannot answer one id.
  z.transform((r) => (r.has_questions === false ? [] : uniqueById(r.questions?.questions ?? []))),
);

function uniqueById<T extends {id: string}>(questions: T[]): T[] {
  const seen = new Set<string>();
  return questions.filter((q) => !seen.has(q.id) && seen.add(q.id));
}

/** POST /api/v1/payments/submit-form. */
export const submitFormSchema = z.object({success: z.nullish(z.boolean())});

export type Question = z.output<typeof question>;
export interface QuestionAnswer {
  questionId: string;
  response: string;
}
