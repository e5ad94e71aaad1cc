import { decodeText, localStart, scanXmlRaw, spells } from '../xml/scanner';
import { decodeXstring } from './escapes';

/**
 * The shared strings part's items: each item's text is its plain `<t>` or its rich-text runs joined;
 * phonetic guides (`<rPh>`) are not part of the text.
 */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  scanXmlRaw(xml, {
    open(doc, start, nameEnd, _end, selfClosing) {
      const l = localStart(doc, start + 1, nameEnd);
      if (spells(doc, l, nameEnd, 'si')) {
        inItem = !selfClosing;
        text = '';
        if (selfClosing) strings.push('');
      } else if (inItem && !selfClosing) {
        if (spells(doc, l, nameEnd, 't')) inText = phonetic === 0;
        else if (spells(doc, l, nameEnd, 'rPh')) phonetic++;
      }
    },
    close(doc, start, nameEnd) {
      const l = localStart(doc, start + 2, nameEnd);
      if (spells(doc, l, nameEnd, 't')) inText = false;
      else if (spells(doc, l, nameEnd, 'rPh')) phonetic--;
      else if (spells(doc, l, nameEnd, 'si')) {
        strings.push(decodeXstring(text));
        inItem = false;
      }
    },
    text(doc, start, end) {
      if (inText) text += decodeText(doc.slice(start, end));
    },
    cdata(t) {
      if (inText) text += t;
    },
  });
  return strings;
}
