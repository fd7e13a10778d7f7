/** Brug's version, shown by the command line and sent by the language server. */
export const VERSION = '0.1.0';
