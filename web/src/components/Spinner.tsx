/** A loading indicator announced to screen readers. */
export function Spinner({ label = 'Loading…', inline = false }: { label?: string; inline?: boolean }) {
  return (
    <div className={inline ? 'spinner spinner-inline' : 'spinner'} role="status">
      <span className="spinner-ring" aria-hidden="true" />
      <span className={inline ? 'visually-hidden' : undefined}>{label}</span>
    </div>
  );
}
