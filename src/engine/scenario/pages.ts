/** Page addresses of practice scenarios: `practice-hotel-booking` → practice-hotel-booking.html. */

/** The `[id]` part of src/pages/practice-[id].astro for a practice scenario id. */
export function practiceSlug(scenarioId: string): string {
  return scenarioId.replace(/^practice-/, '');
}

/** Relative URL of a practice scenario's page (flat file at the site root). */
export function practiceHref(scenarioId: string): string {
  return `practice-${practiceSlug(scenarioId)}.html`;
}
