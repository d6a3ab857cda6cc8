// The shared debate page's only script: pan and zoom the crux map, and open a claim's card beside it
// when its box is clicked (or chosen with the keyboard). Without it the page still works: the map
// scrolls, and each box is a link to the card further down.
(() => {
  'use strict';
  const viewport = document.querySelector('.map-viewport');
  const svg = viewport && viewport.querySelector('svg.crux-map');
  const panel = document.getElementById('card-panel');
  if (!viewport || !svg || !panel) return;

  const full = svg.viewBox.baseVal;
  const base = { x: full.x, y: full.y, w: full.width, h: full.height };
  let view = { ...base };
  const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  document.documentElement.classList.add('map-live');
  svg.removeAttribute('width');
  svg.removeAttribute('height');

  const zoom = (factor, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
    const w = Math.min(base.w * 4, Math.max(base.w / 40, view.w * factor));
    const h = (w / view.w) * view.h;
    view = { x: cx - ((cx - view.x) * w) / view.w, y: cy - ((cy - view.y) * h) / view.h, w, h };
    apply();
  };
  const reset = () => {
    view = { ...base };
    apply();
  };
  const toSvg = (event) => {
    const box = svg.getBoundingClientRect();
    return { x: view.x + ((event.clientX - box.left) / box.width) * view.w, y: view.y + ((event.clientY - box.top) / box.height) * view.h };
  };

  viewport.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const at = toSvg(event);
      zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, at.x, at.y);
    },
    { passive: false },
  );

  let drag;
  viewport.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...view }, moved: false };
  });
  window.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
    view = { ...view, x: drag.view.x - (dx / box.width) * view.w, y: drag.view.y - (dy / box.height) * view.h };
    apply();
  });
  window.addEventListener('pointerup', () => {
    if (drag && drag.moved) viewport.dataset.dragged = '1';
    drag = undefined;
  });

  for (const button of document.querySelectorAll('[data-map]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const action = button.getAttribute('data-map');
      if (action === 'in') zoom(1 / 1.4);
      else if (action === 'out') zoom(1.4);
      else reset();
    });
  }
  viewport.addEventListener('keydown', (event) => {
    const step = view.w / 10;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (event.key === '+' || event.key === '=') zoom(1 / 1.4);
    else if (event.key === '-') zoom(1.4);
    else if (event.key === '0') reset();
    else if (moves[event.key] && event.target === viewport) {
      view = { ...view, x: view.x + moves[event.key][0], y: view.y + moves[event.key][1] };
      apply();
    } else return;
    event.preventDefault();
  });

  const body = panel.querySelector('.panel-body');
  let opener;
  const open = (id, from) => {
    const card = document.getElementById(`card-${id}`);
    if (!card) return;
    body.replaceChildren(...[...card.children].map((child) => child.cloneNode(true)));
    panel.hidden = false;
    panel.setAttribute('aria-label', `Claim ${id}`);
    for (const node of svg.querySelectorAll('.claim-node.selected')) node.classList.remove('selected');
    const node = svg.querySelector(`.claim-node[data-claim="${id}"]`);
    if (node) node.classList.add('selected');
    opener = from;
    panel.querySelector('.panel-close').focus();
  };
  const close = () => {
    panel.hidden = true;
    if (opener) opener.focus();
  };
  panel.querySelector('.panel-close').addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) close();
  });

  svg.addEventListener('click', (event) => {
    const node = event.target.closest('.claim-node');
    if (!node) return;
    event.preventDefault();
    if (viewport.dataset.dragged) {
      delete viewport.dataset.dragged;
      return;
    }
    open(node.getAttribute('data-claim'), node);
  });
  // Links between cards (C3 supports C1) open the other card in the panel too.
  panel.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#card-"]');
    if (!link) return;
    event.preventDefault();
    open(link.getAttribute('href').slice('#card-'.length), opener);
  });
  if (location.hash.startsWith('#card-')) open(location.hash.slice('#card-'.length));
})();
