import type { Role } from '@common/roles.ts';

// Shapes of the API answers the pages use (mirrors of server/modules/*/*.schemas.ts).

export type SessionState = 'anonymous' | 'mfa_pending' | 'mfa_enrolment_required' | 'signed_in';

/** The body of GET /api/auth/session and of every sign-in step. */
export interface SessionBody {
  state: SessionState;
  user: null | {
    id: string;
    name: string;
    email: string;
    title: string | null;
    mfaEnabled: boolean;
    mustChangePassword: boolean;
    /** The outside organization the account works for (need to know: it sees only what is addressed to it). */
    organizationId: string | null;
  };
  district: null | { id: string; name: string; isDemo: boolean; timeZone: string; lawEnforcementAgency: string | null };
  grants: Grant[];
  permissions: string[];
  schools: SchoolBrief[];
}

/** A role held at one school (or district-wide when schoolId is null). */
export interface Grant {
  role: Role;
  schoolId: string | null;
}

/** The school levels the API knows. */
export const SCHOOL_LEVELS = ['elementary', 'middle', 'high', 'k8', 'k12', 'alternative', 'other'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** The kinds of campus area the API knows. */
export const AREA_KINDS = [
  'building',
  'floor',
  'room',
  'field',
  'parking',
  'bus_loop',
  'perimeter',
  'common',
  'other',
] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** A school as named in lists and the session. */
export interface SchoolBrief {
  id: string;
  name: string;
  level: string;
}

/** A school (GET /api/schools/:id). */
export interface School {
  id: string;
  districtId: string;
  ncesId: string;
  name: string;
  level: SchoolLevel;
  gradeLow: number;
  gradeHigh: number;
  street: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  principalName: string | null;
  active: boolean;
}

/** Feeder relations of a school. */
export interface Feeders {
  feeders: SchoolBrief[];
  feedsInto: SchoolBrief[];
}

/** A campus area. */
export interface Area {
  id: string;
  schoolId: string;
  parentId: string | null;
  kind: AreaKind;
  name: string;
  description: string | null;
  active: boolean;
}

/** A grant as listed on a user, with its id and school name. */
export interface UserGrant extends Grant {
  id: string;
  schoolName: string | null;
}

/** A user account (GET /api/users/:id). */
export interface User {
  id: string;
  email: string;
  name: string;
  title: string | null;
  phone: string | null;
  badgeNumber: string | null;
  active: boolean;
  mfaEnabled: boolean;
  lastSignInAt: string | null;
  /** When the per-person juvenile-records grant was given; null without it or for a reader who does not give it. */
  juvenileAccessAt: string | null;
  /** True when the reader (the district administrator) may give this user the juvenile-records grant. */
  canHoldJuvenileAccess: boolean;
  grants: UserGrant[];
}

/** One page of a paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** An SRO assignment to a school. */
export interface Assignment {
  id: string;
  userId: string;
  userName: string;
  userEmail?: string;
  badgeNumber?: string | null;
  schoolId: string;
  schoolName: string;
  kind: 'primary' | 'feeder';
  startsOn: string;
  endsOn: string | null;
  notes: string | null;
  current?: boolean;
}

/** The district and its settings (GET /api/district). */
export interface District {
  id: string;
  name: string;
  ncesId?: string | null;
  state?: string;
  lawEnforcementAgency: string | null;
  nibrsOri: string | null;
  timezone: string;
  mfaRequiredRoles: Role[];
  isDemo?: boolean;
  counts?: { schools: number; users: number; students: number };
}

/** A guardian as linked to one student (custody, pick-up, restrictions). */
export interface Guardian {
  guardianId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  street: string | null;
  city: string | null;
  zip: string | null;
  relationship: string;
  hasCustody: boolean;
  mayPickUp: boolean;
  isPrimary: boolean;
  restrictions: string | null;
}

/** A student of the roster; demographics only with student.demographics.read. */
export interface Student {
  id: string;
  schoolId: string;
  schoolName: string;
  studentNumber: string;
  firstName: string;
  middleName?: string | null;
  lastName: string;
  preferredName?: string | null;
  grade: number | null;
  dateOfBirth?: string | null;
  sex?: string;
  raceEthnicity?: string;
  idea?: boolean;
  section504?: boolean;
  englishLearner?: boolean;
  active: boolean;
  guardians?: Guardian[];
}

/** One audit event. */
export interface AuditItem {
  id: string | number;
  at: string;
  actorLabel: string;
  actorUserId: string | null;
  eventType: string;
  meaning?: string | null;
  requestId?: string | null;
  schoolId: string | null;
  schoolName: string | null;
  subjectType: string | null;
  subjectId: string | null;
  detail: unknown;
}

/** A page of audit events, newest first. */
export interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}
