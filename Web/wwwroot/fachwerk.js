// After an enhanced form post the framework patches the page in place: the button that had the focus may be gone, or be
// reused for another form's button. Put the focus on what the post produced, so a keyboard or screen-reader user goes
// on from there: the page's confirmation of a step, else why a form was not accepted, else (focus lost) the heading.
Blazor.addEventListener('enhancedload', () => {
    const target = document.querySelector('#result')
        || document.querySelector('[role="alert"][id$="-outcome"]')
        || (document.activeElement === document.body ? document.querySelector('main h1') : null);
    if (target && target !== document.activeElement) target.focus();
});
