// NIBRS data values of the segments an SRO report carries (FBI NIBRS User Manual / Technical Specification,
// data elements named by number: DE 8 offender suspected of using, DE 13 weapon/force, ...). The XML names of the
// values (the 2019.2 IEPD code lists spell some as words) sit beside the codes for the submission file.

/** A code and its label. */
export interface Code {
  code: string;
  name: string;
}

const codes = (pairs: [string, string][]): readonly Code[] => pairs.map(([code, name]) => ({ code, name }));

/** DE 8: offender(s) suspected of using; N stands alone. */
export const OFFENDER_USING = codes([['A', 'Alcohol'], ['C', 'Computer equipment'], ['D', 'Drugs/narcotics'], ['N', 'Not applicable']]);

/** DE 8A: bias motivation (88 None and 99 Unknown stand alone). */
export const BIAS_MOTIVATION = codes([
  ['11', 'Anti-White'], ['12', 'Anti-Black or African American'], ['13', 'Anti-American Indian or Alaska Native'], ['14', 'Anti-Asian'],
  ['15', 'Anti-Multiple Races, Group'], ['16', 'Anti-Native Hawaiian or Other Pacific Islander'], ['21', 'Anti-Jewish'], ['22', 'Anti-Catholic'],
  ['23', 'Anti-Protestant'], ['24', 'Anti-Islamic (Muslim)'], ['25', 'Anti-Other Religion'], ['26', 'Anti-Multiple Religions, Group'],
  ['27', 'Anti-Atheism/Agnosticism'], ['28', 'Anti-Mormon'], ['29', 'Anti-Jehovah\'s Witness'], ['31', 'Anti-Arab'],
  ['32', 'Anti-Hispanic or Latino'], ['33', 'Anti-Other Race/Ethnicity/Ancestry'], ['41', 'Anti-Gay (Male)'], ['42', 'Anti-Lesbian'],
  ['43', 'Anti-Lesbian, Gay, Bisexual, or Transgender (Mixed Group)'], ['44', 'Anti-Heterosexual'], ['45', 'Anti-Bisexual'],
  ['51', 'Anti-Physical Disability'], ['52', 'Anti-Mental Disability'], ['61', 'Anti-Male'], ['62', 'Anti-Female'], ['71', 'Anti-Transgender'],
  ['72', 'Anti-Gender Non-Conforming'], ['81', 'Anti-Eastern Orthodox'], ['82', 'Anti-Other Christian'], ['83', 'Anti-Buddhist'],
  ['84', 'Anti-Hindu'], ['85', 'Anti-Sikh'], ['88', 'None (no bias)'], ['99', 'Unknown (offender\'s motivation not known)'],
]);

/** DE 12: type criminal activity (A..U) and gang information (G, J, N). */
export const CRIMINAL_ACTIVITY = codes([
  ['B', 'Buying/receiving'], ['C', 'Cultivating/manufacturing/publishing'], ['D', 'Distributing/selling'], ['E', 'Exploiting children'],
  ['O', 'Operating/promoting/assisting'], ['P', 'Possessing/concealing'], ['T', 'Transporting/transmitting/importing'], ['U', 'Using/consuming'],
  ['A', 'Simple/gross neglect (animal)'], ['F', 'Organized abuse (animal)'], ['I', 'Intentional abuse and torture (animal)'], ['S', 'Animal sexual abuse'],
  ['J', 'Juvenile gang'], ['G', 'Other gang'], ['N', 'None/unknown gang involvement'],
]);
/** DE 12 codes that describe gang involvement rather than an activity. */
export const GANG_CODES: ReadonlySet<string> = new Set(['J', 'G', 'N']);

/** DE 25: type of victim. */
export const VICTIM_TYPES = codes([
  ['I', 'Individual'], ['B', 'Business'], ['F', 'Financial institution'], ['G', 'Government'], ['L', 'Law enforcement officer'],
  ['R', 'Religious organization'], ['S', 'Society/public'], ['O', 'Other'], ['U', 'Unknown'],
]);
/** DE 27/38/48: sex. */
export const SEX_CODES = codes([['M', 'Male'], ['F', 'Female'], ['U', 'Unknown']]);
/** DE 28/39/49: race. */
export const RACE_CODES = codes([
  ['W', 'White'], ['B', 'Black or African American'], ['I', 'American Indian or Alaska Native'], ['A', 'Asian'],
  ['P', 'Native Hawaiian or Other Pacific Islander'], ['U', 'Unknown'],
]);
/** DE 29/39A/50: ethnicity. */
export const ETHNICITY_CODES = codes([['H', 'Hispanic or Latino'], ['N', 'Not Hispanic or Latino'], ['U', 'Unknown']]);
/** DE 30/51: resident status. */
export const RESIDENT_CODES = codes([['R', 'Resident'], ['N', 'Nonresident'], ['U', 'Unknown']]);
/** DE 33: type injury (N stands alone). */
export const INJURY_CODES = codes([
  ['N', 'None'], ['B', 'Apparent broken bones'], ['I', 'Possible internal injury'], ['L', 'Severe laceration'], ['M', 'Apparent minor injury'],
  ['O', 'Other major injury'], ['T', 'Loss of teeth'], ['U', 'Unconsciousness'],
]);
/** DE 35: relationship of victim to offender, with the word the XML code list uses. */
export const RELATIONSHIPS: readonly (Code & { xml: string })[] = [
  ['SE', 'Spouse', 'Family Member_Spouse'], ['CS', 'Common-law spouse', 'Family Member_Spouse_Common Law'], ['PA', 'Parent', 'Family Member_Parent'],
  ['SB', 'Sibling', 'Family Member_Sibling'], ['CH', 'Child', 'Family Member_Child'], ['GP', 'Grandparent', 'Family Member_Grandparent'],
  ['GC', 'Grandchild', 'Family Member_Grandchild'], ['IL', 'In-law', 'Family Member_In-Law'], ['SP', 'Stepparent', 'Family Member_Stepparent'],
  ['SC', 'Stepchild', 'Family Member_Stepchild'], ['SS', 'Stepsibling', 'Family Member_Stepsibling'], ['OF', 'Other family member', 'Family Member'],
  ['AQ', 'Acquaintance', 'Acquaintance'], ['FR', 'Friend', 'Friend'], ['NE', 'Neighbor', 'Neighbor'], ['BE', 'Babysittee', 'Babysittee'],
  ['BG', 'Boyfriend/girlfriend', 'Boyfriend_Girlfriend'], ['CF', 'Child of boyfriend/girlfriend', 'Child of Boyfriend_Girlfriend'],
  ['XR', 'Ex-relationship', 'Ex_Relationship'], ['XS', 'Ex-spouse', 'Ex_Spouse'], ['EE', 'Employee', 'Employee'], ['ER', 'Employer', 'Employer'],
  ['OK', 'Otherwise known', 'NonFamily_Otherwise Known'], ['RU', 'Relationship unknown', 'Relationship Unknown'], ['ST', 'Stranger', 'Stranger'],
  ['VO', 'Victim was offender', 'Victim Was Offender'],
].map(([code, name, xml]) => ({ code: code!, name: name!, xml: xml! }));

/** DE 43: type of arrest. */
export const ARREST_TYPES = codes([['O', 'On-view arrest'], ['S', 'Summoned/cited'], ['T', 'Taken into custody']]);
/** DE 46: arrestee was armed with (11-15 take the automatic indicator A; 01 stands alone). */
export const ARMED_WITH = codes([
  ['01', 'Unarmed'], ['11', 'Firearm (type not stated)'], ['12', 'Handgun'], ['13', 'Rifle'], ['14', 'Shotgun'], ['15', 'Other firearm'],
  ['16', 'Lethal cutting instrument'], ['17', 'Club/blackjack/brass knuckles'],
]);
/** DE 44: multiple arrestee segments indicator. */
export const MULTIPLE_ARRESTEE = codes([['C', 'Count arrestee'], ['M', 'Multiple (do not count)'], ['N', 'Not applicable']]);
/** DE 52: disposition of arrestee under 18. */
export const JUVENILE_DISPOSITIONS = codes([['H', 'Handled within department'], ['R', 'Referred to other authorities']]);
/** DE 4: cleared exceptionally. */
export const EXCEPTIONAL_CLEARANCE = codes([
  ['A', 'Death of offender'], ['B', 'Prosecution declined'], ['C', 'In custody of other jurisdiction'], ['D', 'Victim refused to cooperate'],
  ['E', 'Juvenile, no custody'], ['N', 'Not applicable'],
]);

/** DE 14: type property loss, with the word of the XML code list. */
export const PROPERTY_LOSS: readonly (Code & { xml: string })[] = [
  ['1', 'None', 'NONE'], ['2', 'Burned', 'BURNED'], ['3', 'Counterfeited/forged', 'COUNTERFEITED'],
  ['4', 'Destroyed/damaged/vandalized', 'DESTROYED_DAMAGED_VANDALIZED'], ['5', 'Recovered', 'RECOVERED'], ['6', 'Seized', 'SEIZED'],
  ['7', 'Stolen/etc.', 'STOLEN'], ['8', 'Unknown', 'UNKNOWN'],
].map(([code, name, xml]) => ({ code: code!, name: name!, xml: xml! }));

/** DE 15: property description. */
export const PROPERTY_DESCRIPTIONS = codes([
  ['01', 'Aircraft'], ['02', 'Alcohol'], ['03', 'Automobiles'], ['04', 'Bicycles'], ['05', 'Buses'], ['06', 'Clothes/furs'],
  ['07', 'Computer hardware/software'], ['08', 'Consumable goods'], ['09', 'Credit/debit cards'], ['10', 'Drugs/narcotics'],
  ['11', 'Drug/narcotic equipment'], ['12', 'Farm equipment'], ['13', 'Firearms'], ['14', 'Gambling equipment'],
  ['15', 'Heavy construction/industrial equipment'], ['16', 'Household goods'], ['17', 'Jewelry/precious metals/gems'], ['18', 'Livestock'],
  ['19', 'Merchandise'], ['20', 'Money'], ['21', 'Negotiable instruments'], ['22', 'Nonnegotiable instruments'], ['23', 'Office-type equipment'],
  ['24', 'Other motor vehicles'], ['25', 'Purses/handbags/wallets'], ['26', 'Radios/TVs/VCRs/DVD players'], ['27', 'Recordings, audio/visual'],
  ['28', 'Recreational vehicles'], ['29', 'Structures, single occupancy dwellings'], ['30', 'Structures, other dwellings'],
  ['31', 'Structures, other commercial/business'], ['32', 'Structures, industrial/manufacturing'], ['33', 'Structures, public/community'],
  ['34', 'Structures, storage'], ['35', 'Structures, other'], ['36', 'Tools'], ['37', 'Trucks'], ['38', 'Vehicle parts/accessories'],
  ['39', 'Watercraft'], ['41', 'Aircraft parts/accessories'], ['42', 'Artistic supplies/accessories'], ['43', 'Building materials'],
  ['44', 'Camping/hunting/fishing equipment/supplies'], ['45', 'Chemicals'], ['46', 'Collections/collectibles'], ['47', 'Crops'],
  ['48', 'Documents, personal or business'], ['49', 'Explosives'], ['59', 'Firearm accessories'], ['64', 'Fuel'], ['65', 'Identity documents'],
  ['66', 'Identity, intangible'], ['67', 'Law enforcement equipment'], ['68', 'Lawn/yard/garden equipment'], ['69', 'Logging equipment'],
  ['70', 'Medical/medical lab equipment'], ['71', 'Metals, non-precious'], ['72', 'Musical instruments'], ['73', 'Pets'],
  ['74', 'Photographic/optical equipment'], ['75', 'Portable electronic communications'], ['76', 'Recreational/sports equipment'],
  ['77', 'Other'], ['78', 'Trailers'], ['79', 'Watercraft equipment/parts/accessories'], ['80', 'Weapons, other'], ['88', 'Pending inventory'],
]);
/** DE 20: suspected drug type. */
export const DRUG_TYPES = codes([
  ['A', 'Crack cocaine'], ['B', 'Cocaine'], ['C', 'Hashish'], ['D', 'Heroin'], ['E', 'Marijuana'], ['F', 'Morphine'], ['G', 'Opium'],
  ['H', 'Other narcotics'], ['I', 'LSD'], ['J', 'PCP'], ['K', 'Other hallucinogens'], ['L', 'Amphetamines/methamphetamines'],
  ['M', 'Other stimulants'], ['N', 'Barbiturates'], ['O', 'Other depressants'], ['P', 'Other drugs'], ['U', 'Unknown drug type'],
  ['X', 'Over 3 drug types'],
]);
/** DE 22: type drug measurement. */
export const DRUG_UNITS = codes([
  ['GM', 'Gram'], ['KG', 'Kilogram'], ['OZ', 'Ounce'], ['LB', 'Pound'], ['ML', 'Milliliter'], ['LT', 'Liter'], ['FO', 'Fluid ounce'],
  ['GL', 'Gallon'], ['DU', 'Dosage units/items'], ['NP', 'Number of plants'], ['XX', 'Not reported'],
]);

/** DE 13 base codes that are firearms: only these take the automatic indicator "A" (12A automatic handgun). */
export const FIREARM_CODES: ReadonlySet<string> = new Set(['11', '12', '13', '14', '15']);

/** The set of codes of a table, for membership checks. */
export function codeSet(table: readonly { code: string }[]): ReadonlySet<string> {
  return new Set(table.map((c) => c.code));
}
