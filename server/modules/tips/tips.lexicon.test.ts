import { describe, expect, it } from 'vitest';
import { detectLifeSafety } from './tips.lexicon.js';

// A curated set of example tips: true positives must be flagged, look-alikes and negations must not.
const FLAGGED: [string, 'en' | 'es', string][] = [
  ['My friend said she wants to kill herself after school today', 'en', 'self_harm'],
  ['He keeps talking about suicide and giving his stuff away', 'en', 'self_harm'],
  ['she told me she doesn\u2019t want to live anymore', 'en', 'self_harm'],
  ['I saw cuts on his arm, he said he is cutting himself again', 'en', 'self_harm'],
  ['Jake brought a gun in his backpack, it is in his locker', 'en', 'weapon'],
  ['There is a knife in the bathroom trash by the gym', 'en', 'weapon'],
  ['someone posted they are going to shoot up the school on friday', 'en', 'attack'],
  ['He has a hit list with names of teachers', 'en', 'attack'],
  ['They said they will kill everyone at the assembly', 'en', 'attack'],
  ['A kid said there is a bomb in the cafeteria', 'en', 'weapon'],
  ['Mi amiga dijo que quiere suicidarse', 'es', 'self_harm'],
  ['Dice que no quiere vivir más y que nadie lo entiende', 'es', 'self_harm'],
  ['Mi compañero se está cortando, dijo que va a quitarse la vida', 'es', 'self_harm'],
  ['Un estudiante trajo una pistola en la mochila', 'es', 'weapon'],
  ['Vi una navaja en su casillero', 'es', 'weapon'],
  ['Dijo que va a matar a todos mañana en el recreo', 'es', 'attack'],
  ['Amenazó con una balacera en la escuela', 'es', 'attack'],
  ['Hay una bomba en el gimnasio', 'es', 'weapon'],
  // Spanish words in a tip filed from the English page, and the other way round.
  ['my cousin says he has una pistola at home and will bring it', 'en', 'weapon'],
  ['Él dijo que he will shoot the teacher', 'es', 'attack'],
  // A negation in one sentence does not hide the threat in the next.
  ['He does not have a gun. His brother has a rifle in the car', 'en', 'weapon'],
];

const NOT_FLAGGED: [string, 'en' | 'es'][] = [
  ['Someone keeps bringing a water gun to recess and spraying people', 'en'],
  ['Kids are vaping in the second floor bathroom', 'en'],
  ['He does not have a gun, he was only joking about the game', 'en'],
  ['They were shooting hoops after school and started a fight', 'en'],
  ['In Fortnite he shoots everyone, he talks about it all day', 'en'],
  ['She absolutely killed it at the talent show, people are jealous and bullying her', 'en'],
  ['Someone photobombed the yearbook picture and got bullied for it', 'en'],
  ['Please shoot me a text if the bus is late again', 'en'],
  ['There is no knife, the rumor is false but kids are scared', 'en'],
  ['Un niño trae una pistola de agua al recreo', 'es'],
  ['Me muero de risa con los videos pero lo están acosando', 'es'],
  ['Están fumando en el baño del segundo piso', 'es'],
  ['No trajo ningún arma, solo es un rumor', 'es'],
  ['En el videojuego dispara a todos y habla de eso', 'es'],
  ['Tiraron bombas de agua en la cafetería', 'es'],
];

describe('life-safety lexicon', () => {
  it.each(FLAGGED)('flags %j (%s) as %s', (text, language, signal) => {
    const result = detectLifeSafety(text, language);
    expect(result.flagged).toBe(true);
    expect(result.signals.some((s) => s.startsWith(`${signal}:`))).toBe(true);
  });

  it.each(NOT_FLAGGED)('does not flag %j (%s)', (text, language) => {
    expect(detectLifeSafety(text, language)).toEqual({ flagged: false, signals: [] });
  });
});
