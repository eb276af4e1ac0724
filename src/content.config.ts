import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson.ts';
import { partSchema } from './schemas/part.ts';
import { pathSchema } from './schemas/path.ts';
import { quizSchema } from './schemas/quiz.ts';
import { scenarioSchema } from './schemas/scenario.ts';

// Cross-collection checks (dangling ids, duplicates, graph analysis) run before the build in
// scripts/check-content.ts, which reports them per file and field for authors.
const idFromFile = ({ entry }: { entry: string }) => entry.replace(/\.(mdx|ya?ml)$/, '');

export const collections = {
  parts: defineCollection({ loader: file('content/parts.yaml'), schema: partSchema }),
  lessons: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/lessons', generateId: idFromFile }),
    schema: lessonSchema,
  }),
  paths: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/paths', generateId: idFromFile }),
    schema: pathSchema,
  }),
  quizzes: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './quizzes', generateId: idFromFile }),
    schema: quizSchema,
  }),
  scenarios: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './scenarios', generateId: idFromFile }),
    schema: scenarioSchema,
  }),
};
