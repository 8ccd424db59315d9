/**
 * Marks a row of the form the server does not hold (refused, or not sendable yet), with why. Not a live region:
 * the form's banner of parts not saved announces it once, and a row marked in place is found again when tabbing through.
 */
export function NotSaved({ reason }: { reason: string | undefined }) {
  if (!reason) return null;
  return <p className="field-error not-saved">Not saved — {reason}</p>;
}
