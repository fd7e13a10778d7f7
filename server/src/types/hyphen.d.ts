declare module 'hyphen/nl/index.js' {
  const hyphenNl: {
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
  };
  export default hyphenNl;
}

declare module 'hyphen/patterns/nl.js' {
  /** The `hyphen` package's compiled Dutch TeX patterns: level table, pattern trie, exceptions (word → break positions). */
  const patterns: [number[][], Record<string, unknown>, Record<string, number[]>];
  export default patterns;
}
