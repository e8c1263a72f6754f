// A filter box above each time-zone select (data-time-zone-filter holds its label): typing "hels" or "new york" leaves
// only the matching zones, shown as an open list; Arrow Down moves into it. Without this script the select is still a
// grouped list the browser lets people type into.
(() => {
  const fold = text => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[_/]/g, ' ').toLowerCase();

  for (const select of document.querySelectorAll('select[data-time-zone-filter]')) {
    const box = document.createElement('div');
    box.className = 'time-zone-filter';
    const input = document.createElement('input');
    input.type = 'search';
    input.id = `${select.id}-filter`;
    input.autocomplete = 'off';
    input.setAttribute('aria-controls', select.id);
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = select.dataset.timeZoneFilter;
    box.append(label, input);
    select.before(box);

    const options = [...select.options].map(option => ({ option, text: fold(`${option.text} ${option.value}`) }));
    input.addEventListener('input', () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const { option, text } of options) {
        const match = option.value === '' || option.selected || words.every(word => text.includes(word));
        option.hidden = !match;
        if (match) shown++;
      }
      for (const group of select.querySelectorAll('optgroup')) {
        group.hidden = [...group.children].every(option => option.hidden);
      }
      select.size = words.length === 0 ? 0 : Math.max(2, Math.min(8, shown));
    });
    input.addEventListener('keydown', event => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        select.focus();
      }
    });
  }
})();
