import { fieldId, problemsFrom, validate, type FieldErrors, type FieldSpec, type Problem } from '../forms.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import type { PlainKey } from '../i18n/messages.ts';

export interface SummaryItem {
  /** the input to focus */
  id: string;
  label: PlainKey;
  message: PlainKey;
}

/**
 * A form's answers and how its last submission went. Answers stay as typed whatever happens;
 * `failures` counts failed submissions so that the error summary takes focus after each one.
 */
export class FormState<V extends Record<string, string>> {
  values: V;
  errors: FieldErrors<keyof V & string> = $state.raw({});
  problem: Problem | null = $state.raw(null);
  submitting = $state(false);
  failures = $state(0);
  succeeded = $state(false);
  readonly name: string;
  readonly specs: Record<keyof V & string, FieldSpec>;

  /** `name` prefixes the inputs' ids, so that two forms on one page never share one. */
  constructor(name: string, specs: Record<keyof V & string, FieldSpec>, values: V) {
    this.name = name;
    this.specs = specs;
    this.values = $state(values);
  }

  id = (field: keyof V & string): string => fieldId(this.name, field);

  /** What to correct in a rejected field, in the reader's language. */
  message = (field: keyof V & string): string | undefined => {
    const error: PlainKey | undefined = this.errors[field];
    return error && i18n.t(error);
  };

  /** The rejected fields, in the form's order, for the summary above it. */
  get summary(): SummaryItem[] {
    return (Object.keys(this.specs) as (keyof V & string)[]).flatMap((field) => {
      const message = this.errors[field];
      return message ? [{ id: this.id(field), label: this.specs[field].label, message }] : [];
    });
  }

  /** Checks the answers, then runs `action` unless a check failed; a rejected action's error is shown. */
  async submit(action: (values: V) => Promise<void>): Promise<void> {
    if (this.submitting) return;
    this.succeeded = false;
    this.problem = null;
    this.errors = validate(this.values, this.specs);
    if (Object.keys(this.errors).length > 0) {
      this.failures++;
      return;
    }
    this.submitting = true;
    try {
      await action($state.snapshot(this.values) as V);
      this.succeeded = true;
    } catch (error) {
      const problems = problemsFrom(error, this.specs);
      this.errors = problems.fields;
      this.problem = problems.form;
      this.failures++;
    } finally {
      this.submitting = false;
    }
  }
}
