// A step chosen on a pilot page (?step=…#step, Pilots/PilotSteps.razor): the browser scrolls to its form; the heading of the
// form takes the focus, so a keyboard or screen-reader user starts there. Without this script the address still moves the
// keyboard's starting point to the form.
function chosenStepHeading() {
    const heading = location.hash === '#step' ? document.querySelector('#step h3') : null;
    heading?.setAttribute('tabindex', '-1');
    return heading;
}
chosenStepHeading()?.focus();

// After an enhanced form post the framework patches the page in place: the button that had the focus may be gone, or be
// reused for another form's button. Put the focus on what the post produced, so a keyboard or screen-reader user goes
// on from there: the page's confirmation of a step, else why a form was not accepted, else the step just chosen, else
// (focus lost) the heading.
Blazor.addEventListener('enhancedload', () => {
    const target = document.querySelector('#result')
        || document.querySelector('[role="alert"][id$="-outcome"]')
        || chosenStepHeading()
        || (document.activeElement === document.body ? document.querySelector('main h1') : null);
    if (target && target !== document.activeElement) target.focus();
});

// The plan form's financing check as the user types (Portal/PlanForm.razor): do the lines add up to the costs, and what is the
// own share, in the page's language with the form's own texts. The server says the same after each send; the API decides.
document.addEventListener('input', event => {
    const form = event.target.form;
    const check = form && event.target.dataset.financing ? form.querySelector('[data-financing-check]') : null;
    if (!check) return;
    const value = name => parseFloat(form.querySelector(`[data-financing="${name}"]`)?.value) || 0;
    const total = value('total');
    const icon = check.querySelector('[data-icon]');
    const text = check.querySelector('[data-text]');
    if (total <= 0) {
        icon.textContent = text.textContent = '';
        return;
    }
    const language = document.documentElement.lang || 'de';
    const money = amount => new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(amount);
    const percent = share => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(share);
    const fill = (template, ...values) => template.replace(/\{(\d)\}/g, (_, i) => values[i]);
    const financing = value('requested') + value('own') + value('third');
    const balanced = Math.abs(financing - total) < 0.005;
    icon.textContent = balanced ? '✔' : '✖';
    text.textContent = (balanced ? fill(check.dataset.balanced, money(financing)) : fill(check.dataset.unbalanced, money(financing), money(total)))
        + ' ' + fill(check.dataset.ownShare, percent(value('own') / total));
});
