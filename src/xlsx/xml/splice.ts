/** A replacement of text[start, end) by `text`; edits are given in order and do not overlap. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The text with every edit made, everything between them copied as it was. */
export function spliceEdits(text: string, edits: readonly TextEdit[]): string {
  const pieces: string[] = [];
  let from = 0;
  for (const e of edits) {
    pieces.push(text.slice(from, e.start), e.text);
    from = e.end;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}
