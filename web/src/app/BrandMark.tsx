/** The SRO Desk shield (decorative). */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path fill="#d9e6f7" d="M16 2 4 7v8c0 7.5 5.1 13.4 12 15 6.9-1.6 12-7.5 12-15V7z" />
      <path fill="#13294b" d="M16 8.5 10 11v4.5c0 3.9 2.6 7 6 8 3.4-1 6-4.1 6-8V11z" />
    </svg>
  );
}
