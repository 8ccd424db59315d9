import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident, createWorld, auditOf, type World } from '../incidents/incidents.test-support.js';
import { checkSubmission } from './nibrs.structure.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 120_000);
afterAll(async () => w?.t.close());

const codes = { offenderUsing: ['N'], bias: ['88'] };
const visitor = (role: string, nibrs: Record<string, unknown>) => ({ kind: 'visitor', role, firstName: 'Vic', lastName: `Visitor${role}`, nibrs });

/** The four worked incidents of the issue, each complete for NIBRS. */
const WORKED = {
  assaultWithWeapon: {
    offenses: [{ kind: 'nibrs', code: '13A', weaponForce: ['12A'], criminalActivity: ['N'], ...codes }],
    persons: [
      visitor('victim', { victimType: 'I', age: '34', sex: 'M', race: 'W', ethnicity: 'N', resident: 'R', injuries: ['B'], relationships: [{ offender: 1, code: 'ST' }], offenses: [0] }),
      { kind: 'student', role: 'suspect', studentId: 'ADULT' },
    ],
    actions: [],
  },
  drugPossession: {
    offenses: [{ kind: 'nibrs', code: '35A', criminalActivity: ['P'], ...codes }],
    persons: [{ kind: 'student', role: 'suspect', studentId: 'ADULT' }],
    actions: [],
    property: [{ lossType: '6', description: '10', drug: { type: 'E', quantity: 3.5, unit: 'GM' } }],
  },
  theftRecovered: {
    offenses: [{ kind: 'nibrs', code: '23D', ...codes }],
    persons: [
      { kind: 'student', role: 'victim', studentId: 'JUVENILE', nibrs: { victimType: 'I', resident: 'R', offenses: [0] } },
      visitor('suspect', { age: '25-30', sex: 'F', race: 'U', ethnicity: 'U' }),
    ],
    actions: [],
    property: [
      { lossType: '7', description: '75', value: 400, text: 'Phone' },
      { lossType: '5', description: '75', value: 400, recoveredOn: '2026-11-02' },
    ],
  },
  juvenileArrest: {
    offenses: [{ kind: 'nibrs', code: '13B', weaponForce: ['40'], criminalActivity: ['N'], ...codes }],
    persons: [
      visitor('victim', { victimType: 'I', age: '15', sex: 'F', race: 'B', ethnicity: 'H', resident: 'R', injuries: ['M'], relationships: [{ offender: 1, code: 'AQ' }], offenses: [0] }),
      { kind: 'student', role: 'suspect', studentId: 'JUVENILE' },
    ],
    actions: [{ person: 1, kind: 'arrest', arrest: { type: 'T', offenseCode: '13B', armedWith: ['01'], multiple: 'N', juvenileDisposition: 'H' } }],
  },
};

function withStudents(body: Record<string, unknown>) {
  return JSON.parse(JSON.stringify(body).replaceAll('"ADULT"', `"${w.adult}"`).replaceAll('"JUVENILE"', `"${w.juvenile}"`)) as Record<string, unknown>;
}

async function approve(body: Record<string, unknown>) {
  const created = await createIncident(w, 'sro', withStudents(body));
  const submitted = await w.as.sro!.post(`/api/incidents/${created.id}/submit`, { version: created.version });
  expect(submitted.status, submitted.text).toBe(200);
  const approved = await w.as.supervisor!.post(`/api/incidents/${created.id}/approve`, { version: submitted.body.version });
  expect(approved.status, approved.text).toBe(200);
  return approved.body as { id: string; number: string; nibrsIssues: unknown[] };
}

describe('NIBRS edits at save', () => {
  it('refuses simple assault with a handgun: 400 on offenses.0.weaponForce, rule simple_assault_weapon', async () => {
    const res = await w.as.sro!.post('/api/incidents', withStudents({ ...WORKED.juvenileArrest, schoolId: w.north, occurredAt: '2026-11-02T10:15:00Z', offenses: [{ kind: 'nibrs', code: '13B', weaponForce: ['12'] }], actions: [] }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'offenses.0.weaponForce', rule: 'simple_assault_weapon' });
  });

  it('refuses 99 None together with another weapon code', async () => {
    const res = await w.as.sro!.post('/api/incidents', withStudents({ schoolId: w.north, occurredAt: '2026-11-02T10:15:00Z', offenses: [{ kind: 'nibrs', code: '13A', weaponForce: ['99', '20'] }] }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'offenses.0.weaponForce', rule: 'weapon_none_alone' });
  });

  it('refuses age, sex or race typed for a roster student (they come from the roster)', async () => {
    const res = await w.as.sro!.post('/api/incidents', withStudents({ schoolId: w.north, occurredAt: '2026-11-02T10:15:00Z', persons: [{ kind: 'student', role: 'suspect', studentId: 'ADULT', nibrs: { sex: 'F' } }] }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'persons.0.nibrs.sex', rule: 'roster_demographics' });
  });

  it('a juvenile arrest without a disposition saves but lists the failing edit on the incident', async () => {
    const body = withStudents({ ...WORKED.juvenileArrest, schoolId: w.north, occurredAt: '2026-11-02T10:15:00Z' });
    (body.actions as { arrest: Record<string, unknown> }[])[0]!.arrest.juvenileDisposition = null;
    const res = await w.as.sro!.post('/api/incidents', body);
    expect(res.status, res.text).toBe(201);
    expect(res.body.nibrsIssues).toEqual([expect.objectContaining({ rule: 'juvenile_disposition_required', field: 'actions.0.arrest.juvenileDisposition' })]);
  });
});

describe('the NIBRS submission file', () => {
  it('needs the nibrs.submit permission: an SRO is refused (403)', async () => {
    const res = await w.as.sro!.get('/api/nibrs/submissions/preview?month=2026-11');
    expect(res.status).toBe(403);
  });

  it('refuses to generate without an ORI (409 nibrsOri), then exports the worked incidents, replaces them, and deletes a sealed one', async () => {
    const done = {} as Record<keyof typeof WORKED, { id: string; number: string; nibrsIssues: unknown[] }>;
    for (const [key, body] of Object.entries(WORKED)) done[key as keyof typeof WORKED] = await approve(body);
    for (const d of Object.values(done)) expect(d.nibrsIssues).toEqual([]);
    const incomplete = await approve({ offenses: [{ kind: 'nibrs', code: '23D' }], persons: [], actions: [] });

    const noOri = await w.as.supervisor!.post('/api/nibrs/submissions', { month: '2026-11' });
    expect(noOri.status).toBe(409);
    expect(noOri.body.error.field).toBe('nibrsOri');
    const ori = await w.as.director!.patch('/api/district', { nibrsOri: 'tx1234500' });
    expect(ori.status, ori.text).toBe(200);
    expect(ori.body.nibrsOri).toBe('TX1234500');

    const preview = await w.as.supervisor!.get('/api/nibrs/submissions/preview?month=2026-11');
    expect(preview.status).toBe(200);
    const failed = preview.body.items.find((i: { incidentId: string }) => i.incidentId === incomplete.id);
    expect(failed.action).toBeNull();
    expect(failed.issues.map((i: { rule: string }) => i.rule)).toEqual(expect.arrayContaining(['offender_using_required', 'victim_required', 'property_segment_required']));
    for (const d of Object.values(done)) expect(preview.body.items.find((i: { incidentId: string }) => i.incidentId === d.id).action).toBe('I');
    expect((await auditOf(w, 'nibrs.previewed')).length).toBe(1);

    const file = await w.as.supervisor!.post('/api/nibrs/submissions', { month: '2026-11' });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('application/xml');
    const xml = file.text;
    expect(checkSubmission(xml)).toEqual([]);
    expect(xml.match(/<nibrs:Report>/g)!.length).toBe(4);
    expect(xml).not.toContain(incomplete.number);
    expect(xml).toContain('<j:ForceCategoryCode>12A</j:ForceCategoryCode>');
    expect(xml).toContain('<nc:MeasureDecimalValue>3.5</nc:MeasureDecimalValue><j:SubstanceUnitCode>GM</j:SubstanceUnitCode>');
    expect(xml).toContain('<j:VictimCategoryCode>S</j:VictimCategoryCode>');
    expect(xml).toContain('<cjis:ItemStatusCode>RECOVERED</cjis:ItemStatusCode></nc:ItemStatus><nc:ItemValue><nc:ItemValueAmount><nc:Amount>400</nc:Amount></nc:ItemValueAmount><nc:ItemValueDate><nc:Date>2026-11-02</nc:Date>');
    expect(xml).toContain('<j:ArresteeJuvenileDispositionCode>H</j:ArresteeJuvenileDispositionCode>');
    expect(xml).toContain('<nibrs:VictimToSubjectRelationshipCode>Stranger</nibrs:VictimToSubjectRelationshipCode>');
    // The juvenile's age, sex and race come from the roster (born 2010-03-04, male, black: 16 on 2026-11-02).
    expect(xml).toContain('<nc:MeasureIntegerValue>16</nc:MeasureIntegerValue></nc:PersonAgeMeasure><j:PersonEthnicityCode>N</j:PersonEthnicityCode><j:PersonRaceNDExCode>B</j:PersonRaceNDExCode>');
    expect((await auditOf(w, 'nibrs.exported')).length).toBe(1);

    const sealed = await w.as.supervisor!.post(`/api/incidents/${done.theftRecovered.id}/seal`, { reason: 'Juvenile court order 2026-JV-12' });
    expect(sealed.status, sealed.text).toBe(204);
    const again = await w.as.supervisor!.post('/api/nibrs/submissions', { month: '2026-11' });
    expect(again.status, again.text).toBe(200);
    expect(checkSubmission(again.text)).toEqual([]);
    expect(again.text.match(/<nibrs:ReportActionCategoryCode>R</g)!.length).toBe(3);
    expect(again.text.match(/<nibrs:ReportActionCategoryCode>D</g)!.length).toBe(1);
    expect(again.text).toContain(done.theftRecovered.number);
    const list = await w.as.supervisor!.get('/api/nibrs/submissions');
    expect(list.body.items.map((i: { counts: { delete: number } }) => i.counts.delete)).toEqual([1, 0]);
  });

  it('the structure check catches an element out of schema order and a code outside its list', () => {
    const ok = '<nibrs:Submission><cjis:MessageMetadata><cjis:MessageDateTime>2026-11-02T10:00:00</cjis:MessageDateTime><cjis:MessageIdentification><nc:IdentificationID>1</nc:IdentificationID></cjis:MessageIdentification><cjis:MessageImplementationVersion>2019.2</cjis:MessageImplementationVersion><cjis:MessageSubmittingOrganization><j:OrganizationAugmentation><j:OrganizationORIIdentification><nc:IdentificationID>TX1234500</nc:IdentificationID></j:OrganizationORIIdentification></j:OrganizationAugmentation></cjis:MessageSubmittingOrganization></cjis:MessageMetadata></nibrs:Submission>';
    expect(checkSubmission(ok)).toEqual([]);
    expect(checkSubmission(ok.replace('2019.2', '4.2'))).toEqual([expect.stringContaining('"4.2" is not a valid value')]);
    const swapped = ok.replace(/(<cjis:MessageDateTime>.*?<\/cjis:MessageDateTime>)(<cjis:MessageIdentification>.*?<\/cjis:MessageIdentification>)/, '$2$1');
    expect(checkSubmission(swapped)).toEqual([expect.stringContaining('out of schema order')]);
  });
});
