// Opportunity screens. The pipeline board: cards are dragged between stage columns (SortableJS); a drop asks the
// server to move the opportunity, which answers the whole board again — moved, or with the refusal on the card.
// A move back to an earlier stage asks first.
(function () {
  var FILTERS = ['ownerId', 'teamId', 'productLine', 'closeMonth'];

  function init(root) {
    var board = root.id === 'board' ? root : (root.querySelector ? root.querySelector('#board') : null);
    if (!board || !window.Sortable) {
      return;
    }
    var phone = window.matchMedia('(max-width: 767.98px)').matches;
    board.querySelectorAll('.board-list').forEach(function (list) {
      if (list.dataset.sortable) {
        return;
      }
      list.dataset.sortable = '1';
      Sortable.create(list, {
        group: 'pipeline', animation: 120, draggable: '.opp-card', disabled: phone,
        filter: 'input, select, textarea, button, a', preventOnFilter: false,
        onEnd: function (evt) {
          if (evt.from === evt.to) {
            return;
          }
          var card = evt.item;
          // an open opportunity moved back to an earlier open stage is asked about first: a slip of the mouse
          // would otherwise undo work the stage stands for; cancelled, the card goes back where it was
          var lists = Array.prototype.slice.call(board.querySelectorAll('.board-list'));
          var back = evt.to.dataset.open === 'true' && evt.from.dataset.open === 'true'
              && lists.indexOf(evt.to) < lists.indexOf(evt.from);
          var filters = {};
          FILTERS.forEach(function (k) {
            if (board.dataset[k]) {
              filters[k] = board.dataset[k];
            }
          });
          if (back && !window.confirm(board.dataset.confirmBack)) {
            // the board as the server has it, fresh: nothing half-dragged is left in the page
            htmx.ajax('GET', window.location.pathname, {target: '#board', swap: 'outerHTML', values: filters});
            return;
          }
          var values = Object.assign({stage: evt.to.dataset.stage, version: card.dataset.version}, filters);
          htmx.ajax('POST', card.dataset.moveUrl, {target: '#board', swap: 'outerHTML', values: values});
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    init(document);
    htmx.onLoad(init);
  });
})();

// On a phone a card moves with its menu: a move back to an earlier stage asks first, as a drag does.
document.addEventListener('htmx:confirm', function (evt) {
  var form = evt.target;
  if (!form.classList || !form.classList.contains('board-move')) {
    return;
  }
  var option = form.querySelector('select[name=stage]').selectedOptions[0];
  if (!option || option.dataset.back !== 'true') {
    return;
  }
  evt.preventDefault();
  if (window.confirm(document.getElementById('board').dataset.confirmBack)) {
    evt.detail.issueRequest(true);
  }
});

// The customer picker of the opportunity form: choosing a match fills the hidden customer field
// (no inline handlers: the pages' Content-Security-Policy forbids them).
document.addEventListener('click', function (event) {
  var option = event.target.closest ? event.target.closest('.customer-option') : null;
  if (!option) {
    return;
  }
  document.getElementById('customerId').value = option.dataset.id;
  document.getElementById('customerLabel').value = option.dataset.label;
  document.getElementById('customer-chosen').textContent = option.dataset.label;
  document.getElementById('customer-options').innerHTML = '';
});
