/**
 * danfojs-node interop, for analysts who think in pandas. Column names and order survive the
 * round trip; danfo's missing values (NaN, undefined) come back as null, Arquero's convention.
 */
import * as aq from 'arquero';
import * as dfd from 'danfojs-node';

type Table = ReturnType<typeof aq.table>;
export type DataFrame = InstanceType<typeof dfd.DataFrame>;

/** Arquero table → danfo DataFrame (same columns, same order; nulls stay null). */
export function toDanfo(table: Table): DataFrame {
  const columns = table.columnNames();
  if (table.numRows() === 0) return new dfd.DataFrame([], { columns });
  const data: Record<string, unknown[]> = {};
  for (const c of columns) data[c] = Array.from(table.array(c) as ArrayLike<unknown>, missingToNull);
  return new dfd.DataFrame(data, { columns });
}

/** danfo DataFrame → Arquero table (NaN and undefined become null). */
export function fromDanfo(df: DataFrame): Table {
  const columns = df.columns as string[];
  const data: Record<string, unknown[]> = {};
  const rows = df.shape[0] === 0 ? [] : (df.values as unknown[][]);
  columns.forEach((c, i) => {
    data[c] = rows.map((row) => missingToNull(row[i]));
  });
  return aq.table(data);
}

function missingToNull(v: unknown): unknown {
  return v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
}
