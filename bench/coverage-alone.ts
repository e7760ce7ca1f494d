/** `npm run bench:coverage`: the coverage lines of `npm run bench` (coverage.ts) alone, without the rest. */
import { coverageBench } from './coverage';

for (const line of await coverageBench()) console.log(line);
