/** Lessons in course order: by their part's position on the course map, then by order within the part. */
export function inCourseOrder<T extends { part: string; order: number }>(lessons: readonly T[], parts: readonly { id: string; order: number }[]): T[] {
  const partOrder = new Map(parts.map((p) => [p.id, p.order]));
  return [...lessons].sort((a, b) => (partOrder.get(a.part) ?? 0) - (partOrder.get(b.part) ?? 0) || a.order - b.order);
}
