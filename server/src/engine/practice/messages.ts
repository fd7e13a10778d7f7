import type { Message } from '../types.js';
import type { InsightId } from './types.js';

/** The insights' titles, after the seed paper's chapter 5.2, in plain words. */
export const TITLES: Record<InsightId, Message> = {
  client_perspective: { nl: 'Cliëntperspectief', en: 'Client perspective' },
  needs_tested: { nl: 'Behoefte gezocht en vooraf getoetst', en: 'Need gathered and tested beforehand' },
  workplace: { nl: 'Onderzoek op de werkplek', en: 'Research at the workplace' },
  policy_practice: { nl: 'Contact tussen beleid en uitvoering', en: 'Policy and frontline connected' },
  research_as_means: { nl: 'Onderzoek als middel', en: 'Research as a means' },
  practical_handles: { nl: 'Praktische handvatten', en: 'Practical handles' },
  earlier_research: { nl: 'Verbinding met eerder onderzoek', en: 'Link to earlier research' },
  common_language: { nl: 'Gemeenschappelijke taal', en: 'Common language' },
  readability: { nl: 'Leesbaarheid', en: 'Readability' },
  discussed_with_practice: { nl: 'Nabesproken met professionals', en: 'Discussed with practitioners' },
  continuity: { nl: 'Continuïteit na het project', en: 'Continuity after the project' },
  funding: { nl: 'Financiering en onafhankelijkheid', en: 'Funding and independence' },
};

type Advice = { absent: Message; partial: Message; present: Message };

/** What to add, per insight: when nothing is there, when part is there, and when it is there. */
export const ADVICE: Record<InsightId, Advice> = {
  client_perspective: {
    absent: { nl: 'Laat zien wat de mensen om wie het gaat ervaren en vinden: citaten, ervaringen, en hoe zij in het onderzoek betrokken waren.', en: 'Show what the people served experience and think: quotes, experiences, and how they took part in the research.' },
    partial: { nl: 'Geef cliënten meer ruimte: een citaat of ervaring per hoofdstuk, en ook in de conclusies en aanbevelingen.', en: 'Give clients more room: a quote or an experience per chapter, and in the conclusions and recommendations too.' },
    present: { nl: 'Het cliëntperspectief is zichtbaar; houd het ook in de aanbevelingen vast.', en: 'The client perspective is visible; keep it in the recommendations too.' },
  },
  needs_tested: {
    absent: { nl: 'Schrijf waar de onderzoeksvraag vandaan komt in de praktijk en hoe u vooraf bij professionals of cliënten hebt getoetst dat het onderzoek voor hen waardevol is.', en: 'Say where the research question came from in practice, and how you checked beforehand with practitioners or clients that the study is worth doing for them.' },
    partial: { nl: 'Maak concreet hoe de behoefte is opgehaald: met wie, wanneer en wat daaruit kwam (bijvoorbeeld gesprekken met consulenten vóór de start).', en: 'Make concrete how the need was gathered: with whom, when and what came out of it (for example talks with caseworkers before the start).' },
    present: { nl: 'De herkomst van de vraag in de praktijk staat erin.', en: 'The practice origin of the question is there.' },
  },
  workplace: {
    absent: { nl: 'Beschrijf of en waar u op de werkplek was: meelopen, observeren of testen waar het werk gebeurt (de balie, de wijk, de afdeling).', en: 'Say whether and where you worked on site: shadowing, observing or testing where the work happens (the desk, the ward, the neighbourhood).' },
    partial: { nl: 'Het contact met de praktijk was op afstand of alleen via interviews; vertel wat u ter plaatse zag, of waarom dat niet kon.', en: 'Contact with practice was remote or by interview only; say what you saw on site, or why that was not possible.' },
    present: { nl: 'Het onderzoek was (deels) op de werkplek.', en: 'The research was (partly) done at the workplace.' },
  },
  policy_practice: {
    absent: { nl: 'Noem wie beslist (beleid, management) en wie uitvoert (consulenten, teams), en wat zij van elkaar nodig hebben om de uitkomsten toe te passen.', en: 'Name who decides (policy, management) and who carries out (caseworkers, teams), and what each needs from the other to act on the findings.' },
    partial: { nl: 'Verbind beide niveaus: schrijf bij de aanbevelingen wat beleid en management moeten regelen zodat de uitvoering ermee aan de slag kan.', en: 'Link both levels: say in the recommendations what policy and management must arrange so that frontline staff can act.' },
    present: { nl: 'Beleid en uitvoering worden allebei aangesproken, met een verbinding.', en: 'Policy and frontline are both addressed, with a link.' },
  },
  research_as_means: {
    absent: { nl: 'Schrijf voor welk praktisch besluit of welke verbetering het onderzoek bedoeld is ("zodat het team …"), en kom daar in de conclusies op terug.', en: 'Say which practical decision or improvement the research serves ("so that the team can …"), and return to it in the conclusions.' },
    partial: { nl: 'Het praktische doel staat er impliciet; maak het expliciet en laat de conclusies erop antwoorden.', en: 'The practical purpose is implicit; state it and let the conclusions answer it.' },
    present: { nl: 'Het onderzoek dient een praktisch doel.', en: 'The research serves a practical purpose.' },
  },
  practical_handles: {
    absent: { nl: 'Voeg aanbevelingen voor de praktijk toe: een genummerde lijst onder een eigen kop, per punt wie wat moet doen (bijvoorbeeld "Teamleiders: plan …").', en: 'Add recommendations for practice: a numbered list under its own heading, each saying who should do what (for example "Team leaders: plan …").' },
    partial: { nl: 'Maak de aanbevelingen concreet: noem per punt wie handelt en met welk werkwoord (Maak, Plan, Gebruik), en zet ze in een lijst of een checklist.', en: 'Make the recommendations concrete: name who acts and the action (Provide, Start, Use) in each, and put them in a list or a checklist.' },
    present: { nl: 'Er zijn concrete handvatten voor de praktijk.', en: 'There are concrete handles for practice.' },
  },
  earlier_research: {
    absent: { nl: 'Schrijf wat er al bekend of onderzocht was (ook binnen de organisatie) en hoe dit onderzoek daarop voortbouwt.', en: 'Say what was already known or studied (within the organisation too) and how this study builds on it.' },
    partial: { nl: 'Eerder werk wordt genoemd maar niet verbonden; schrijf wat dit onderzoek eraan toevoegt of ermee vergelijkt.', en: 'Earlier work is mentioned but not linked; say what this study adds to it or compares with it.' },
    present: { nl: 'Het onderzoek bouwt zichtbaar voort op eerder werk.', en: 'The study visibly builds on earlier work.' },
  },
  common_language: {
    absent: { nl: 'Veel vakjargon: vervang de gemarkeerde termen door de woorden die professionals in hun werk gebruiken, of leg ze uit.', en: 'Much jargon: replace the marked terms with the words practitioners use at work, or explain them.' },
    partial: { nl: 'Er staat nog jargon in; vervang of verklaar de gemarkeerde termen.', en: 'Some jargon remains; replace or explain the marked terms.' },
    present: { nl: 'De taal sluit aan bij de praktijk.', en: 'The language fits practice.' },
  },
  readability: {
    absent: { nl: 'De tekst is moeilijk leesbaar: kortere zinnen, minder lijdende vorm en minder lange woorden, vooral in de genoemde hoofdstukken.', en: 'The text is hard to read: shorter sentences, less passive voice and fewer long words, above all in the sections listed.' },
    partial: { nl: 'De leesbaarheid is matig; maak vooral de genoemde hoofdstukken eenvoudiger.', en: 'Readability is fair; simplify the sections listed first.' },
    present: { nl: 'De tekst is goed leesbaar voor professionals.', en: 'The text reads well for practitioners.' },
  },
  discussed_with_practice: {
    absent: { nl: 'Bespreek de bevindingen met de professionals (of cliënten) om wie het gaat en schrijf op wat dat opleverde.', en: 'Discuss the findings with the practitioners (or clients) concerned and write down what came out of it.' },
    partial: { nl: 'Schrijf met wie de uitkomsten zijn besproken (professionals, niet alleen de opdrachtgever) en wat er daardoor veranderde.', en: 'Say with whom the findings were discussed (practitioners, not only the commissioner) and what changed as a result.' },
    present: { nl: 'De uitkomsten zijn met de praktijk besproken.', en: 'The findings were discussed with practice.' },
  },
  continuity: {
    absent: { nl: 'Schrijf wie de uitkomsten na het project oppakt: een eigenaar, een vervolgplan of monitoring.', en: 'Say who carries the findings forward after the project: an owner, a follow-up plan or monitoring.' },
    partial: { nl: 'Noem een eigenaar en een termijn bij het vervolg, zodat de uitkomsten niet blijven liggen.', en: 'Name an owner and a date for the follow-up, so the findings do not stall.' },
    present: { nl: 'Er is een eigenaar of een vervolg.', en: 'There is an owner or a follow-up.' },
  },
  funding: {
    absent: { nl: 'Vermeld wie het onderzoek financierde of opdracht gaf, en welke rol de financier had (onafhankelijkheid, invloed op vragen en publicatie).', en: "State who funded or commissioned the study, and the funder's role (independence, influence on the questions and publication)." },
    partial: { nl: 'De financier of opdrachtgever staat erin; voeg toe welke invloed die had op opzet, analyse en publicatie.', en: 'The funder or commissioner is named; add what influence they had on design, analysis and publication.' },
    present: { nl: 'Financiering en onafhankelijkheid zijn vermeld.', en: 'Funding and independence are stated.' },
  },
};

export const NOT_APPLICABLE: Message = { nl: 'Niet van toepassing op dit soort document.', en: 'Does not apply to this kind of document.' };
