import { ROLES, type Role } from '@common/roles.ts';
import { SelectField, type Option } from '../../components/Field.tsx';
import { roleLabel } from '../../lib/format.ts';

/** Every role as select options. */
export const ROLE_OPTIONS: Option[] = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));
/** Roles whose work covers the whole district by nature. */
const DISTRICT_ROLES: Role[] = ['director', 'sysadmin', 'supervisor'];
/** The scope value of a district-wide grant in the selects (the API takes null). */
export const DISTRICT = 'district';

/** A role grant being edited: `schoolId` is DISTRICT for district-wide. */
export interface GrantDraft {
  role: string;
  schoolId: string;
}

/** A new grant row with a sensible scope for the role. */
export function defaultScope(role: string, schools: Option[]): string {
  return DISTRICT_ROLES.includes(role as Role) ? DISTRICT : (schools[0]?.value ?? DISTRICT);
}

/** Role and scope selects of one grant. */
export function GrantFields({
  draft,
  onChange,
  schools,
  index,
  errors,
}: {
  draft: GrantDraft;
  onChange: (draft: GrantDraft) => void;
  schools: Option[];
  index?: number;
  errors?: { role?: string; schoolId?: string };
}) {
  const suffix = index === undefined ? '' : ` ${index + 1}`;
  return (
    <>
      <SelectField
        label={`Role${suffix}`}
        name={index === undefined ? 'role' : `grants.${index}.role`}
        required
        value={draft.role}
        onChange={(role) =>
          onChange({ role, schoolId: draft.role ? draft.schoolId : defaultScope(role, schools) })
        }
        options={ROLE_OPTIONS}
        placeholder="Choose a role…"
        error={errors?.role}
      />
      <SelectField
        label={`Where${suffix}`}
        name={index === undefined ? 'schoolId' : `grants.${index}.schoolId`}
        value={draft.schoolId}
        onChange={(schoolId) => onChange({ ...draft, schoolId })}
        options={[{ value: DISTRICT, label: 'District-wide (all schools)' }, ...schools]}
        error={errors?.schoolId}
      />
    </>
  );
}

/** The API form of a draft. */
export function grantBody(draft: GrantDraft): { role: string; schoolId: string | null } {
  return { role: draft.role, schoolId: draft.schoolId === DISTRICT ? null : draft.schoolId };
}
