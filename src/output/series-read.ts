/**
 * A time series CSV (src/output/csv.ts seriesCsv) read back into columns of numbers: the inverse of
 * the writer, exact because numbers are written in JavaScript's shortest round-trip form (NaN, Inf and
 * -Inf as such). A batch keeps each run's series as that CSV (DIR/series/<id>.csv) and gathers them
 * into series.parquet from there.
 */
export interface SeriesColumns {
  names: string[];
  rows: number;
  columns: Map<string, Float64Array>;
}

export function readSeriesCsv(text: string): SeriesColumns {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (!lines.length) throw new Error('a time series CSV without a header');
  const names = splitHeader(lines[0]);
  const rows = lines.length - 1;
  const data = names.map(() => new Float64Array(rows));
  for (let r = 0; r < rows; r++) {
    const cells = lines[r + 1].split(',');
    if (cells.length !== names.length) throw new Error(`a time series CSV row ${r + 2} has ${cells.length} cells, expected ${names.length}`);
    for (let c = 0; c < names.length; c++) data[c][r] = numberOf(cells[c]);
  }
  return { names, rows, columns: new Map(names.map((n, c) => [n, data[c]])) };
}

/** Only the header (the column names) of a series CSV's text or its start, which must hold the whole first line. */
export function seriesCsvNames(text: string): string[] {
  const end = text.indexOf('\n');
  if (end < 0) throw new Error('a time series CSV header longer than was read');
  return splitHeader(text.slice(0, end));
}

function numberOf(cell: string): number {
  if (cell === '') throw new Error('a time series CSV has an empty cell');
  if (cell === 'Inf') return Infinity;
  if (cell === '-Inf') return -Infinity;
  const x = Number(cell);
  if (Number.isNaN(x) && cell !== 'NaN') throw new Error(`a time series CSV cell ${JSON.stringify(cell)} is not a number`);
  return x;
}

/** Header cells, unquoting those the writer quoted (names with a comma or quote). */
function splitHeader(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let s = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else s += line[i++];
      }
      out.push(s);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      out.push(line.slice(i, end < 0 ? line.length : end));
      if (end < 0) break;
      i = end + 1;
    }
  }
  return out;
}
