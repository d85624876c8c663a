// Enhancement only: every page works without this script.
// Pressing "/" anywhere outside a field moves to the search box, as on many archives.
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.getElementById('q');
  if (box) {
    event.preventDefault();
    box.focus();
  }
});
