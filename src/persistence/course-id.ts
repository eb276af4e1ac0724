/**
 * This course's identity, its one home: the page data, the browser mirror keys and the suspend
 * data use it. Suspend data from version 4 on carries a short tag of it, so state written by
 * another course built with this codec is recognised and refused instead of marking lessons done.
 * A module of its own so the page shell can read it without the codec's id tables.
 */
export const COURSE_ID = 'service-pitfalls';
