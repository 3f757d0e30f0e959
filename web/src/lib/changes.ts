// What a form sends: texts trimmed and blank ones as null; for a change, only the fields that differ from the
// record as it is (a PATCH that changes nothing records nothing, but an empty one is not even sent).

/** A text field's value as the server takes it: trimmed, or null when blank. */
export function textOrNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** The fields of `next` whose value differs from `record`'s (missing counts as null). */
export function changedFields<T extends object>(record: Partial<T>, next: Partial<T>): Partial<T> {
  const changed: Partial<T> = {};
  for (const [key, value] of Object.entries(next) as [keyof T, T[keyof T]][]) {
    if (JSON.stringify(record[key] ?? null) !== JSON.stringify(value ?? null)) changed[key] = value;
  }
  return changed;
}
