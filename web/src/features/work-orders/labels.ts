import {
  WORK_ORDER_PRIORITIES,
  WORK_ORDER_SOURCES,
  WORK_ORDER_SOURCE_LABELS,
  WORK_ORDER_STATUSES,
  type WorkOrderPriority,
  type WorkOrderStatus,
} from '@common/work-orders.ts';
import type { Option } from '../../components/Field.tsx';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** Readable names and badge tones of work-order statuses. */
export const STATUS_LOOK: Record<WorkOrderStatus, { label: string; tone: Tone }> = {
  open: { label: 'Open', tone: 'info' },
  in_progress: { label: 'In progress', tone: 'info' },
  on_hold: { label: 'On hold', tone: 'warning' },
  completed: { label: 'Completed', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

/** Readable names and badge tones of priorities. */
export const PRIORITY_LOOK: Record<WorkOrderPriority, { label: string; tone: Tone }> = {
  low: { label: 'Low', tone: 'neutral' },
  normal: { label: 'Normal', tone: 'neutral' },
  high: { label: 'High', tone: 'warning' },
  urgent: { label: 'Urgent', tone: 'danger' },
};

/** Statuses as select options. */
export const STATUS_OPTIONS: Option[] = WORK_ORDER_STATUSES.map((s) => ({
  value: s,
  label: STATUS_LOOK[s].label,
}));
/** Priorities as select options. */
export const PRIORITY_OPTIONS: Option[] = WORK_ORDER_PRIORITIES.map((p) => ({
  value: p,
  label: PRIORITY_LOOK[p].label,
}));
/** Sources as select options. */
export const SOURCE_OPTIONS: Option[] = WORK_ORDER_SOURCES.map((s) => ({
  value: s,
  label: WORK_ORDER_SOURCE_LABELS[s],
}));
/** Who does the work, as select options. */
export const OWNER_OPTIONS: Option[] = [
  { value: 'district_maintenance', label: 'District maintenance' },
  { value: 'vendor', label: 'A vendor from the directory' },
];
