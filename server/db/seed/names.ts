/**
 * Name pools for the demo roster, grouped by the communities of a Central Texas district so that a family's
 * surname, first names and race/ethnicity read as plausible together. All combinations are invented.
 */
export type NameGroup = 'hispanic' | 'white' | 'black' | 'asian';

/** First names (female, male) and surnames of one group. */
export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
}

// Lists are written as space-separated words: one name per line would make this file ten times longer.
function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

const hispanic: NamePool = {
  female: words(`
    Sofia Isabella Camila Valentina Ximena Mariana Daniela Gabriela Lucia Natalia Valeria Adriana Alejandra
    Andrea Marisol Guadalupe Rosa Yesenia Jimena Paola Maria Ana Elena Veronica Leticia
  `),
  male: words(`
    Mateo Santiago Diego Sebastian Alejandro Carlos Juan Luis Jorge Miguel Jose Angel Adrian Emiliano Leonardo
    Javier Ricardo Eduardo Fernando Hector Cesar Rafael Ruben Joaquin Arturo Francisco
  `),
  surnames: words(`
    Garcia Martinez Rodriguez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz
    Reyes Morales Cruz Ortiz Gutierrez Chavez Ramos Ruiz Alvarez Mendoza Castillo Jimenez Moreno Romero
    Herrera Medina Aguilar Vargas Castro Guzman Fernandez Salazar Soto Delgado Pena Rios Vasquez Contreras
    Sandoval Guerrero Estrada Espinoza Dominguez Cantu Trevino Villarreal Garza Saenz Cavazos Zamora Ybarra
    Cisneros Lozano Fuentes Escobar Maldonado Navarro Ochoa Pacheco Quintanilla Rosales Solis Tamez Valdez
    Zavala Bustamante
  `),
};

const white: NamePool = {
  female: words(`
    Emma Olivia Ava Harper Avery Madison Abigail Emily Elizabeth Hannah Claire Caroline Sarah Addison Brooklyn
    Lillian Kaylee Savannah Megan Katherine Rebecca Jennifer Laura Amanda Rachel
  `),
  male: words(`
    Liam Noah William James Benjamin Henry Jackson Wyatt Carter Luke Owen Caleb Hunter Colton Cody Tyler Ryan
    Matthew Andrew Jacob Michael Thomas Brandon Travis Garrett Nicholas Christopher
  `),
  surnames: words(`
    Smith Miller Wilson Anderson Taylor Moore Martin Thompson White Clark Lewis Walker Hall Allen Young King
    Wright Scott Hill Green Adams Baker Nelson Campbell Mitchell Roberts Turner Phillips Parker Evans Edwards
    Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Bailey Reed Kelly Howard Cox Ward
    Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers Long Ross Foster Schneider
  `),
};

const black: NamePool = {
  female: words(`
    Aaliyah Imani Jasmine Kennedy Zoe Nia Destiny Brianna Jada Kiara Maya Amara Aniyah Tiana Ebony Keisha
    Danielle Monique Alicia Tamara Janelle Simone Naomi Layla Shanice
  `),
  male: words(`
    Jayden Elijah Isaiah Josiah Malik Jalen Xavier Darius Marcus Andre Jamal Terrence DeShawn Cameron Jordan
    Micah Kendrick Tyrese Khalil Dominic Derrick Reginald Cedric Devon Trevon Alexander
  `),
  surnames: words(`
    Johnson Williams Brown Jones Jackson Davis Harris Robinson Thomas Washington Jefferson Coleman Banks
    Freeman Henderson Simmons Bryant Alexander Griffin Hayes Dixon Holloway Mosley Gaines Bell Gordon
    Patterson Wallace Franklin Oliver Okafor Mensah Adeyemi Boateng Tesfaye
  `),
};

const asian: NamePool = {
  female: words(`
    Mei Lily Linh Anh Priya Ananya Aisha Hana Yuna Jia Grace Vivian Nisha Thao Mai Sakura Min-ji Kavya Fatima
    Divya Ruby Ivy Sana Tam Chloe
  `),
  male: words(`
    Ethan Ryan Kevin Minh Bao Arjun Rohan Vikram Aarav Daniel Kenji Hiroshi Jun Wei Hao Duc Huy Sanjay Rahul
    Omar Jin Tuan Ravi Yusuf Eric
  `),
  surnames: words(`
    Nguyen Tran Le Pham Hoang Vo Dang Bui Patel Shah Singh Kumar Reddy Desai Iyer Kim Park Lee Choi Chen Wang
    Li Zhang Liu Huang Wu Lin Yamamoto Tanaka Sato Khan Ahmed Rahman Santos Reyes
  `),
};

/** The pools by group. */
export const NAME_POOLS: Record<NameGroup, NamePool> = { hispanic, white, black, asian };

/** Short forms some students go by; the roster keeps both. */
export const NICKNAMES: Readonly<Record<string, string>> = Object.fromEntries(
  words(`
    Alejandro:Alex Benjamin:Ben Elizabeth:Liz Katherine:Katie Matthew:Matt Michael:Mike William:Will
    Jacob:Jake Nicholas:Nick Santiago:Santi Guadalupe:Lupe Sebastian:Seb Gabriela:Gabby Abigail:Abby
    Daniela:Dani Christopher:Chris Alexander:Xander Eduardo:Lalo Josiah:Jojo Andrew:Drew Thomas:Tom
    Jennifer:Jen Rebecca:Becca Francisco:Paco
  `).map((pair) => pair.split(':') as [string, string]),
);

/** Street names of the district's neighbourhoods (comma-separated: the names contain spaces). */
export const STREETS: readonly string[] = `
  Pecan St, Live Oak Dr, Mesquite Ln, Bluebonnet Trl, Cypress Creek Rd, Guadalupe St, Ranch Road 12,
  Old Mill Rd, Cedar Elm Dr, Hackberry Ln, Limestone Way, Sycamore Ave, Brazos St, Colorado Dr, Lampasas Ave,
  Mockingbird Ln, Prairie View Dr, San Marcos Hwy, Willow Bend Dr, Indian Paintbrush Ct, Hill Country Blvd,
  Post Oak Rd, Chisholm Trl, Redbud Ln, Magnolia St, Cottonwood Dr, Yaupon Ct, Lone Star Blvd, Agarita Ct,
  River Bend Dr, Scenic Loop Rd, Falcon Ridge Dr, Caliche Rd, Juniper Way, Sage Hollow Ln, Travis St,
  Houston Ave, Austin St, Crockett St, Bowie Dr
`
  .split(',')
  .map((street) => street.trim());
