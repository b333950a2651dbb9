// Print buttons on the printable sheets: no inline handlers, so the content security policy can forbid them.
document.addEventListener('click', function (e) {
  if (e.target instanceof Element && e.target.closest('[data-print]')) {
    window.print();
  }
});
