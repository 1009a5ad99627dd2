import type {ReactiveControllerHost} from 'lit';

/**
 * The kit's rule for a form's own checks (Lion's): a field's problem shows once the field was
 * left changed (touched and dirty), and every field's after a submit — never on the first
 * keystroke. The host asks `has(field)` before showing one; `onBlur(field)` goes on the input.
 */
export class ShownProblems<Field extends string> {
  readonly #shown = new Set<Field>();

  constructor(private readonly host: ReactiveControllerHost) {}

  has(field: Field): boolean {
    return this.#shown.has(field);
  }

  get size(): number {
    return this.#shown.size;
  }

  /** From now on these fields' problems show (a submit shows every one). */
  show(...fields: Field[]): void {
    const before = this.#shown.size;
    for (const field of fields) this.#shown.add(field);
    if (this.#shown.size !== before) this.host.requestUpdate();
  }

  /** A blur listener for the field's input: once left with another value than it started with, its problem shows. */
  onBlur(field: Field): (event: FocusEvent) => void {
    return (event) => {
      const input = event.target as HTMLInputElement;
      if (input.value !== input.defaultValue) this.show(field);
    };
  }

  /** A new start (another person, the flow moved on): nothing shows until touched again. */
  clear(): void {
    if (!this.#shown.size) return;
    this.#shown.clear();
    this.host.requestUpdate();
  }
}
