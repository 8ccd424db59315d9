/**
 * Life-safety detection in a tip's own words, whatever category the reporter chose: a curated lexicon per
 * language of the tip page (English, Spanish) for self-harm, suicide, weapons and imminent attacks, with
 * context rules (benign phrases such as "water gun" or "me muero de risa" are removed first; games and films
 * do not count for weapons) and negation rules ("he does not have a gun", "no trajo el arma").
 * It only flags a tip for immediate review; staff re-classify it.
 */

/** What a life-safety term speaks of. */
export type LifeSafetySignal = 'self_harm' | 'weapon' | 'attack';

interface Term {
  signal: LifeSafetySignal;
  /** Pattern on the normalised text (lower case, accents removed). */
  pattern: RegExp;
  /** The term carries its own negation ("don't want to live"): the negation rule does not apply. */
  negated?: boolean;
}

interface Lexicon {
  terms: Term[];
  /** Phrases removed before matching: they look like a term but are not one. */
  benign: RegExp[];
  /** Words that, up to NEGATION_WINDOW words before a term, negate it. */
  negations: Set<string>;
  /** Words that make weapons and attacks in the same sentence fiction (games, films). */
  fiction: RegExp;
}

const NEGATION_WINDOW = 3;

const t = (signal: LifeSafetySignal, pattern: RegExp, negated = false): Term => ({ signal, pattern, negated });

const ENGLISH: Lexicon = {
  terms: [
    t('self_harm', /\b(kill|killing|hurt|hurting|cut|cutting|harm|harming) (myself|herself|himself|themselves|themself)\b/),
    t('self_harm', /\bsuicid(e|al)\b/),
    t('self_harm', /\b(end|ending|take|taking) (my|his|her|their) (own )?life\b/),
    t('self_harm', /\b(do ?n[o']?t|does ?n[o']?t|doesnt|dont) want to (live|be alive|wake up)\b/, true),
    t('self_harm', /\bbetter off dead\b/),
    t('self_harm', /\b(i|i'm|im|he|he's|she|she's|they|they're) (wants? to|going to|gonna) die\b/),
    t('self_harm', /\boverdos(e|ing)\b/),
    t('self_harm', /\bself[- ]?harm(ing)?\b/),
    t('weapon', /\b(gun|guns|handgun|pistol|rifle|shotgun|firearm|revolver|ammo|ammunition|bullets?)\b/),
    t('weapon', /\b(knife|knives|blade|machete|switchblade)\b/),
    t('weapon', /\b(bomb|bombs|explosives?|pipe bomb)\b/),
    t('attack', /\b(shoot|shooting|shoot up|stab|stabbing|blow up)\b/),
    t('attack', /\b(kill|hurt|attack) (everyone|everybody|them all|people|students|teachers|you all)\b/),
    t('attack', /\b(hit ?list|kill ?list)\b/),
    t('attack', /\b(going to|gonna|will|plans? to) (kill|murder|shoot|stab)\b/),
  ],
  benign: [
    /\b(water|nerf|glue|toy|squirt|paintball|airsoft|nail|staple|heat|spray|bubble) guns?\b/g,
    /\b(butter|plastic) knife\b/g,
    /\bbath ?bombs?\b/g, /\bphoto ?bomb(ed|ing)?\b/g, /\bda bomb\b/g, /\b(was|is) the bomb\b/g,
    /\bshoot(ing)? (hoops|baskets|a video|videos|photos|pictures|an email|a message|a text)\b/g,
    /\b(killed|killing|kill) (it|time)\b/g, /\bdying (to|of laughter)\b/g, /\b(photo|video) ?shoot\b/g,
    /\bshoot (me|you|him|her|us) (a|an) (text|message|email|dm)\b/g, /\bflu shot\b/g, /\bbullet (points?|journal)\b/g,
  ],
  negations: new Set(['not', 'never', 'no', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', "wasn't", 'wasnt', "won't", 'wont', 'without']),
  fiction: /\b(video ?game|game|fortnite|minecraft|call of duty|roblox|movie|film|show|book|novel|story|play|drama class|rehearsal)\b/,
};

const SPANISH: Lexicon = {
  terms: [
    t('self_harm', /\b(suicid(io|arme|arse|arte|a|ar)|suicida)\b/),
    t('self_harm', /\b(matarme|matarse|cortarme|cortarse|hacerme dano|hacerse dano|lastimarme|lastimarse)\b/),
    t('self_harm', /\b(quitarme|quitarse) la vida\b/),
    t('self_harm', /\bno quiere?o? (vivir|seguir viviendo|despertar)\b/, true),
    t('self_harm', /\bquiere?o? morir(me|se)?\b/),
    t('self_harm', /\bsobredosis\b/),
    t('weapon', /\b(pistola|pistolas|arma|armas|rifle|escopeta|revolver|balas?|municiones)\b/),
    t('weapon', /\b(cuchillo|cuchillos|navaja|navajas|machete)\b/),
    t('weapon', /\b(bomba|bombas|explosivos?)\b/),
    t('attack', /\b(disparar|dispararle|dispararles|balacera|tiroteo|apunalar|volar la escuela)\b/),
    t('attack', /\b(matar|lastimar|atacar) a (todos|todas|la gente|los estudiantes|los maestros|alguien)\b/),
    t('attack', /\b(va|voy|vamos|van) a (matar|disparar|apunalar)\b/),
    t('attack', /\blista (negra|de muerte)\b/),
  ],
  benign: [
    /\b(pistolas?|armas?) de (agua|juguete|pintura|silicona|aire)\b/g,
    /\bbombas? de (agua|bano|humo de colores)\b/g,
    /\bme muero de (risa|hambre|sueno|ganas|calor|frio)\b/g,
    /\bmatar el tiempo\b/g, /\bla bomba\b(?! en)/g, /\bcuchillo de (plastico|mantequilla)\b/g,
  ],
  negations: new Set(['no', 'nunca', 'jamas', 'ni', 'sin', 'tampoco']),
  fiction: /\b(videojuego|juego|fortnite|minecraft|roblox|pelicula|serie|libro|novela|cuento|obra de teatro|ensayo)\b/,
};

const LEXICONS: Record<'en' | 'es', Lexicon> = { en: ENGLISH, es: SPANISH };

/** The outcome of a detection: whether to flag the tip, and which terms (by signal) decided it. */
export interface Detection {
  flagged: boolean;
  signals: string[];
}

/** Lower case, accents removed, curly apostrophes straightened: one spelling for the patterns. */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[\u2018\u2019]/g, "'").toLowerCase();
}

function negatedBefore(lexicon: Lexicon, sentence: string, at: number): boolean {
  const before = sentence.slice(0, at).split(/[\s,]+/).filter(Boolean).slice(-NEGATION_WINDOW);
  return before.some((word) => lexicon.negations.has(word));
}

function matchesOf(lexicon: Lexicon, sentence: string): string[] {
  let clean = sentence;
  for (const benign of lexicon.benign) clean = clean.replace(benign, (m) => ' '.repeat(m.length));
  const fiction = lexicon.fiction.test(clean);
  const found: string[] = [];
  for (const term of lexicon.terms) {
    if (fiction && term.signal !== 'self_harm') continue;
    const match = term.pattern.exec(clean);
    if (!match) continue;
    if (!term.negated && negatedBefore(lexicon, clean, match.index)) continue;
    found.push(`${term.signal}:${match[0]}`);
  }
  return found;
}

/**
 * Whether a tip's text speaks of self-harm, suicide, weapons or an imminent attack in its language (English
 * or Spanish; text in the other one is checked too, since reporters mix them). Each sentence is checked on
 * its own, so a negation or a game in one sentence does not hide a threat in the next.
 */
export function detectLifeSafety(text: string, language: 'en' | 'es'): Detection {
  const sentences = normalise(text).split(/[.!?;\n]+/);
  const order = language === 'es' ? [SPANISH, ENGLISH] : [ENGLISH, SPANISH];
  const signals = new Set<string>();
  for (const lexicon of order) {
    for (const sentence of sentences) for (const s of matchesOf(lexicon, sentence)) signals.add(s);
  }
  return { flagged: signals.size > 0, signals: [...signals] };
}

/** The lexicons, for the curated list shown to reviewers and for tests. */
export const LIFE_SAFETY_LEXICONS = LEXICONS;
