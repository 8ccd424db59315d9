// Copied from ../shared/reference/nibrs-offenses.csv and nibrs-locations.csv (FBI NIBRS). The tables are
// data kept in code so server validation and the web form read the same list.

/** One NIBRS offense: code, name, crime against, category, group (A or B). */
export interface NibrsOffense {
  code: string;
  name: string;
  crimeAgainst: 'Person' | 'Property' | 'Society';
  category: string;
  group: 'A' | 'B';
}

/** Every NIBRS offense code (71 Group A, 13 Group B; 90I Runaway is retired and absent). */
export const NIBRS_OFFENSES: readonly NibrsOffense[] = [
  { code: '09A', name: 'Murder and Nonnegligent Manslaughter', crimeAgainst: 'Person', category: 'Homicide Offenses', group: 'A' },
  { code: '09B', name: 'Negligent Manslaughter', crimeAgainst: 'Person', category: 'Homicide Offenses', group: 'A' },
  { code: '09C', name: 'Justifiable Homicide', crimeAgainst: 'Person', category: 'Homicide Offenses', group: 'A' },
  { code: '100', name: 'Kidnapping/Abduction', crimeAgainst: 'Person', category: 'Kidnapping/Abduction', group: 'A' },
  { code: '101', name: 'Treason', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '103', name: 'Espionage', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '11A', name: 'Rape', crimeAgainst: 'Person', category: 'Sex Offenses', group: 'A' },
  { code: '11B', name: 'Sodomy', crimeAgainst: 'Person', category: 'Sex Offenses', group: 'A' },
  { code: '11C', name: 'Sexual Assault With An Object', crimeAgainst: 'Person', category: 'Sex Offenses', group: 'A' },
  { code: '11D', name: 'Criminal Sexual Contact', crimeAgainst: 'Person', category: 'Sex Offenses', group: 'A' },
  { code: '120', name: 'Robbery', crimeAgainst: 'Property', category: 'Robbery', group: 'A' },
  { code: '13A', name: 'Aggravated Assault', crimeAgainst: 'Person', category: 'Assault Offenses', group: 'A' },
  { code: '13B', name: 'Simple Assault', crimeAgainst: 'Person', category: 'Assault Offenses', group: 'A' },
  { code: '13C', name: 'Intimidation', crimeAgainst: 'Person', category: 'Assault Offenses', group: 'A' },
  { code: '200', name: 'Arson', crimeAgainst: 'Property', category: 'Arson', group: 'A' },
  { code: '210', name: 'Extortion/Blackmail', crimeAgainst: 'Property', category: 'Extortion/Blackmail', group: 'A' },
  { code: '220', name: 'Burglary/Breaking & Entering', crimeAgainst: 'Property', category: 'Burglary/Breaking & Entering', group: 'A' },
  { code: '23A', name: 'Pocket-picking', crimeAgainst: 'Property', category: 'Larceny/Theft Offenses', group: 'A' },
  { code: '23B', name: 'Purse-snatching', crimeAgainst: 'Property', category: 'Larceny/Theft Offenses', group: 'A' },
  { code: '23C', name: 'Shoplifting', crimeAgainst: 'Property', category: 'Larceny/Theft Offenses', group: 'A' },
  { code: '23D', name: 'Theft From Building', crimeAgainst: 'Property', category: 'Larceny/Theft Offenses', group: 'A' },
  { code: '23E', name: 'Theft From Coin-Operated Machine or Device', crimeAgainst: 'Property', category: 'Larceny/Theft Offenses', group: 'A' },
  { code: '23F', name: 'Theft From Motor Vehicle', crimeAgainst: 'Property', category: 'Larceny/Theft Offenses', group: 'A' },
  { code: '23G', name: 'Theft of Motor Vehicle Parts or Accessories', crimeAgainst: 'Property', category: 'Larceny/Theft Offenses', group: 'A' },
  { code: '23H', name: 'All Other Larceny', crimeAgainst: 'Property', category: 'Larceny/Theft Offenses', group: 'A' },
  { code: '240', name: 'Motor Vehicle Theft', crimeAgainst: 'Property', category: 'Motor Vehicle Theft', group: 'A' },
  { code: '250', name: 'Counterfeiting/Forgery', crimeAgainst: 'Property', category: 'Counterfeiting/Forgery', group: 'A' },
  { code: '26A', name: 'False Pretenses/Swindle/Confidence Game', crimeAgainst: 'Property', category: 'Fraud Offenses', group: 'A' },
  { code: '26B', name: 'Credit Card/Automated Teller Machine Fraud', crimeAgainst: 'Property', category: 'Fraud Offenses', group: 'A' },
  { code: '26C', name: 'Impersonation', crimeAgainst: 'Property', category: 'Fraud Offenses', group: 'A' },
  { code: '26D', name: 'Welfare Fraud', crimeAgainst: 'Property', category: 'Fraud Offenses', group: 'A' },
  { code: '26E', name: 'Wire Fraud', crimeAgainst: 'Property', category: 'Fraud Offenses', group: 'A' },
  { code: '26F', name: 'Identity Theft', crimeAgainst: 'Property', category: 'Fraud Offenses', group: 'A' },
  { code: '26G', name: 'Hacking/Computer Invasion', crimeAgainst: 'Property', category: 'Fraud Offenses', group: 'A' },
  { code: '26H', name: 'Money Laundering', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '270', name: 'Embezzlement', crimeAgainst: 'Property', category: 'Embezzlement', group: 'A' },
  { code: '280', name: 'Stolen Property Offenses', crimeAgainst: 'Property', category: 'Stolen Property Offenses', group: 'A' },
  { code: '290', name: 'Destruction/Damage/Vandalism of Property', crimeAgainst: 'Property', category: 'Destruction/Damage/Vandalism of Property', group: 'A' },
  { code: '30A', name: 'Illegal Entry into the United States', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '30B', name: 'False Citizenship', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '30C', name: 'Smuggling Aliens', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '30D', name: 'Re-entry after Deportation', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '35A', name: 'Drug/Narcotic Violations', crimeAgainst: 'Society', category: 'Drug/Narcotic Offenses', group: 'A' },
  { code: '35B', name: 'Drug Equipment Violations', crimeAgainst: 'Society', category: 'Drug/Narcotic Offenses', group: 'A' },
  { code: '360', name: 'Failure to Register as a Sex Offender', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '36A', name: 'Incest', crimeAgainst: 'Person', category: 'Sex Offenses, Non-forcible', group: 'A' },
  { code: '36B', name: 'Statutory Rape', crimeAgainst: 'Person', category: 'Sex Offenses, Non-forcible', group: 'A' },
  { code: '370', name: 'Pornography/Obscene Material', crimeAgainst: 'Society', category: 'Pornography/Obscene Material', group: 'A' },
  { code: '39A', name: 'Betting/Wagering', crimeAgainst: 'Society', category: 'Gambling Offenses', group: 'A' },
  { code: '39B', name: 'Operating/Promoting/Assisting Gambling', crimeAgainst: 'Society', category: 'Gambling Offenses', group: 'A' },
  { code: '39C', name: 'Gambling Equipment Violation', crimeAgainst: 'Society', category: 'Gambling Offenses', group: 'A' },
  { code: '39D', name: 'Sports Tampering', crimeAgainst: 'Society', category: 'Gambling Offenses', group: 'A' },
  { code: '40A', name: 'Prostitution', crimeAgainst: 'Society', category: 'Prostitution Offenses', group: 'A' },
  { code: '40B', name: 'Assisting or Promoting Prostitution', crimeAgainst: 'Society', category: 'Prostitution Offenses', group: 'A' },
  { code: '40C', name: 'Purchasing Prostitution', crimeAgainst: 'Society', category: 'Prostitution Offenses', group: 'A' },
  { code: '49A', name: 'Harboring Escapee/Concealing from Arrest', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '49B', name: 'Flight to Avoid Prosecution', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '49C', name: 'Flight to Avoid Deportation', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '510', name: 'Bribery', crimeAgainst: 'Property', category: 'Bribery', group: 'A' },
  { code: '520', name: 'Weapon Law Violations', crimeAgainst: 'Society', category: 'Weapon Law Violations', group: 'A' },
  { code: '521', name: 'Violation of National Firearm Act of 1934', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '522', name: 'Weapons of Mass Destruction', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '526', name: 'Explosives Violation', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '58A', name: 'Import Violations', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '58B', name: 'Export Violations', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '61A', name: 'Federal Liquor Offenses', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '61B', name: 'Federal Tobacco Offenses', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '620', name: 'Wildlife Trafficking', crimeAgainst: 'Society', category: 'Other Offenses', group: 'A' },
  { code: '64A', name: 'Human Trafficking, Commercial Sex Acts', crimeAgainst: 'Person', category: 'Human Trafficking', group: 'A' },
  { code: '64B', name: 'Human Trafficking, Involuntary Servitude', crimeAgainst: 'Person', category: 'Human Trafficking', group: 'A' },
  { code: '720', name: 'Animal Cruelty', crimeAgainst: 'Society', category: 'Animal Cruelty', group: 'A' },
  { code: '90A', name: 'Bad Checks', crimeAgainst: 'Property', category: 'Bad Checks', group: 'B' },
  { code: '90B', name: 'Curfew/Loitering/Vagrancy Violations', crimeAgainst: 'Society', category: 'Curfew/Loitering/Vagrancy Violations', group: 'B' },
  { code: '90C', name: 'Disorderly Conduct', crimeAgainst: 'Society', category: 'Disorderly Conduct', group: 'B' },
  { code: '90D', name: 'Driving Under the Influence', crimeAgainst: 'Society', category: 'Driving Under the Influence', group: 'B' },
  { code: '90E', name: 'Drunkenness', crimeAgainst: 'Society', category: 'Drunkenness', group: 'B' },
  { code: '90F', name: 'Family Offenses, Nonviolent', crimeAgainst: 'Person', category: 'Family Offenses, Nonviolent', group: 'B' },
  { code: '90G', name: 'Liquor Law Violations', crimeAgainst: 'Society', category: 'Liquor Law Violations', group: 'B' },
  { code: '90H', name: 'Peeping Tom', crimeAgainst: 'Person', category: 'Peeping Tom', group: 'B' },
  { code: '90J', name: 'Trespass of Real Property', crimeAgainst: 'Society', category: 'Trespass of Real Property', group: 'B' },
  { code: '90K', name: 'Failure to Appear', crimeAgainst: 'Society', category: 'Other Offenses', group: 'B' },
  { code: '90L', name: 'Federal Resource Violations', crimeAgainst: 'Society', category: 'Other Offenses', group: 'B' },
  { code: '90M', name: 'Perjury', crimeAgainst: 'Society', category: 'Other Offenses', group: 'B' },
  { code: '90Z', name: 'All Other Offenses', crimeAgainst: 'Society', category: 'All Other Offenses', group: 'B' },
];

/** NIBRS location codes; 53 is a K-12 school (52 is a college, a common mistake). */
export const NIBRS_LOCATIONS: readonly { code: string; name: string }[] = [
  { code: '01', name: 'Air/Bus/Train Terminal' },
  { code: '02', name: 'Bank/Savings and Loan' },
  { code: '03', name: 'Bar/Nightclub' },
  { code: '04', name: 'Church/Synagogue/Temple/Mosque' },
  { code: '05', name: 'Commercial/Office Building' },
  { code: '06', name: 'Construction Site' },
  { code: '07', name: 'Convenience Store' },
  { code: '08', name: 'Department/Discount Store' },
  { code: '09', name: 'Drug Store/Doctor\'s Office/Hospital' },
  { code: '10', name: 'Field/Woods' },
  { code: '11', name: 'Government/Public Building' },
  { code: '12', name: 'Grocery/Supermarket' },
  { code: '13', name: 'Highway/Road/Alley/Street/Sidewalk' },
  { code: '14', name: 'Hotel/Motel/Etc.' },
  { code: '15', name: 'Jail/Prison/Penitentiary/Corrections Facility' },
  { code: '16', name: 'Lake/Waterway/Beach' },
  { code: '17', name: 'Liquor Store' },
  { code: '18', name: 'Parking/Drop Lot/Garage' },
  { code: '19', name: 'Rental Storage Facility' },
  { code: '20', name: 'Residence/Home' },
  { code: '21', name: 'Restaurant' },
  { code: '23', name: 'Service/Gas Station' },
  { code: '24', name: 'Specialty Store' },
  { code: '25', name: 'Other/Unknown' },
  { code: '37', name: 'Abandoned/Condemned Structure' },
  { code: '38', name: 'Amusement Park' },
  { code: '39', name: 'Arena/Stadium/Fairgrounds/Coliseum' },
  { code: '40', name: 'ATM Separate from Bank' },
  { code: '41', name: 'Auto Dealership New/Used' },
  { code: '42', name: 'Camp/Campground' },
  { code: '44', name: 'Daycare Facility' },
  { code: '45', name: 'Dock/Wharf/Freight/Modal Terminal' },
  { code: '46', name: 'Farm Facility' },
  { code: '47', name: 'Gambling Facility/Casino/Race Track' },
  { code: '48', name: 'Industrial Site' },
  { code: '49', name: 'Military Installation' },
  { code: '50', name: 'Park/Playground' },
  { code: '51', name: 'Rest Area' },
  { code: '52', name: 'School-College/University' },
  { code: '53', name: 'School-Elementary/Secondary' },
  { code: '54', name: 'Shelter-Mission/Homeless' },
  { code: '55', name: 'Shopping Mall' },
  { code: '56', name: 'Tribal Lands' },
  { code: '57', name: 'Community Center' },
  { code: '58', name: 'Cyberspace' },
];

/** The NIBRS location of a K-12 school. */
export const K12_SCHOOL_LOCATION = '53';

/** NIBRS type of weapon/force involved (data element 13). */
export const NIBRS_WEAPON_FORCE: readonly { code: string; name: string }[] = [
  { code: '11', name: 'Firearm (type not stated)' },
  { code: '12', name: 'Handgun' },
  { code: '13', name: 'Rifle' },
  { code: '14', name: 'Shotgun' },
  { code: '15', name: 'Other firearm' },
  { code: '20', name: 'Knife/cutting instrument' },
  { code: '30', name: 'Blunt object' },
  { code: '35', name: 'Motor vehicle/vessel' },
  { code: '40', name: 'Personal weapons (hands, fists, feet)' },
  { code: '50', name: 'Poison' },
  { code: '60', name: 'Explosives' },
  { code: '65', name: 'Fire/incendiary device' },
  { code: '70', name: 'Drugs/narcotics/sleeping pills' },
  { code: '85', name: 'Asphyxiation' },
  { code: '90', name: 'Other' },
  { code: '95', name: 'Unknown' },
  { code: '99', name: 'None' },
];

/** Offenses for which NIBRS requires a weapon/force type: 09A-C, 100, 11A-D, 120, 13A-B, 210, 520-526, 64A-B. */
export const WEAPON_REQUIRED_CODES: ReadonlySet<string> = new Set([
  '09A', '09B', '09C', '100', '11A', '11B', '11C', '11D', '120', '13A', '13B', '210', '520', '521', '522', '526', '64A', '64B',
]);

const OFFENSE_BY_CODE = new Map(NIBRS_OFFENSES.map((o) => [o.code, o]));
/** The offense of a NIBRS code, or undefined for an unknown code. */
export function nibrsOffense(code: string): NibrsOffense | undefined {
  return OFFENSE_BY_CODE.get(code);
}

const LOCATION_BY_CODE = new Map(NIBRS_LOCATIONS.map((l) => [l.code, l]));
/** The name of a NIBRS location code, or undefined for an unknown code. */
export function nibrsLocationName(code: string): string | undefined {
  return LOCATION_BY_CODE.get(code)?.name;
}
