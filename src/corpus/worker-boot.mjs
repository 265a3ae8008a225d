// Worker entry: plain JavaScript, so it starts under any runner; it registers tsx's loader
// in this thread (loader flags are not reliably inherited by worker threads) and then loads
// the TypeScript worker. Messages posted meanwhile wait in the port's queue.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
