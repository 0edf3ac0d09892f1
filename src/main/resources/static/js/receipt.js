// The receipt form (templates/receivable/receipt-form.html): what the allocations typed leave of the amount, kept
// current while finance types, so the split is seen to add up before it is sent. Only a help: the server decides.
// No inline handlers: the pages' Content-Security-Policy forbids them.
(function () {
  // an amount as typed (thousands separators allowed) in cents; null when it is no amount
  function cents(text) {
    var plain = (text || '').replace(/,/g, '').trim();
    if (!/^\d+(\.\d{0,2})?$/.test(plain)) {
      return null;
    }
    var parts = plain.split('.');
    return parseInt(parts[0], 10) * 100 + parseInt(((parts[1] || '') + '00').substring(0, 2), 10);
  }

  function format(c) {
    var sign = c < 0 ? '-' : '';
    var abs = Math.abs(c);
    var whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return sign + whole + '.' + ('0' + (abs % 100)).slice(-2);
  }

  function update() {
    var form = document.getElementById('new-receipt');
    var left = document.getElementById('receipt-left');
    if (!form || !left) {
      return;
    }
    var rest = cents(form.querySelector('[name="amount"]').value);
    form.querySelectorAll('.receipt-allocation').forEach(function (input) {
      if (rest !== null && input.value.trim() !== '') {
        var part = cents(input.value);
        rest = part === null ? null : rest - part;
      }
    });
    left.textContent = rest === null ? '—' : format(rest);
    left.classList.toggle('text-danger', rest !== null && rest < 0);
  }

  document.addEventListener('input', function (event) {
    if (event.target.closest && event.target.closest('#new-receipt')) {
      update();
    }
  });
  document.addEventListener('htmx:afterSettle', update);
})();
