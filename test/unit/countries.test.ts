import { describe, expect, it } from 'vitest';
import { countCountryMentions } from '../../src/documents/recognise/countries.ts';
import { DEMONYMS } from '../../src/documents/recognise/demonyms.ts';
import { recogniseDocument } from '../../src/documents/recognise/recognise-document.ts';
import type { Block } from '../../src/documents/blocks.ts';

const mentions = (text: string): Record<string, number> => Object.fromEntries(countCountryMentions(text));

describe('countCountryMentions', () => {
  it('counts country names', () => {
    expect(mentions('China and Spain. Then China again.')).toEqual({ CN: 2, ES: 1 });
  });

  it('reads names of several words, preferring the longest', () => {
    expect(mentions('North Korea and South Korea')).toEqual({ KP: 1, KR: 1 });
    expect(mentions('the United Kingdom and the United States of America')).toEqual({ GB: 1, US: 1 });
  });

  it('reads North Korea’s official name as North Korea, not as the Republic of Korea', () => {
    expect(mentions("the Democratic People's Republic of Korea")).toEqual({ KP: 1 });
    expect(mentions('the Democratic People’s Republic of Korea')).toEqual({ KP: 1 });
    expect(mentions('the Republic of Korea')).toEqual({ KR: 1 });
  });

  it('reads on only while a name could go on, and finds the longest one even when it ends a sentence or a possessive', () => {
    expect(mentions('The United Arab Emirates and the United Nations met the United States.')).toEqual({ AE: 1, US: 1 });
    expect(mentions('South Sudan’s army; South of the river, North Korea China')).toEqual({ SS: 1, KP: 1, CN: 1 });
    expect(mentions('South. Korea')).toEqual({});
  });

  it('reads a name at the end of a sentence', () => {
    expect(mentions('They crossed into China.')).toEqual({ CN: 1 });
    expect(mentions('The round-up is aimed at North Koreans. Others fled to South Korea.')).toEqual({ KP: 1, KR: 1 });
  });

  it('reads possessives and plurals', () => {
    expect(mentions("China's northeastern provinces")).toEqual({ CN: 1 });
    expect(mentions('North Koreans crossed the border')).toEqual({ KP: 1 });
  });

  it('reads the adjectives that name a country’s people', () => {
    expect(mentions('the Chinese government and the Spanish embassy')).toEqual({ CN: 1, ES: 1 });
    expect(mentions('Filipino and British nationals')).toEqual({ PH: 1, GB: 1 });
  });

  it('does not guess which Korea a bare "Korean" means', () => {
    expect(mentions('the ethnic Korean community')).toEqual({});
    expect(mentions('Korea')).toEqual({});
  });

  it('reads country names in the other languages of issue', () => {
    expect(mentions('la Chine et la Corée du Nord')).toEqual({ CN: 1, KP: 1 });
    expect(mentions('Nordkorea und China')).toEqual({ KP: 1, CN: 1 });
    expect(mentions('a Coreia do Norte')).toEqual({ KP: 1 });
    expect(mentions('la República Popular Democrática de Corea')).toEqual({ KP: 1 });
  });

  it('ignores names that are also ordinary words', () => {
    expect(mentions('Jersey was served in Georgia, said Chad')).toEqual({});
    expect(mentions('the turkey and the chad')).toEqual({});
  });

  it('ignores lower-case words and cities', () => {
    expect(mentions('china plates from Beijing, Manila and Seoul')).toEqual({});
  });

  it('gives nothing for text without countries', () => {
    expect(mentions('')).toEqual({});
    expect(mentions('12 34 !!')).toEqual({});
  });

  it('maps every adjective to a two-letter code', () => {
    expect(Object.values(DEMONYMS).every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
  });
});

describe("a document's countries", () => {
  const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
  const filler = 'The organisation has written to the authorities about these people and their families several times this year. '.repeat(10);

  it('takes the countries of the index number', () => {
    const document = recogniseDocument([paragraph('AI Index: ASA 24/01/00'), { kind: 'heading', depth: 1, text: 'A note' }, paragraph('Nothing about any place here.')]);
    expect(document.countries).toEqual(['KP']);
  });

  it('takes a country named in the title', () => {
    const document = recogniseDocument([{ kind: 'heading', depth: 1, text: 'Mexico: a note' }, paragraph(filler)]);
    expect(document.countries).toEqual(['MX']);
  });

  it('takes a long body’s countries only when they are named more than once', () => {
    const document = recogniseDocument([{ kind: 'heading', depth: 1, text: 'A note' }, paragraph(`${filler} China. China. Spain. ${filler}`)]);
    expect(document.countries).toEqual(['CN']);
  });

  it('takes every country a short body names', () => {
    const document = recogniseDocument([{ kind: 'heading', depth: 1, text: 'A note' }, paragraph('Twenty-five people left China for Spain.')]);
    expect(document.countries.sort()).toEqual(['CN', 'ES']);
  });

  it('does not count the contact lines’ country', () => {
    const document = recogniseDocument([
      { kind: 'heading', depth: 1, text: 'A note' },
      paragraph(`${filler} China. China.`),
      paragraph('ENDS'),
      paragraph('For more information call the press office in London, United Kingdom, United Kingdom, on +44 20 7413 5566'),
    ]);
    expect(document.countries).toEqual(['CN']);
  });
});
