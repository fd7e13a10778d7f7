/** Paragraphs with known scores, shared by the readability rule tests. */
import { sentenceOf } from '../../engine/helpers.js';

/** Flesch-Douma −52.9: one sentence of 41 words, 2.88 syllables per word. */
export const HARD_NL = 'De operationalisering van de werkprocessen rondom de vroegsignalering werd door de beleidsmedewerkers als onvoldoende geëxpliciteerd beoordeeld, hetgeen resulteerde in een grote variatie in de wijze waarop klantmanagers uitvoering gaven aan de opvolging van binnengekomen betalingsachterstandssignalen afkomstig van woningcorporaties, energieleveranciers en zorgverzekeraars.';
/** Flesch-Douma −73.9: short sentences of long words (42 words). */
export const LONG_WORDS_NL = 'De implementatie van de operationalisering. De coördinatie van de beleidsmatige uitgangspunten. De verantwoordelijke stakeholders. De onvoldoende geëxpliciteerde werkprocessen. De organisatorische randvoorwaarden. De betalingsachterstandssignalen van woningcorporaties. De energieleveranciers en zorgverzekeraars. De gemeentelijke schuldhulpverlening. De interdisciplinaire samenwerkingsverbanden. De maatschappelijke organisaties en de professionele begeleiding.';
/** Flesch-Douma 20.9: one sentence of 85 short words. */
export const LONG_SENTENCE_NL = sentenceOf(85);
/** Flesch-Douma 39.5 (43 words): fine for practitioners, too hard for the general public. */
export const MEDIUM_NL = 'De klantmanagers van de gemeente benaderen inwoners met een betalingsachterstand voortaan binnen vijf werkdagen. Wanneer telefonisch contact niet lukt, volgt een huisbezoek door een medewerker van het team. Zo komen huishoudens met beginnende schulden eerder in beeld bij de schuldhulpverlening van de gemeente.';
/** Flesch-Douma 94.9 (47 words). */
export const EASY_NL = 'De klantmanager belt de inwoner. Ze vraagt hoe het gaat. Is er geld voor de huur? Zijn er rekeningen blijven liggen? Samen kijken ze naar de post. Dan maken ze een plan. De klantmanager komt na een week terug. Dan kijken ze samen of het plan werkt.';
/** Flesch Reading Ease −67.9 (46 words). */
export const HARD_EN = 'The utilisation of the action planning methodology was characterised by considerable variability between the community hubs, which was attributed by caseworkers to differences in organisational priorities, the availability of administrative resources and the extent to which individual practitioners considered the documentation requirements compatible with relationship-based practice.';
/** Flesch Reading Ease 21.1 (43 words). */
export const MEDIUM_EN = 'Caseworkers contact residents with rent arrears within five working days of the referral. When telephone contact is unsuccessful, a member of the team visits the household. As a consequence, households with emerging financial difficulties become visible to the council considerably earlier than before.';
/** Flesch Reading Ease 92.9 (47 words). */
export const EASY_EN = 'The caseworker calls the resident. She asks how things are. Is there money for the rent? Are there bills on the table? They look at the post together. Then they make a plan. The caseworker comes back after a week. Then they check if the plan works.';

