/** A sentence of 36 words (Dutch) and 37 words (English), over every audience's limit: the long-sentence tests' text. */
export const LONG: Record<'nl' | 'en', string> = {
  nl: 'Wij spraken met de consulenten van de gemeente en met de inwoners die een aanvraag deden, en zij vertelden ons dat de eerste brief vaak onduidelijk is omdat hij veel woorden gebruikt die zij niet kennen.',
  en: 'We spoke with the caseworkers of the council and with the residents who applied for support, and they told us that the first letter is often unclear because it uses many words that they do not know.',
};
