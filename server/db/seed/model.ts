/** The plain rows the demo generator produces, typed from the tables they are inserted into. */
import type {
  campusAreas,
  districts,
  guardians,
  roleGrants,
  schoolFeeders,
  schools,
  sroAssignments,
  studentGuardians,
  students,
  users,
} from '../schema/index.js';

type WithId<T> = Omit<T, 'id'> & { id: string };

export type DistrictSeed = WithId<typeof districts.$inferInsert>;
export type SchoolSeed = WithId<typeof schools.$inferInsert> & { principalName: string };
export type FeederSeed = typeof schoolFeeders.$inferInsert;
export type AreaSeed = WithId<typeof campusAreas.$inferInsert>;
/** A user without a password hash: the seed hashes the demo password once and gives it to everyone. */
export type UserSeed = WithId<Omit<typeof users.$inferInsert, 'passwordHash'>>;
export type GrantSeed = WithId<typeof roleGrants.$inferInsert>;
export type AssignmentSeed = WithId<typeof sroAssignments.$inferInsert>;
export type StudentSeed = WithId<typeof students.$inferInsert>;
export type GuardianSeed = WithId<typeof guardians.$inferInsert>;
export type StudentGuardianSeed = typeof studentGuardians.$inferInsert;

/** Everything the demo district consists of, in insertion order. */
export interface DemoData {
  district: DistrictSeed;
  schools: SchoolSeed[];
  feeders: FeederSeed[];
  areas: AreaSeed[];
  users: UserSeed[];
  grants: GrantSeed[];
  assignments: AssignmentSeed[];
  students: StudentSeed[];
  guardians: GuardianSeed[];
  studentGuardians: StudentGuardianSeed[];
}

/** Row counts of a DemoData, as recorded in the `seed.created` audit event. */
export type DemoCounts = { [K in keyof DemoData]: number };

/** Counts the rows of each table of `data`. */
export function countsOf(data: DemoData): DemoCounts {
  return {
    district: 1,
    schools: data.schools.length,
    feeders: data.feeders.length,
    areas: data.areas.length,
    users: data.users.length,
    grants: data.grants.length,
    assignments: data.assignments.length,
    students: data.students.length,
    guardians: data.guardians.length,
    studentGuardians: data.studentGuardians.length,
  };
}
