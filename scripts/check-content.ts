// Fails the build with author-readable messages before Astro sees broken content.
import { fileURLToPath } from 'node:url';
import { loadAndCheckContent } from './lib/content-check.ts';

const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
const { content, problems } = loadAndCheckContent(root);
if (problems.length > 0) {
  console.error(`Content check failed (${problems.length} problem${problems.length > 1 ? 's' : ''}):`);
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  process.exit(1);
}
console.log(
  `Content check passed: ${content.lessons.length} lessons, ${content.parts.length} parts, ` +
    `${content.paths.length} paths, ${content.quizzes.length} quizzes, ${content.scenarios.length} scenarios.`,
);
