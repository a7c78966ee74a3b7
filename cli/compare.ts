import { processIo, runCompare } from './run-compare';

process.exitCode = await runCompare(process.argv.slice(2), processIo());
