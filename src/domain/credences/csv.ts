/**
 * RFC 4180 CSV: fields separated by commas, rows by CRLF or LF; a quoted field may hold commas, line
 * breaks and doubled quotes (`""`). Polis exports comments this way.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    let field: string;
    if (text[i] === '"') {
      // Quoted: up to the closing quote, with "" standing for one quote.
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) throw new Error('a quoted field is never closed');
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      field = value;
      // Text after a closing quote (`"a"b`): kept, as spreadsheets do.
      let end = i;
      while (end < n && !isDelimiter(text.charCodeAt(end))) end++;
      field += text.slice(i, end);
      i = end;
    } else {
      let end = i;
      while (end < n && !isDelimiter(text.charCodeAt(end))) end++;
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      if (i < n && text[i] !== '\n' && text[i] !== '\r') continue;
      // A comma at the end of a line ends the row with an empty field.
      row.push('');
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    rows.push(row);
    row = [];
  }
  return rows;
}

/** `,`, LF or CR. */
const isDelimiter = (c: number) => c === 44 || c === 10 || c === 13;
