declare module 'hyphen/nl/index.js' {
  const hyphenNl: {
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
  };
  export default hyphenNl;
}
