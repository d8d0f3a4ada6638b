/** `text` with the non-ASCII characters of its comment lines escaped; throws, naming each line, on any other. */
export function asciiComments(text: string, name?: string): string;
/** Rewrites a bundle file in place when it has non-ASCII comment characters. */
export function makeBundleAscii(file: string): void;
