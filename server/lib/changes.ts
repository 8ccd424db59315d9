/** The names of the fields an update really changes, for audit details (values stay out of the log). */
export function changedFields<T extends object>(before: T, input: Partial<T>): string[] {
  return Object.entries(input)
    .filter(([key, value]) => value !== undefined && (before as Record<string, unknown>)[key] !== value)
    .map(([key]) => key);
}
