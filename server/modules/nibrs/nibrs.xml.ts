import { PROPERTY_LOSS, RELATIONSHIPS } from '../../../common/nibrs-codes.js';
import { wallOf } from '../../lib/district-time.js';
import { against, ageOn, groupA, parseAge, rosterToNibrs, type NibrsReport } from '../incidents/nibrs.model.js';
import { localDay } from '../incidents/nibrs.report.js';
import type { SubmissionRow } from './nibrs.repository.js';

// The FBI NIBRS XML submission (2019.2 IEPD structure: NIEM 4.0, JXDM 6.1). One nibrs:Report per incident; the
// segments are flat siblings tied together by s:id / s:ref associations, in the order the IEPD's schema sets.

export const NAMESPACES = {
  nibrs: 'http://fbi.gov/cjis/nibrs/2019.2',
  nibrscodes: 'http://fbi.gov/cjis/nibrs/nibrs-codes/2019.2',
  cjis: 'http://fbi.gov/cjis/1.0',
  j: 'http://release.niem.gov/niem/domains/jxdm/6.1/',
  nc: 'http://release.niem.gov/niem/niem-core/4.0/',
  s: 'http://release.niem.gov/niem/structures/4.0/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

const LOSS_XML = new Map(PROPERTY_LOSS.map((l) => [l.code, l.xml]));
const RELATIONSHIP_XML = new Map(RELATIONSHIPS.map((r) => [r.code, r.xml]));
const BIAS_XML: Record<string, string> = { '88': 'NONE', '99': 'UNKNOWN' };

/** Escapes text for XML content. */
export function esc(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const el = (name: string, content: string | number) => `<${name}>${typeof content === 'number' ? content : content.startsWith('<') ? content : esc(content)}</${name}>`;
const id = (value: string | number) => el('nc:IdentificationID', value);
const ori = (value: string) => el('j:OrganizationAugmentation', el('j:OrganizationORIIdentification', id(value)));

/** A stored incident row as the NIBRS edits see it (the same shape a save is checked in). */
export function reportOfRow(row: SubmissionRow, timezone: string): NibrsReport {
  const occurredOn = localDay(row.occurred_at, timezone);
  const personIndex = new Map(row.persons.map((p, i) => [p.id, i]));
  const acts = row.actions.filter((a) => !a.implied);
  return {
    locationCode: row.location_code, occurredOn,
    offenses: row.offenses.map((o) => ({
      kind: o.kind, code: o.code, attempted: o.attempted, weaponForce: o.weaponForce, offenderUsing: o.nibrs.offenderUsing ?? [], bias: o.nibrs.bias ?? [],
      criminalActivity: o.nibrs.criminalActivity ?? [], locationCode: o.nibrs.locationCode ?? null,
    })),
    persons: row.persons.map((p) => {
      const n = p.nibrs;
      return {
        role: p.role, student: p.kind === 'student', roster: p.dob ? { age: ageOn(p.dob, occurredOn), ...rosterToNibrs(p.sex!, p.race!) } : null,
        victimType: n?.victimType ?? null, age: n?.age ?? null, sex: n?.sex ?? null, race: n?.race ?? null, ethnicity: n?.ethnicity ?? null,
        resident: n?.resident ?? null, injuries: n?.injuries ?? [], offenses: n?.offenses ?? [],
        relationships: (n?.relationships ?? []).map((r) => ({ offender: personIndex.get(r.offenderId) ?? -1, code: r.code })),
      };
    }),
    arrests: acts.flatMap((a, index) => (a.kind === 'arrest' ? [{ person: a.personId ? personIndex.get(a.personId) ?? null : null, arrest: a.arrest, index }] : [])),
    property: row.property.map((p) => ({ ...p, drug: p.drug ?? null })),
    clearance: row.clearance,
  };
}

function header(category: string, action: string, month: string, agency: string): string {
  return el('nibrs:ReportHeader', el('nibrs:NIBRSReportCategoryCode', category) + el('nibrs:ReportActionCategoryCode', action)
    + el('nibrs:ReportDate', el('nc:YearMonthDate', month)) + el('nibrs:ReportingAgency', ori(agency)));
}

/** The age elements of a person: roster years for students, the entered NIBRS age otherwise. */
function ageXml(p: NibrsReport['persons'][number]): string {
  if (p.roster) {
    return el('nc:PersonAgeMeasure', p.roster.age === null ? el('nc:MeasureValueText', 'UNKNOWN') : el('nc:MeasureIntegerValue', p.roster.age));
  }
  const a = p.age ? parseAge(p.age) : null;
  if (!a || a === 'special') {
    const words: Record<string, string> = { NN: 'NEONATAL', NB: 'NEWBORN', BB: 'BABY' };
    return el('nc:PersonAgeMeasure', el('nc:MeasureValueText', words[p.age ?? ''] ?? 'UNKNOWN'));
  }
  if (a.min === a.max) return el('nc:PersonAgeMeasure', el('nc:MeasureIntegerValue', a.min));
  return el('nc:PersonAgeMeasure', el('nc:MeasureIntegerRange', el('nc:RangeMaximumIntegerValue', a.max) + el('nc:RangeMinimumIntegerValue', a.min)));
}

function personXml(sid: string, p: NibrsReport['persons'][number], resident: boolean): string {
  const facts = p.roster ?? { sex: p.sex ?? 'U', race: p.race ?? 'U', ethnicity: p.ethnicity ?? 'U' };
  return `<nc:Person s:id="${sid}">${ageXml(p)}${el('j:PersonEthnicityCode', facts.ethnicity)}${el('j:PersonRaceNDExCode', facts.race)}`
    + `${resident ? el('j:PersonResidentCode', p.resident ?? 'U') : ''}${el('j:PersonSexCode', facts.sex)}</nc:Person>`;
}

/** The wall-clock time of an instant in the zone, as YYYY-MM-DDTHH:MM:SS (district-time's cached formatter). */
function localDateTime(at: Date | string, timezone: string): string {
  const w = wallOf(new Date(at), timezone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** One incident's nibrs:Report (Group A incident, or Group B arrest report when it has only Group B offenses). */
export function incidentXml(row: SubmissionRow, r: NibrsReport, action: 'I' | 'R', month: string, agency: string, timezone: string): string {
  const offenses = r.offenses.map((o, i) => ({ o, i })).filter(({ o }) => o.kind === 'nibrs' && o.code);
  const groupAReport = offenses.some(({ o }) => groupA(o.code));
  const parts: string[] = [header(groupAReport ? 'GROUP A INCIDENT REPORT' : 'GROUP B ARREST REPORT', action, month, agency)];
  const local = localDateTime(row.occurred_at, timezone);
  const clearance = r.clearance && r.clearance.code !== 'N'
    ? el('j:IncidentAugmentation', el('j:IncidentExceptionalClearanceCode', r.clearance.code) + el('j:IncidentExceptionalClearanceDate', el('nc:Date', r.clearance.date!)))
    : el('j:IncidentAugmentation', el('j:IncidentExceptionalClearanceCode', 'N'));
  parts.push(el('nc:Incident', el('nc:ActivityIdentification', id(row.number)) + el('nc:ActivityDate', el('nc:DateTime', local))
    + el('cjis:IncidentAugmentation', el('cjis:IncidentReportDateIndicator', 'false')) + clearance));
  const reported = groupAReport ? offenses.filter(({ o }) => groupA(o.code)) : [];
  for (const { o, i } of reported) {
    parts.push(`<j:Offense s:id="Offense${i + 1}">${el('nibrs:OffenseUCRCode', o.code!)}`
      + o.criminalActivity.map((c) => el('nibrs:CriminalActivityCategoryCode', c)).join('')
      + o.bias.map((b) => el('j:OffenseFactorBiasMotivationCode', BIAS_XML[b] ?? b)).join('')
      + o.offenderUsing.map((u) => el('j:OffenseFactor', el('j:OffenseFactorCode', u))).join('')
      + o.weaponForce.map((w) => el('j:OffenseForce', el('j:ForceCategoryCode', w))).join('')
      + `${el('j:OffenseAttemptedIndicator', String(o.attempted))}</j:Offense>`);
    parts.push(`<nc:Location s:id="Location${i + 1}">${el('nibrs:LocationCategoryCode', o.locationCode ?? r.locationCode)}</nc:Location>`);
  }
  if (groupAReport) {
    for (const p of r.property) {
      const value = p.value !== null || p.recoveredOn
        ? el('nc:ItemValue', (p.value !== null ? el('nc:ItemValueAmount', el('nc:Amount', p.value)) : '') + (p.recoveredOn ? el('nc:ItemValueDate', el('nc:Date', p.recoveredOn)) : '')) : '';
      const status = el('nc:ItemStatus', el('cjis:ItemStatusCode', LOSS_XML.get(p.lossType) ?? 'UNKNOWN'));
      const category = el('j:ItemCategoryNIBRSPropertyCategoryCode', p.description);
      if (p.drug) {
        const measure = el('nc:SubstanceQuantityMeasure', (p.drug.quantity !== null ? el('nc:MeasureDecimalValue', p.drug.quantity) : '') + el('j:SubstanceUnitCode', p.drug.unit));
        parts.push(el('nc:Substance', status + value + category + el('j:DrugCategoryCode', p.drug.type) + measure));
      } else parts.push(el('nc:Item', status + value + category));
    }
  }
  const victims = groupAReport ? r.persons.map((p, i) => ({ p, i })).filter(({ p }) => p.role === 'victim' && p.offenses.length) : [];
  const subjects = groupAReport ? r.persons.map((p, i) => ({ p, i })).filter(({ p }) => p.role === 'suspect') : [];
  const arrests = r.arrests.filter((a) => a.arrest && a.person !== null);
  const societyOffenses = reported.filter(({ o }) => against(o.code) === 'Society');
  for (const { p, i } of victims) if (['I', 'L'].includes(p.victimType ?? '')) parts.push(personXml(`PersonVictim${i + 1}`, p, true));
  for (const { p, i } of subjects) parts.push(personXml(`PersonSubject${i + 1}`, p, false));
  for (const a of arrests) parts.push(personXml(`PersonArrestee${a.index + 1}`, r.persons[a.person!]!, true));
  let sequence = 0;
  for (const { p, i } of victims) {
    sequence += 1;
    const role = ['I', 'L'].includes(p.victimType ?? '') ? `<nc:RoleOfPerson s:ref="PersonVictim${i + 1}"/>` : '';
    parts.push(`<j:Victim s:id="Victim${i + 1}">${role}${el('j:VictimSequenceNumberText', sequence)}`
      + p.injuries.map((x) => el('j:VictimInjury', el('j:InjuryCategoryCode', x))).join('') + `${el('j:VictimCategoryCode', p.victimType ?? 'U')}</j:Victim>`);
  }
  if (societyOffenses.length) parts.push(`<j:Victim s:id="VictimSociety">${el('j:VictimSequenceNumberText', sequence + 1)}${el('j:VictimCategoryCode', 'S')}</j:Victim>`);
  subjects.forEach(({ i }, k) => parts.push(`<j:Subject s:id="Subject${i + 1}"><nc:RoleOfPerson s:ref="PersonSubject${i + 1}"/>${el('j:SubjectSequenceNumberText', k + 1)}</j:Subject>`));
  arrests.forEach((a, k) => {
    const x = a.arrest!;
    parts.push(`<j:Arrestee s:id="Arrestee${a.index + 1}"><nc:RoleOfPerson s:ref="PersonArrestee${a.index + 1}"/>${el('j:ArrestSequenceID', k + 1)}`
      + x.armedWith.map((w) => el('j:ArresteeArmedWithCode', w)).join('') + (x.juvenileDisposition ? el('j:ArresteeJuvenileDispositionCode', x.juvenileDisposition) : '')
      + `${el('j:ArrestSubjectCountCode', x.multiple)}</j:Arrestee>`);
  });
  const acts = row.actions.filter((a) => !a.implied);
  arrests.forEach((a) => {
    const x = a.arrest!;
    parts.push(`<j:Arrest s:id="Arrest${a.index + 1}">${el('nc:ActivityIdentification', id(`${row.number}-${a.index + 1}`))}`
      + `${el('nc:ActivityDate', el('nc:Date', localDay(acts[a.index]!.at, timezone)))}${el('j:ArrestCharge', el('nibrs:ChargeUCRCode', x.offenseCode))}`
      + `${el('j:ArrestCategoryCode', x.type)}</j:Arrest>`);
  });
  for (const a of arrests) parts.push(`<j:ArrestSubjectAssociation><nc:Activity s:ref="Arrest${a.index + 1}"/><j:Subject s:ref="Arrestee${a.index + 1}"/></j:ArrestSubjectAssociation>`);
  for (const { i } of reported) parts.push(`<j:OffenseLocationAssociation><j:Offense s:ref="Offense${i + 1}"/><nc:Location s:ref="Location${i + 1}"/></j:OffenseLocationAssociation>`);
  for (const { p, i } of victims) {
    for (const k of p.offenses) if (reported.some((x) => x.i === k)) parts.push(`<j:OffenseVictimAssociation><j:Offense s:ref="Offense${k + 1}"/><j:Victim s:ref="Victim${i + 1}"/></j:OffenseVictimAssociation>`);
  }
  for (const { i } of societyOffenses) parts.push(`<j:OffenseVictimAssociation><j:Offense s:ref="Offense${i + 1}"/><j:Victim s:ref="VictimSociety"/></j:OffenseVictimAssociation>`);
  for (const { p, i } of victims) {
    for (const rel of p.relationships) {
      parts.push(`<j:SubjectVictimAssociation><j:Subject s:ref="Subject${rel.offender + 1}"/><j:Victim s:ref="Victim${i + 1}"/>`
        + `${el('nibrs:VictimToSubjectRelationshipCode', RELATIONSHIP_XML.get(rel.code) ?? 'Relationship Unknown')}</j:SubjectVictimAssociation>`);
    }
  }
  return el('nibrs:Report', parts.join(''));
}

/** The nibrs:Report that deletes an incident sent before. */
export function deleteXml(number: string, month: string, agency: string): string {
  return el('nibrs:Report', header('GROUP A INCIDENT REPORT', 'D', month, agency) + el('nc:Incident', el('nc:ActivityIdentification', id(number))));
}

/** The whole submission document around its reports. */
export function submissionXml(reports: string[], agency: string, messageId: string, at: Date): string {
  const xmlns = Object.entries(NAMESPACES).map(([k, v]) => `xmlns:${k}="${v}"`).join(' ');
  const metadata = el('cjis:MessageMetadata', el('cjis:MessageDateTime', at.toISOString().slice(0, 19)) + el('cjis:MessageIdentification', id(messageId))
    + el('cjis:MessageImplementationVersion', '2019.2') + el('cjis:MessageSubmittingOrganization', ori(agency)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<nibrs:Submission ${xmlns}>${metadata}${reports.join('\n')}</nibrs:Submission>\n`;
}
