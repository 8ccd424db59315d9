import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { GRADE_OPTIONS, useSchoolOptions } from '../../lib/options.ts';
import type { Student } from '../../lib/types.ts';

const SEX_OPTIONS: Option[] = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'nonbinary', label: 'Nonbinary' },
];
/** CRDC race/ethnicity categories. */
export const RACE_OPTIONS: Option[] = [
  { value: 'hispanic_latino', label: 'Hispanic or Latino' },
  { value: 'american_indian_alaska_native', label: 'American Indian or Alaska Native' },
  { value: 'asian', label: 'Asian' },
  { value: 'native_hawaiian_pacific_islander', label: 'Native Hawaiian or Pacific Islander' },
  { value: 'black', label: 'Black or African American' },
  { value: 'white', label: 'White' },
  { value: 'two_or_more', label: 'Two or more races' },
];

/** The fields of POST /api/students (and PATCH, with `active`). */
export interface StudentInput {
  schoolId: string;
  studentNumber: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  preferredName: string | null;
  grade: number;
  dateOfBirth: string;
  sex?: string;
  raceEthnicity?: string;
  idea?: boolean;
  section504?: boolean;
  englishLearner?: boolean;
  active?: boolean;
}

interface StudentFormProps {
  student?: Student;
  defaultSchoolId?: string;
  /** Whether to show the CRDC demographics (sex, race/ethnicity, IDEA, 504, English learner). */
  demographics?: boolean;
  onSubmit: (input: StudentInput) => Promise<unknown>;
  onCancel: () => void;
  submitLabel: string;
}

/** Add or edit a student: identity, school and grade, and the demographics CRDC counts need. */
export function StudentForm({
  student,
  defaultSchoolId,
  demographics = true,
  onSubmit,
  onCancel,
  submitLabel,
}: StudentFormProps) {
  const schools = useSchoolOptions();
  const [v, setV] = useState({
    schoolId: student?.schoolId ?? defaultSchoolId ?? (schools.length === 1 ? schools[0]!.value : ''),
    studentNumber: student?.studentNumber ?? '',
    firstName: student?.firstName ?? '',
    middleName: student?.middleName ?? '',
    lastName: student?.lastName ?? '',
    preferredName: student?.preferredName ?? '',
    grade: String(student?.grade ?? ''),
    dateOfBirth: student?.dateOfBirth ?? '',
    sex: student?.sex ?? '',
    raceEthnicity: student?.raceEthnicity ?? '',
    idea: student?.idea ?? false,
    section504: student?.section504 ?? false,
    englishLearner: student?.englishLearner ?? false,
    active: student?.active ?? true,
  });
  const set = (key: keyof typeof v) => (value: string | boolean) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const save = useAction(async () => {
    const input: StudentInput = {
      schoolId: v.schoolId,
      studentNumber: v.studentNumber.trim(),
      firstName: v.firstName.trim(),
      middleName: v.middleName.trim() || null,
      lastName: v.lastName.trim(),
      preferredName: v.preferredName.trim() || null,
      grade: Number(v.grade),
      dateOfBirth: v.dateOfBirth,
    };
    if (demographics)
      Object.assign(input, {
        sex: v.sex,
        raceEthnicity: v.raceEthnicity,
        idea: v.idea,
        section504: v.section504,
        englishLearner: v.englishLearner,
      });
    if (student) input.active = v.active;
    await onSubmit(input);
  });
  const err = (field: string) => fieldError(save.error, field);

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label={submitLabel}>
      <div className="form-grid">
        <TextField
          label="First name"
          name="firstName"
          required
          value={v.firstName}
          onChange={set('firstName')}
          error={err('firstName')}
        />
        <TextField
          label="Middle name"
          name="middleName"
          value={v.middleName}
          onChange={set('middleName')}
          error={err('middleName')}
        />
        <TextField
          label="Last name"
          name="lastName"
          required
          value={v.lastName}
          onChange={set('lastName')}
          error={err('lastName')}
        />
        <TextField
          label="Preferred name"
          name="preferredName"
          value={v.preferredName}
          onChange={set('preferredName')}
          error={err('preferredName')}
        />
        <TextField
          label="Student number"
          name="studentNumber"
          required
          value={v.studentNumber}
          onChange={set('studentNumber')}
          error={err('studentNumber')}
        />
        <TextField
          label="Date of birth"
          name="dateOfBirth"
          type="date"
          required
          value={v.dateOfBirth}
          onChange={set('dateOfBirth')}
          error={err('dateOfBirth')}
        />
        <SelectField
          label="School"
          name="schoolId"
          required
          value={v.schoolId}
          onChange={set('schoolId')}
          options={schools}
          placeholder="Choose a school…"
          error={err('schoolId')}
        />
        <SelectField
          label="Grade"
          name="grade"
          required
          value={v.grade}
          onChange={set('grade')}
          options={GRADE_OPTIONS}
          placeholder="Choose…"
          error={err('grade')}
        />
        {demographics && (
          <>
            <SelectField
              label="Sex"
              name="sex"
              required
              value={v.sex}
              onChange={set('sex')}
              options={SEX_OPTIONS}
              placeholder="Choose…"
              error={err('sex')}
            />
            <SelectField
              label="Race/ethnicity"
              name="raceEthnicity"
              required
              value={v.raceEthnicity}
              onChange={set('raceEthnicity')}
              options={RACE_OPTIONS}
              placeholder="Choose…"
              error={err('raceEthnicity')}
            />
          </>
        )}
      </div>
      {demographics && (
        <fieldset className="fieldset">
          <legend>Programs (for CRDC counts)</legend>
          <CheckboxField
            label="Served under IDEA (special education)"
            name="idea"
            checked={v.idea}
            onChange={set('idea')}
          />
          <CheckboxField
            label="Section 504 plan"
            name="section504"
            checked={v.section504}
            onChange={set('section504')}
          />
          <CheckboxField
            label="English learner"
            name="englishLearner"
            checked={v.englishLearner}
            onChange={set('englishLearner')}
          />
        </fieldset>
      )}
      {student && (
        <CheckboxField
          label="Enrolled"
          hint="Clear when the student leaves the school."
          name="active"
          checked={v.active}
          onChange={set('active')}
        />
      )}
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
