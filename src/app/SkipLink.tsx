/**
 * The skip link (test id `app.skip-link`): the page's first focusable element, visible when focused; it moves focus
 * to the charts (#charts, focusable with tabIndex −1) without touching the URL, whose query holds the scenario.
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#charts"
      data-testid="app.skip-link"
      onClick={(e) => {
        const target = document.getElementById('charts');
        if (!target) return;
        e.preventDefault();
        target.focus();
        target.scrollIntoView({ block: 'start' });
      }}
    >
      Skip to the charts
    </a>
  );
}
