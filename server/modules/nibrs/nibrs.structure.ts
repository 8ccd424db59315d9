import {
  ARMED_WITH, ARREST_TYPES, CRIMINAL_ACTIVITY, DRUG_TYPES, DRUG_UNITS, ETHNICITY_CODES, EXCEPTIONAL_CLEARANCE, INJURY_CODES, JUVENILE_DISPOSITIONS,
  MULTIPLE_ARRESTEE, OFFENDER_USING, PROPERTY_DESCRIPTIONS, PROPERTY_LOSS, RACE_CODES, RELATIONSHIPS, RESIDENT_CODES, SEX_CODES, VICTIM_TYPES,
  codeSet,
} from '../../../common/nibrs-codes.js';
import { NIBRS_LOCATIONS, NIBRS_OFFENSES, NIBRS_WEAPON_FORCE } from '../../../common/nibrs.js';

// The subset of the NIBRS 2019.2 IEPD schema this application emits, written down as content models: for each
// element, its children in schema order with their cardinality, or the pattern/code list of its text. The
// submission file is checked against it before it leaves the server (and in tests), element by element.

type Child = [name: string, min: number, max: number];
type Model = { children: Child[] } | { text: RegExp | ReadonlySet<string> } | { empty: true };

const seq = (...children: Child[]): Model => ({ children });
const one = (name: string): Child => [name, 1, 1];
const opt = (name: string): Child => [name, 0, 1];
const many = (name: string, min = 0): Child => [name, min, Infinity];
const text = (t: RegExp | ReadonlySet<string>): Model => ({ text: t });
const codes = (list: readonly { code: string }[]) => codeSet(list);
const withAutomatic = (list: readonly { code: string }[]) => new Set([...codeSet(list), ...['11', '12', '13', '14', '15'].map((c) => `${c}A`)]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ORI = /^[A-Z]{2}[A-Z0-9]{7}$/;

/** Content models by element name. */
export const MODELS: Record<string, Model> = {
  'nibrs:Submission': seq(one('cjis:MessageMetadata'), many('nibrs:Report')),
  'cjis:MessageMetadata': seq(one('cjis:MessageDateTime'), one('cjis:MessageIdentification'), one('cjis:MessageImplementationVersion'), one('cjis:MessageSubmittingOrganization')),
  'cjis:MessageDateTime': text(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
  'cjis:MessageIdentification': seq(one('nc:IdentificationID')),
  'cjis:MessageImplementationVersion': text(new Set(['2019.2'])),
  'cjis:MessageSubmittingOrganization': seq(one('j:OrganizationAugmentation')),
  'j:OrganizationAugmentation': seq(one('j:OrganizationORIIdentification')),
  'j:OrganizationORIIdentification': seq(one('nc:IdentificationID')),
  'nc:IdentificationID': text(/^[A-Za-z0-9-]{1,40}$/),
  'nibrs:Report': seq(one('nibrs:ReportHeader'), one('nc:Incident'), many('j:Offense'), many('nc:Location'), many('nc:Item'), many('nc:Substance'),
    many('nc:Person'), many('j:Victim'), many('j:Subject'), many('j:Arrestee'), many('j:Arrest'), many('j:ArrestSubjectAssociation'),
    many('j:OffenseLocationAssociation'), many('j:OffenseVictimAssociation'), many('j:SubjectVictimAssociation')),
  'nibrs:ReportHeader': seq(one('nibrs:NIBRSReportCategoryCode'), one('nibrs:ReportActionCategoryCode'), one('nibrs:ReportDate'), one('nibrs:ReportingAgency')),
  'nibrs:NIBRSReportCategoryCode': text(new Set(['GROUP A INCIDENT REPORT', 'GROUP B ARREST REPORT'])),
  'nibrs:ReportActionCategoryCode': text(new Set(['I', 'R', 'D'])),
  'nibrs:ReportDate': seq(one('nc:YearMonthDate')),
  'nc:YearMonthDate': text(/^\d{4}-(0[1-9]|1[0-2])$/),
  'nibrs:ReportingAgency': seq(one('j:OrganizationAugmentation')),
  'nc:Incident': seq(one('nc:ActivityIdentification'), opt('nc:ActivityDate'), opt('cjis:IncidentAugmentation'), opt('j:IncidentAugmentation')),
  'nc:ActivityIdentification': seq(one('nc:IdentificationID')),
  'nc:ActivityDate': seq(opt('nc:DateTime'), opt('nc:Date')),
  'nc:DateTime': text(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
  'nc:Date': text(DATE),
  'cjis:IncidentAugmentation': seq(one('cjis:IncidentReportDateIndicator')),
  'cjis:IncidentReportDateIndicator': text(new Set(['true', 'false'])),
  'j:IncidentAugmentation': seq(one('j:IncidentExceptionalClearanceCode'), opt('j:IncidentExceptionalClearanceDate')),
  'j:IncidentExceptionalClearanceCode': text(codes(EXCEPTIONAL_CLEARANCE)),
  'j:IncidentExceptionalClearanceDate': seq(one('nc:Date')),
  'j:Offense': seq(one('nibrs:OffenseUCRCode'), many('nibrs:CriminalActivityCategoryCode'), many('j:OffenseFactorBiasMotivationCode', 1), many('j:OffenseFactor', 1),
    many('j:OffenseForce'), one('j:OffenseAttemptedIndicator')),
  'nibrs:OffenseUCRCode': text(codes(NIBRS_OFFENSES)),
  'nibrs:CriminalActivityCategoryCode': text(codes(CRIMINAL_ACTIVITY)),
  'j:OffenseFactorBiasMotivationCode': text(/^(NONE|UNKNOWN|[1-8][0-9])$/),
  'j:OffenseFactor': seq(one('j:OffenseFactorCode')),
  'j:OffenseFactorCode': text(codes(OFFENDER_USING)),
  'j:OffenseForce': seq(one('j:ForceCategoryCode')),
  'j:ForceCategoryCode': text(withAutomatic(NIBRS_WEAPON_FORCE)),
  'j:OffenseAttemptedIndicator': text(new Set(['true', 'false'])),
  'nc:Location': seq(one('nibrs:LocationCategoryCode')),
  'nibrs:LocationCategoryCode': text(codes(NIBRS_LOCATIONS)),
  'nc:Item': seq(one('nc:ItemStatus'), opt('nc:ItemValue'), one('j:ItemCategoryNIBRSPropertyCategoryCode')),
  'nc:Substance': seq(one('nc:ItemStatus'), opt('nc:ItemValue'), one('j:ItemCategoryNIBRSPropertyCategoryCode'), one('j:DrugCategoryCode'), one('nc:SubstanceQuantityMeasure')),
  'nc:ItemStatus': seq(one('cjis:ItemStatusCode')),
  'cjis:ItemStatusCode': text(new Set(PROPERTY_LOSS.map((l) => l.xml))),
  'nc:ItemValue': seq(opt('nc:ItemValueAmount'), opt('nc:ItemValueDate')),
  'nc:ItemValueAmount': seq(one('nc:Amount')),
  'nc:Amount': text(/^\d{1,9}$/),
  'nc:ItemValueDate': seq(one('nc:Date')),
  'j:ItemCategoryNIBRSPropertyCategoryCode': text(codes(PROPERTY_DESCRIPTIONS)),
  'j:DrugCategoryCode': text(codes(DRUG_TYPES)),
  'nc:SubstanceQuantityMeasure': seq(opt('nc:MeasureDecimalValue'), one('j:SubstanceUnitCode')),
  'nc:MeasureDecimalValue': text(/^\d+(\.\d+)?$/),
  'j:SubstanceUnitCode': text(codes(DRUG_UNITS)),
  'nc:Person': seq(one('nc:PersonAgeMeasure'), one('j:PersonEthnicityCode'), one('j:PersonRaceNDExCode'), opt('j:PersonResidentCode'), one('j:PersonSexCode')),
  'nc:PersonAgeMeasure': seq(opt('nc:MeasureIntegerValue'), opt('nc:MeasureIntegerRange'), opt('nc:MeasureValueText')),
  'nc:MeasureIntegerValue': text(/^\d{1,2}$/),
  'nc:MeasureIntegerRange': seq(one('nc:RangeMaximumIntegerValue'), one('nc:RangeMinimumIntegerValue')),
  'nc:RangeMaximumIntegerValue': text(/^\d{1,2}$/),
  'nc:RangeMinimumIntegerValue': text(/^\d{1,2}$/),
  'nc:MeasureValueText': text(new Set(['NEONATAL', 'NEWBORN', 'BABY', 'UNKNOWN'])),
  'j:PersonEthnicityCode': text(codes(ETHNICITY_CODES)),
  'j:PersonRaceNDExCode': text(codes(RACE_CODES)),
  'j:PersonResidentCode': text(codes(RESIDENT_CODES)),
  'j:PersonSexCode': text(codes(SEX_CODES)),
  'j:Victim': seq(opt('nc:RoleOfPerson'), one('j:VictimSequenceNumberText'), many('j:VictimInjury'), one('j:VictimCategoryCode')),
  'nc:RoleOfPerson': { empty: true },
  'j:VictimSequenceNumberText': text(/^\d{1,3}$/),
  'j:VictimInjury': seq(one('j:InjuryCategoryCode')),
  'j:InjuryCategoryCode': text(codes(INJURY_CODES)),
  'j:VictimCategoryCode': text(codes(VICTIM_TYPES)),
  'j:Subject': seq(one('nc:RoleOfPerson'), one('j:SubjectSequenceNumberText')),
  'j:SubjectSequenceNumberText': text(/^\d{1,3}$/),
  'j:Arrestee': seq(one('nc:RoleOfPerson'), one('j:ArrestSequenceID'), many('j:ArresteeArmedWithCode', 1), opt('j:ArresteeJuvenileDispositionCode'), one('j:ArrestSubjectCountCode')),
  'j:ArrestSequenceID': text(/^\d{1,3}$/),
  'j:ArresteeArmedWithCode': text(withAutomatic(ARMED_WITH)),
  'j:ArresteeJuvenileDispositionCode': text(codes(JUVENILE_DISPOSITIONS)),
  'j:ArrestSubjectCountCode': text(codes(MULTIPLE_ARRESTEE)),
  'j:Arrest': seq(one('nc:ActivityIdentification'), one('nc:ActivityDate'), one('j:ArrestCharge'), one('j:ArrestCategoryCode')),
  'j:ArrestCharge': seq(one('nibrs:ChargeUCRCode')),
  'nibrs:ChargeUCRCode': text(codes(NIBRS_OFFENSES)),
  'j:ArrestCategoryCode': text(codes(ARREST_TYPES)),
  'j:ArrestSubjectAssociation': seq(one('nc:Activity'), one('j:Subject')),
  'nc:Activity': { empty: true },
  'j:OffenseLocationAssociation': seq(one('j:Offense'), one('nc:Location')),
  'j:OffenseVictimAssociation': seq(one('j:Offense'), one('j:Victim')),
  'j:SubjectVictimAssociation': seq(one('j:Subject'), one('j:Victim'), one('nibrs:VictimToSubjectRelationshipCode')),
  'nibrs:VictimToSubjectRelationshipCode': text(new Set(RELATIONSHIPS.map((r) => r.xml))),
};

interface Node { name: string; attrs: string; children: Node[]; text: string }

/** Parses the (well-formed, namespace-prefixed) XML this application writes into a tree; throws on a broken nesting. */
export function parse(xml: string): Node {
  const root: Node = { name: '#root', attrs: '', children: [], text: '' };
  const stack = [root];
  const declaration = /^<\?xml[^>]*\?>/.exec(xml);
  const tokens = /<(\/?)([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g;
  tokens.lastIndex = declaration ? declaration[0].length : 0;
  for (let m = tokens.exec(xml); m !== null; m = tokens.exec(xml)) {
    const top = stack.at(-1)!;
    if (m[5] !== undefined) { top.text += m[5]; continue; }
    if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const node: Node = { name: m[2]!, attrs: m[3] ?? '', children: [], text: '' };
    top.children.push(node);
    if (!m[4]) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  return root;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

const positions = new WeakMap<Model, Map<string, number>>();

/** Each allowed child's place in its parent's content model, computed once per model. */
function positionsOf(model: { children: Child[] }): Map<string, number> {
  let order = positions.get(model);
  if (!order) {
    order = new Map();
    model.children.forEach(([name], i) => { if (!order!.has(name)) order!.set(name, i); });
    positions.set(model, order);
  }
  return order;
}

/**
 * Checks a submission against the content models: known elements only, children in schema order and within
 * their cardinality, text from the code lists, every s:ref pointing at an s:id of the same report. Returns
 * the problems (empty when valid), each with the element's path.
 */
export function checkSubmission(xml: string): string[] {
  const problems: string[] = [];
  const root = parse(xml);
  const visit = (node: Node, path: string, ids: Set<string>, refs: string[]) => {
    const model = MODELS[node.name];
    const here = `${path}/${node.name}`;
    if (!model) { problems.push(`${here}: element not in the schema`); return; }
    // Most elements have no attributes: skip the two searches for them.
    const sid = node.attrs ? /s:id="([^"]+)"/.exec(node.attrs)?.[1] : undefined;
    if (sid) ids.add(sid);
    const ref = node.attrs ? /s:ref="([^"]+)"/.exec(node.attrs)?.[1] : undefined;
    if (ref) refs.push(ref);
    // A reference (<j:Victim s:ref="Victim1"/>) stands for the element it names: it must be empty.
    if (ref || 'empty' in model) {
      if (node.children.length || node.text.trim()) problems.push(`${here}: a reference must be empty`);
      if (!ref) problems.push(`${here}: needs s:ref`);
      return;
    }
    if ('text' in model) {
      const value = unescape(node.text.trim());
      const ok = model.text instanceof RegExp ? model.text.test(value) : model.text.has(value);
      if (!ok || node.children.length) problems.push(`${here}: "${value}" is not a valid value`);
      return;
    }
    if (node.text.trim()) problems.push(`${here}: text where only elements are allowed`);
    let position = 0;
    const counts = new Map<string, number>();
    const order = positionsOf(model);
    for (const child of node.children) {
      const at = order.get(child.name) ?? -1;
      if (at < 0) problems.push(`${here}: <${child.name}> is not allowed here`);
      else if (at < position) problems.push(`${here}: <${child.name}> is out of schema order`);
      else position = at;
      counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
    }
    for (const [name, min, max] of model.children) {
      const n = counts.get(name) ?? 0;
      if (n < min || n > max) problems.push(`${here}: <${name}> appears ${n} times (allowed ${min}..${max === Infinity ? 'n' : max})`);
    }
    for (const child of node.children) {
      if (child.name === 'nibrs:Report') {
        const reportIds = new Set<string>();
        const reportRefs: string[] = [];
        visit(child, here, reportIds, reportRefs);
        for (const r of reportRefs) if (!reportIds.has(r)) problems.push(`${here}/nibrs:Report: s:ref="${r}" has no s:id`);
      } else visit(child, here, ids, refs);
    }
  };
  if (root.children.length !== 1) return ['the document must have one root element'];
  visit(root.children[0]!, '', new Set(), []);
  const agency = /<nibrs:ReportingAgency>.*?<nc:IdentificationID>([^<]*)</.exec(xml)?.[1];
  if (agency !== undefined && !ORI.test(agency)) problems.push(`ReportingAgency: ${agency} is not an ORI`);
  return problems;
}
