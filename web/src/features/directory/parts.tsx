import type { DirectoryEntry } from '@common/directory.ts';

/** "Whole district" or the names of the schools an entry serves. */
export function servedText(entry: DirectoryEntry): string {
  return entry.schools.length === 0 ? 'Whole district' : entry.schools.map((s) => s.name).join(', ');
}

/** The contact person, phone and e-mail of an entry, each a line; phone and e-mail are links. */
export function ContactLines({ entry }: { entry: DirectoryEntry }) {
  return (
    <span className="contact-lines">
      {entry.contactName && <span>{entry.contactName}</span>}
      {entry.phone && <a href={`tel:${entry.phone.replace(/[^\d+]/g, '')}`}>{entry.phone}</a>}
      {entry.email && <a href={`mailto:${entry.email}`}>{entry.email}</a>}
      {!entry.contactName && !entry.phone && !entry.email && <span className="muted">No contact</span>}
    </span>
  );
}
