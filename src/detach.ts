/**
 * A copy of a text that does not keep its document alive: V8 makes a substring of 13 or more
 * characters a view into its parent string (the line, or the whole document), so a kept view
 * (in a cache, in a row waiting for its row group) would hold the document for as long as it is
 * kept, and move it to the old generation with it. Concatenating then slicing makes V8 flatten
 * the text into a string of its own.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
