/**
 * The suspend-data codec's id tables. A saved state refers to a known lesson, quiz, scenario,
 * complaint step, role-play ending or ordering/matching item set by its POSITION in these lists
 * (a few bits instead of the whole id), so:
 *
 *   APPEND ONLY. Never reorder, rename or remove an entry: learners' saved progress in every
 *   LMS points into these lists. A retired id simply stays here unused.
 *
 * Ids that are not listed still round-trip (they are written out in full), so a missing entry
 * costs space, never progress. tests/unit/persistence/suspend-ids.test.ts fails when a content id or item set
 * is missing and prints the lines to append; `tests/unit/persistence/suspend.test.ts` decodes a committed
 * golden string that would change if an entry moved.
 */

/** The course identity (its one home is src/persistence/course-id.ts; re-exported for the codec). */
export { COURSE_ID } from '../course-id.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const range = (from: number, to: number, f: (n: number) => string) =>
  Array.from({ length: to - from + 1 }, (_, i) => f(from + i));

/** Every planned unit id (course-outline.md §0.2), then later additions. */
export const LESSON_IDS: readonly string[] = [
  'O1',
  ...range(1, 6, (n) => `A${n}`),
  ...range(1, 50, (n) => `P${pad(n)}`),
  ...range(1, 6, (n) => `S${pad(n)}`),
  // append new unit ids below this line
];

/** Quiz ids: one bank per unit (lower-case unit id), the part and course assessments, then additions. */
export const QUIZ_IDS: readonly string[] = [
  ...LESSON_IDS.slice(0, 63).map((id) => id.toLowerCase()),
  ...range(1, 8, (n) => `part${n}-assessment`),
  'course-assessment',
  // append new quiz ids below this line
  ...range(1, 50, (n) => `p${pad(n)}-pool`), // lesson assessment pools (assessment question keys name them: "p07-pool.q3")
  'o1-pool',
  'a1-pool',
  'a4-pool',
  'a6-pool',
  'a3-pool',
  'a2-pool',
  'a5-pool',
  'attitude-assessment',
  ...range(1, 6, (n) => `s${pad(n)}-pool`),
];

/** Scenario ids, in the order they were written. */
export const SCENARIO_IDS: readonly string[] = [
  'p01-broadband-install',
  'p02-delivery-chat',
  'p03-double-billing',
  'practice-restaurant-food-safety',
  'practice-hotel-booking',
  'practice-ecommerce-parcel',
  'p04-account-closure',
  'p07-wealth-onboarding',
  'p09-flight-delay',
  'p10-coworking-space',
  'p05-flight-change',
  'p08-clinic-privacy',
  'p06-free-repair',
  // append new scenario ids below this line
  'a3-gym-injury-freeze',
  'a2-car-service-return',
  'a5-capstone-home-claim',
  'p17-hotel-early-flight',
  'p15-noise-late-checkout',
  'p19-birthday-parcel',
  'p18-branch-queue',
  'p11-urgent-hire',
  'p12-first-refund',
  'p13-call-time-review',
  'p16-saturday-rush',
  'p20-weekend-cuts',
  'p14-slogan-cynic',
  'p21-gym-one-to-one',
  'p23-anniversary-points',
  'p22-car-rental-bill',
  'p24-cinema-rat-video',
  'p25-eyewear-franchise',
  'p26-new-app-transfer',
  'p29-flooded-car-claim',
  'p30-senior-plan-counter',
  'p27-checkup-reschedule',
  'p28-breach-parent-call',
  'p31-soup-plastic',
  'p31-allergy-order',
  'p32-friday-quiet-room',
  'p33-son-mis-selling',
  'p34-waiting-room-red-flag',
  'p35-fourth-contact',
  'p35-return-proof',
  'p33-stable-product-loss',
  'p32-overbooked-walk',
  'p34-test-order-desk',
];

/** Complaint-model steps (course-outline.md §4.5a). */
export const STEP_IDS: readonly string[] = ['listen', 'empathise', 'solve', 'follow-up'];

/** Role-play ending ids (scenarios/*.yaml `endings`), in the order they were first written. */
export const ENDING_IDS: readonly string[] = [
  'e-loyal',
  'e-resolved',
  'e-escalated',
  'e-lost',
  'e-closed',
  'e-repeat',
  // append new ending ids below this line
  'e-no-show',
  'e-missed',
  'e-walked-out',
  'e-leak',
  'e-cut-accepted',
  'e-exit',
];

/**
 * The item ids of every ordering and matching question (quizzes/*.yaml), so that a response to
 * one of them is stored as "entry k, arrangement j" (a dozen bits) instead of its words.
 * Ordering: the item ids in the authored order. Matching: the left ids, ` | `, the right ids.
 * A question whose items change gets a NEW line (the old one stays: saved answers point to it).
 */
export const ITEM_SETS: readonly string[] = [
  'learn set deliver confirm', // p01.q4
  'standard monitor channels | r-standard r-monitor r-channels r-price', // p02.q3
  'listen empathise solve follow-up', // p03.q1
  'listen empathise solve follow-up | say-listen say-empathise say-solve say-follow-up say-rule', // p03.q4
  'connect tailor surprise empathy | r-connect r-tailor r-surprise r-empathy r-script', // p04.q3
  'admit read handle next report', // p05.q4
  'elder keyword handoff review | r-human r-routing r-collab r-feedback r-remove', // p05.q5
  'map mark price risk act', // p06.q8
  'aware evaluate purchase experience loyalty', // p07.q1
  't-ad t-compare t-sign t-call t-refer | s-aware s-evaluate s-purchase s-experience s-loyalty', // p07.q2
  'o-crowd o-route o-noise | r-space r-flow r-ambient r-value', // p08.q1
  'respond empower standard prevent', // p09.q1
  'respond empower standard prevent | r-respond r-empower r-standard r-prevent r-coupon', // p09.q4
  'vague untold mismatch conflict | r-vague r-untold r-mismatch r-conflict r-p03', // p10.q1
  'know differ say', // p10.q9
  // append new item sets below this line
  'standard monitor channels | r-standard r-monitor r-channels r-brand', // p02.q3
  'read-first admit-restate handle next report', // p05.q4
  'elder keyword handoff review | r-human r-routing r-collab r-feedback r-script', // p05.q5
  't-flyer t-visit t-pay t-practice t-refer | s-aware s-evaluate s-purchase s-experience s-loyalty', // p07-pool.q1
  't-compare t-sign t-check t-refer | s-aware s-evaluate s-purchase s-experience s-loyalty', // p07.q12
  'o-wait o-path o-sound | r-space r-flow r-ambient r-process', // p08-pool.q1
  'vague untold mismatch conflict | r-vague r-untold r-mismatch r-conflict r-complaint', // p10.q10
  't-digital t-personal t-omni t-standard | r-digital r-personal r-omni r-standard r-price', // o1.q2
  'd-speed d-expert d-memory d-proactive d-empathy | r-speed r-expert r-memory r-proactive r-empathy r-script', // a1.q6
  'inspection emotion feedback360 | r-context r-loud r-vague r-count', // a4-pool.a7
  'missed-info rising proactive | r-inspection r-emotion r-360 r-sales', // a4.q1
  'read acknowledge restate handle', // a6-pool.a7
  'claims-bot tea-order kiosk gym | r-human-ai r-omnichannel r-inclusion r-personal r-price', // a6.q1
  'aware capable culture improve', // a3.q1
  'aware capable culture improve | do-listen do-drill do-star do-audit do-fine', // a3.q2
  's t a r', // a3-pool.a3

  'l-wait l-history l-next l-feel | r-response r-professionalism r-memory r-proactivity r-empathy', // a2.q1
  's-calls s-mood s-self | m-inspect m-emotion m-self m-count', // a2-pool.a6
  'contain verify act repair', // a5.q4
  'spark trigger spread second', // a5-pool.a5
  'salty slow object | r-waiter r-lead r-manager r-none', // p15.q1
  'missing loss address | r-agent r-lead r-never r-courier', // p15-pool.q3
  'quality chain handoff | r-quality r-chain r-handoff r-price', // p19.q5
  'outsourced supply joint | r-outsourced r-supply r-joint r-brand', // p19-pool.q7
  'define collect analyse respond review', // p18.q1
  'criteria method culture | r-criteria r-method r-culture r-pay', // p11.q7
  'scenes abilities tasks score decide', // p11-pool.q8
  'knowledge practice continuous evaluation | r-knowledge r-practice r-continuous r-evaluation r-none', // p12.q1
  'debrief replay shadow review', // p12.q8
  'refund-time calm first-check | r-repeat r-escalate r-transfer r-attend', // p12-pool.q6
  'rules drills mentor measure', // p12-pool.q8
  'call-time table-turn counter-time delivery | r-repeat r-return r-error r-sign r-overtime', // p13.q6
  'pair no-single check reward | r-pair r-no-single r-check r-reward r-rank', // p13-pool.q8
  'stove system crowd | r-equip r-system r-people r-notice', // p16.q2
  'kiosk sales gate | r-kiosk r-sales r-gate r-wait', // p16-pool.q3
  'cut shift keep | r-cut r-shift r-keep r-ads', // p20.q5
  'cashier service hotline | r-queue r-downtime r-night r-clicks', // p20-pool.q7
  'translate measure model align | r-translate r-measure r-model r-align r-slogan', // p14.q6
  'undefined gap no-mechanism misaligned | r-undefined r-gap r-no-mechanism r-misaligned r-poster', // p14-pool.q8
  'fast worry best | r-fast r-worry r-best r-vip', // p21.q5
  'clinic parcel course | r-clinic r-parcel r-course r-star', // p21-pool.q3
  'bind water phone same | r-simple r-reward r-bond r-unique r-price', // p23.q1
  'lounge checkin remember | r-core r-process r-relation r-cost', // p22.q1
  'tools booking record | r-core r-process r-relation r-brand', // p22-pool.q3
  'watch judge first fix review | r-prevent r-detect r-respond r-solve r-recover r-promote', // p24.q1
  'prevent detect respond solve recover', // p24-pool.q1
  'own deliver report tell', // p25.q6
  'care ontime oneprice | r-care r-ontime r-oneprice r-coupon', // p25.q8
  'notice approval franchise | r-marketing r-operations r-franchise r-clerk', // p25-pool.q6
  'tasks invite watch fix', // p26.q6
  'need design measure | r-need r-design r-measure r-tech', // p26.q8
  'done log feedback', // p26-pool.q6
  'tone visa human | r-unnatural r-complex r-handoff r-fine', // p29.q1
  'size refund loop | r-context r-exception r-nohandoff r-ok', // p29-pool.q7
  'sms steps afraid | r-cannot r-skill r-dare r-none', // p30.q7
  'one-id api churn format | r-view r-integration r-analytics r-governance r-mystery', // p27.q1
  'two-cards stale wrong-phone offers | r-view r-integration r-analytics r-governance r-training', // p27-pool.q3
  'desk jargon partner | r-protect r-opaque r-boundary r-process', // p28.q8
  'group notice resell | r-protect r-opaque r-boundary r-staff', // p28-pool.q8
  'keep check tell remedy follow', // p31.q6
  'slow sesame object | r-update r-check r-keep r-gift', // p31-pool.q8
  'cotton video pingpong | r-trust r-return r-service r-logistics', // p35.q6
  'dress pen tablet | r-ok r-custom r-damage r-courier', // p35-pool.q6
  'surgery mismatch unsure | r-liquidity r-unsuitable r-explain r-sign', // p33.q7
  'nav principal closed | r-nav r-principal r-closed r-guaranteed', // p33-pool.q6
  'confirm queue shower bill | r-book r-arrive r-stay r-service r-leave', // p32.q1
  'price pillow luggage | r-book r-arrive r-service r-leave', // p32-pool.q1
  'wait talk flow care | r-wait r-talk r-flow r-care r-price', // p34.q5
  'ask wait name run | r-card r-screen r-call r-flow r-more', // p34-pool.q7
  'record view flag feedback quantify', // s01.q1
  'corridor again video doctor | r-wait r-repeat r-extra r-none', // s01.q2
  'queue retell slip security | r-wait r-repeat r-extra r-keep', // s01-pool.q1
  'state why owner change retest', // s01-pool.q6
  'gym parcel shift bank | r-insight r-recovery r-people r-omni', // s05.q1
  'finding cause strategy action', // s05.q8
  'clinic flight store telecom | r-insight r-recovery r-people r-omni', // s05-pool.q1
  'map root pick first', // s05-pool.q7
  'persona record emotion decision channels', // s02.q1
  'repeat renew backstage everyone | r-persona r-record r-decision r-channels r-average', // s02.q6
  'guess split front stop | r-evidence r-merge r-back r-loyalty r-ads', // s02-pool.q5
  'split list score rank act', // s03.q1
  'sev occ det | r-harm r-often r-catch r-cost', // s03.q10
  'find cause design run improve', // s03-pool.q1
  'high-o high-d high-s | r-redesign r-detect r-recover r-lower', // s03-pool.q7
  'list rate place act rerate', // s06-pool.q1
  'sign handoff chairs cups | r-now r-project r-spare r-later r-hq', // s06-pool.q2
  'identify analyse design implement improve', // s06.q1
  'screen rekey pens wall | r-first r-plan r-fill r-park r-staff', // s06.q2
  'upload review stock handover | r-customer r-front r-back r-support', // s04.q1
  'layer fail couple simplify control', // s04.q2
  'arrive walk repair parts | r-customer r-front r-back r-support', // s04-pool.q1
  'high-o high-d high-s | r-redesign r-detect r-recover r-same', // s03-pool.q7 (r-lower retired)
];

/**
 * Self-assessment item ids (content/self-assessment.yaml), format v5 onwards. Append only, like
 * every table here: a removed item keeps its line.
 */
export const SELF_ITEM_IDS: readonly string[] = [
  ...['response', 'professionalism', 'memory', 'proactivity', 'empathy'].flatMap((d) => range(1, 3, (n) => `${d}-${n}`)),
  // append new self-assessment item ids below this line
];

/** The tables a codec instance uses; tests and the budget model pass extended copies. */
export interface IdTables {
  lessons: readonly string[];
  quizzes: readonly string[];
  scenarios: readonly string[];
  steps: readonly string[];
  /** Ending ids (format v3 onwards). Default: none, every ending is written in full. */
  endings?: readonly string[];
  /** Ordering/matching item sets, as in ITEM_SETS (format v3 onwards). Default: none. */
  items?: readonly string[];
  /** Self-assessment item ids, as in SELF_ITEM_IDS (format v5 onwards). Default: none. */
  selfItems?: readonly string[];
}

export const ID_TABLES: IdTables = {
  lessons: LESSON_IDS,
  quizzes: QUIZ_IDS,
  scenarios: SCENARIO_IDS,
  steps: STEP_IDS,
  endings: ENDING_IDS,
  items: ITEM_SETS,
  selfItems: SELF_ITEM_IDS,
};

/** One entry of ITEM_SETS, parsed. */
export type ItemSet = { kind: 'ordering'; items: string[] } | { kind: 'matching'; left: string[]; right: string[] };

/** Parses an ITEM_SETS line ("a b c" or "l1 l2 | r1 r2 r3"). */
export function parseItemSet(line: string): ItemSet {
  const [left, right] = line.split('|').map((part) => part.trim().split(/\s+/).filter(Boolean));
  return right === undefined ? { kind: 'ordering', items: left ?? [] } : { kind: 'matching', left: left ?? [], right };
}

/** The ITEM_SETS line of an ordering or matching question (what tests ask authors to append). */
export function itemSetLine(set: ItemSet): string {
  return set.kind === 'ordering' ? set.items.join(' ') : `${set.left.join(' ')} | ${set.right.join(' ')}`;
}
