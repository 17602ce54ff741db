// 和顺调解: the little the browser must do that Blazor and MudBlazor do not.
//
// Keyboard access to the date pickers' calendars. MudBlazor renders an input's adornment button with tabindex="-1",
// so the calendar opened only with a mouse (the date could still be typed), and an open calendar sits at the end of
// the page, where Tab reaches it last. Here every picker's calendar button is made reachable by Tab as it appears
// (Blazor leaves the attribute alone while its own value does not change); opening it from the keyboard moves the
// focus to the chosen (or today's) day; Escape closes it; and the focus comes back to the button either way.
(() => {
  const pickerButton = '.mud-picker .mud-input-adornment-icon-button';
  const reachable = root => root.querySelectorAll?.(`${pickerButton}[tabindex="-1"]`).forEach(b => b.setAttribute('tabindex', '0'));
  const openCalendar = () => document.querySelector('.mud-popover-open .mud-picker-content');
  let opener = null;

  new MutationObserver(changes => {
    for (const change of changes) {
      change.addedNodes.forEach(node => node.nodeType === Node.ELEMENT_NODE && (node.matches(pickerButton) ? node.setAttribute('tabindex', '0') : reachable(node)));
      if (change.type === 'attributes' && change.target.matches?.(`${pickerButton}[tabindex="-1"]`)) change.target.setAttribute('tabindex', '0');
    }

    // A calendar opened from the keyboard closed (a day was chosen): the focus goes back to its button.
    if (opener && !openCalendar() && (document.activeElement === document.body || !document.activeElement)) {
      opener.focus();
      opener = null;
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex', 'class'] });
  reachable(document);

  document.addEventListener('keydown', e => {
    const button = e.target.closest?.(pickerButton);
    if (button && (e.key === 'Enter' || e.key === ' ')) {
      opener = button;
      const started = Date.now();
      // MudBlazor gives the input the focus as it opens the calendar: keep moving it to the day until it stays there.
      const focusDay = () => {
        const calendar = openCalendar();
        const day = calendar && (calendar.querySelector('button.mud-day.mud-selected') || calendar.querySelector('button.mud-day.mud-current')
          || calendar.querySelector('button.mud-day:not(.mud-hidden)'));
        if (day && document.activeElement !== day) day.focus();
        if (Date.now() - started < 1000) requestAnimationFrame(focusDay);
      };
      requestAnimationFrame(focusDay);
    } else if (e.key === 'Escape' && opener && e.target.closest?.('.mud-popover-open')) {
      e.preventDefault();
      const button = opener;
      button.click();
      button.focus();
    }
  }, true);
})();

// Dialogs keep the keyboard inside while they are open, and give the focus back when they close. MudBlazor opens a
// dialog with the focus in it but lets Tab walk out into the page behind the overlay, and leaves the focus on the
// page's body when it closes. The opener is remembered as the dialog appears; if it is gone when the dialog closes
// (a button the page no longer shows after the change), the focus goes to the first control of the group it was in.
(() => {
  const focusable = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  const openDialogs = () => [...document.querySelectorAll('.mud-dialog-container .mud-dialog')];
  const visible = element => element.offsetParent !== null || element.getClientRects().length > 0;
  const openers = [];

  new MutationObserver(changes => {
    for (const change of changes) {
      change.addedNodes.forEach(node => {
        if (node.nodeType === Node.ELEMENT_NODE && (node.matches('.mud-dialog-container') || node.querySelector?.('.mud-dialog-container'))) {
          const opener = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
          openers.push({ opener, group: opener?.closest('[data-testid], [id]') });
        }
      });
      change.removedNodes.forEach(node => {
        if (node.nodeType === Node.ELEMENT_NODE && (node.matches('.mud-dialog-container') || node.querySelector?.('.mud-dialog-container')) && openers.length) {
          const { opener, group } = openers.pop();
          setTimeout(() => {
            if (openDialogs().length || (document.activeElement && document.activeElement !== document.body)) return;
            if (opener?.isConnected && visible(opener)) opener.focus();
            else if (group?.isConnected) [...group.querySelectorAll(focusable)].find(visible)?.focus();
          }, 50);
        }
      });
    }
  }).observe(document.body, { childList: true, subtree: true });

  document.addEventListener('keydown', e => {
    if (e.key !== 'Tab') return;
    const dialog = openDialogs().at(-1);
    if (!dialog) return;
    const inside = [...dialog.querySelectorAll(focusable)].filter(visible);
    if (!inside.length) return;
    const first = inside[0], last = inside[inside.length - 1];
    const popover = document.activeElement?.closest('.mud-popover-open');
    if (popover) return; // a select's list or a calendar opened from the dialog: MudBlazor moves within it
    if (!dialog.contains(document.activeElement)) { e.preventDefault(); first.focus(); }
    else if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  }, true);
})();
