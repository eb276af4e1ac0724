// @ts-check
// Launcher: carries the chosen learner id and LMS behaviour into every launch link.
import { LEARNER_ID } from './ids.js';

const form = /** @type {HTMLFormElement} */ (document.getElementById('options'));
const learnerInput = /** @type {HTMLInputElement} */ (form.elements.namedItem('learner'));
const profileSelect = /** @type {HTMLSelectElement} */ (form.elements.namedItem('profile'));
learnerInput.value = localStorage.getItem('preview-learner') || learnerInput.value;
profileSelect.value = localStorage.getItem('preview-profile') || 'clean';

function update() {
  const learner = LEARNER_ID.test(learnerInput.value) ? learnerInput.value : 'learner-1';
  localStorage.setItem('preview-learner', learner);
  localStorage.setItem('preview-profile', profileSelect.value);
  for (const link of document.querySelectorAll('a.launch')) {
    const url = new URL(/** @type {HTMLAnchorElement} */ (link).href);
    url.searchParams.set('learner', learner);
    url.searchParams.set('profile', profileSelect.value);
    /** @type {HTMLAnchorElement} */ (link).href = url.href;
  }
}
form.addEventListener('input', update);
form.addEventListener('submit', (event) => event.preventDefault());
update();
