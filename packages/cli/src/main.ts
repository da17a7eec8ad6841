import { run } from './run.ts';

// exitCode rather than exit(): output still being written to a pipe is not cut off.
process.exitCode = await run(process.argv);
