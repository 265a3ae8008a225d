import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
const r = await c.runAndReadAll("select 1::INTEGER as a, 'x' as b, 2.5::DOUBLE as d, 10::BIGINT as big, NULL as n union all select 2, 'y', 1, 3, NULL");
console.log(r.columnNames(), r.getColumnsObjectJson(), r.getColumnsObjectJS());
