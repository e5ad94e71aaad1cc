import { XmlScanner, localName } from '../xml/scanner';
import { decodeXstring } from './escapes';

/**
 * Reads sharedStrings.xml as it unpacks: each item's text is its plain `<t>` or its rich-text runs
 * joined; phonetic guides (`<rPh>`) are not part of the text.
 */
export function sharedStringsReader(): { scanner: XmlScanner; strings: string[] } {
  const strings: string[] = [];
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  const scanner = new XmlScanner({
    open(name, _tag, selfClosing) {
      const local = localName(name);
      if (local === 'si') {
        inItem = true;
        text = '';
        if (selfClosing) {
          strings.push('');
          inItem = false;
        }
      } else if (inItem && local === 't' && !selfClosing && phonetic === 0) inText = true;
      else if (inItem && local === 'rPh' && !selfClosing) phonetic++;
    },
    close(name) {
      const local = localName(name);
      if (local === 't') inText = false;
      else if (local === 'rPh') phonetic--;
      else if (local === 'si') {
        strings.push(decodeXstring(text));
        inItem = false;
      }
    },
    text(t) {
      if (inText) text += t;
    },
  });
  return { scanner, strings };
}
