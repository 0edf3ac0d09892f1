// The receipt form (templates/receivable/receipt-form.html): what the allocations typed leave of the amount, kept
// current while finance types, so the split is seen to add up before it is sent. Only a help: the server decides.
// No inline handlers: the pages' Content-Security-Policy forbids them.
(function () {
  // an amount as typed (thousands separators and full-width digits allowed, as the server reads it) in cents, a
  // BigInt so that no amount the server accepts loses a cent; null when it is no amount
  function cents(text) {
    var plain = (text || '').normalize('NFKC').replace(/,/g, '').trim();
    if (!/^\d+(\.\d{0,2})?$/.test(plain)) {
      return null;
    }
    var parts = plain.split('.');
    return BigInt(parts[0]) * 100n + BigInt(((parts[1] || '') + '00').substring(0, 2));
  }

  function format(c) {
    var sign = c < 0n ? '-' : '';
    var abs = c < 0n ? -c : c;
    var whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return sign + whole + '.' + (abs % 100n).toString().padStart(2, '0');
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
    left.classList.toggle('text-danger', rest !== null && rest < 0n);
  }

  document.addEventListener('input', function (event) {
    if (event.target.closest && event.target.closest('#new-receipt')) {
      update();
    }
  });
  document.addEventListener('htmx:afterSettle', update);
})();
