import { LABELS, type IncidentStatus } from '@common/incidents.ts';
import type { Option } from '../../components/Field.tsx';

/** Options of a select from one of the label tables of the API contract. */
export function optionsOf<K extends string>(labels: Record<K, string>): Option[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** Badge tone of a report status. */
export function statusTone(status: IncidentStatus): 'neutral' | 'info' | 'success' | 'warning' {
  if (status === 'approved') return 'success';
  if (status === 'submitted') return 'info';
  if (status === 'returned') return 'warning';
  return 'neutral';
}

/** Human label of a report status. */
export function statusLabel(status: IncidentStatus): string {
  return LABELS.status[status];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO timestamp as the value of a datetime-local input (the viewer's time zone). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a datetime-local input as an ISO timestamp (undefined when empty or invalid). */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Now as a datetime-local value: the latest a "when" may be. */
export function nowLocalInput(): string {
  return toLocalInput(new Date().toISOString());
}

/** A calendar date (YYYY-MM-DD) as the start or end of that day in the viewer's time zone, ISO. */
export function dayBoundary(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** "1.2 MB", "340 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
