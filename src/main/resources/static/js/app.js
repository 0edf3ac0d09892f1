// htmx requests carry the CSRF token the server rendered into the page.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Choosing a duplicate to merge into names that lead in the form (no inline handlers: the pages' CSP forbids them).
document.addEventListener('change', function (event) {
  var choice = event.target;
  if (choice.matches && choice.matches('[data-merge-into]') && choice.checked) {
    var field = document.getElementById('mergeInto');
    if (field) {
      field.value = choice.getAttribute('data-merge-into');
    }
  }
});

// Region picker (templates/region/picker.html): in a single picker the text typed is the value until a division
// is picked; in a multiple picker Enter takes the first suggestion instead of submitting the form.
document.addEventListener('input', function (event) {
  var search = event.target;
  if (!search.matches || !search.matches('.region-picker .region-search')) {
    return;
  }
  var picker = search.closest('.region-picker');
  if (picker.dataset.multiple !== 'true') {
    picker.querySelector('.region-value').value = search.value;
    var chosen = picker.querySelector('.region-chosen');
    if (chosen) {
      chosen.classList.add('d-none');
    }
  }
});
document.addEventListener('keydown', function (event) {
  var search = event.target;
  if (event.key !== 'Enter' || !search.matches || !search.matches('.region-picker .region-search')) {
    return;
  }
  if (search.closest('.region-picker').dataset.multiple === 'true') {
    event.preventDefault();
    var first = search.nextElementSibling && search.nextElementSibling.querySelector('button');
    if (first) {
      first.click();
    }
  }
});

// "Copy link" beside a just-issued confirmation link (confirmation/fragments :: sent): the link goes to the clipboard
// for the rep to paste into WeChat; where the browser has no clipboard API the link is selected to copy by hand.
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('[data-copy-link]');
  if (!button) {
    return;
  }
  var field = button.closest('.input-group').querySelector('input');
  field.select();
  if (navigator.clipboard) {
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = button.getAttribute('data-copied');
    });
  }
});

// "Back to the form" on the page of a refused form (error.html): the browser's own back, which gives the form back
// as it was filled in.
document.addEventListener('click', function (event) {
  if (event.target.closest && event.target.closest('[data-history-back]')) {
    history.back();
  }
});

// A part of the page refused (htmx swaps no error answer, so nothing would change on screen) or not answered: the
// refusal's own words, as its error page gives them, above the page (templates/fragments/layout.html).
function showRefusal(text) {
  var box = document.getElementById('request-refused');
  if (!box) {
    return;
  }
  document.getElementById('request-refused-text').textContent = text || box.dataset.other;
  box.classList.remove('d-none');
  box.scrollIntoView({block: 'nearest'});
}
document.addEventListener('htmx:responseError', function (event) {
  var text = null;
  try {
    var answer = new DOMParser().parseFromString(event.detail.xhr.responseText, 'text/html');
    var said = answer.getElementById('error-detail') || answer.querySelector('main .lead');
    text = said && said.textContent.trim();
  } catch (unreadable) {
    // not a page: the general words
  }
  showRefusal(text);
});
document.addEventListener('htmx:sendError', function () {
  var box = document.getElementById('request-refused');
  showRefusal(box && box.dataset.unreachable);
});
document.addEventListener('click', function (event) {
  if (event.target.closest && event.target.closest('[data-dismiss-refusal]')) {
    document.getElementById('request-refused').classList.add('d-none');
  }
});
