// The accessibility mirror: the app draws everything into one canvas, so
// after each frame that changed what assistive technology could notice it
// sends a patch (src/ui/a11y/mirror_patch.h) and this file keeps a tree of
// real elements in step with it, each placed over what it mirrors, with
// its role, name, value and states. Their text is transparent (browser
// find and selection land in the right place); text fields are real inputs
// that take clicks, taps and typing. Input on the elements goes back to the
// app: focus, activation, text, values, Tab and a few keys.
'use strict';

(function () {
  const root = document.getElementById('a11y');
  const canvas = document.getElementById('canvas');
  const els = new Map();  // node id -> element
  // a11y::State bits.
  const CHECKED = 1, SELECTED = 2, EXPANDABLE = 4, EXPANDED = 8, DISABLED = 16, CURRENT = 32,
    MULTILINE = 64, READONLY = 128, OFFSCREEN = 256, PASSWORD = 512;
  const BUTTON = /^(button|link|checkbox|radio|option|tab|combobox)$/;
  // Containers stay in the flow, so their children place themselves against
  // the root; a cell's (a header's, a list item's) own text is a child too.
  const CONTAINER = /^(table|row|list|figure|group|cell|columnheader|listitem)$/;
  const TEXT_HOLDER = /^(cell|columnheader|listitem)$/;
  let focusShown = 0;  // where the app last said keyboard focus rests
  let applying = false;  // focus moved by this file, not by the learner

  const app = (name, ...args) => window.Module && Module.calledRun && Module['_portlab_a11y_' + name](...args);
  const setText = (el, submit) => Module.calledRun &&
    Module.ccall('portlab_a11y_set_text', null, ['number', 'string', 'number'], [el._id, el.value, submit]);

  // The element kind a node needs; a node whose kind changes is replaced.
  function kind(n) {
    const r = n.role;
    if (BUTTON.test(r)) return 'button';
    if (r === 'textbox') return n.states & MULTILINE ? 'textarea' : n.states & PASSWORD ? 'password' : 'text';
    if (r === 'slider') return 'range';
    if (r === 'heading') return 'h' + Math.min(6, Math.max(1, n.level || 2));
    return r === 'progressbar' || CONTAINER.test(r) ? 'div ' + r : 'p';
  }

  function make(n, k) {
    let el;
    if (k === 'text' || k === 'password' || k === 'range') {
      el = document.createElement('input');
      el.type = k;
    } else {
      el = document.createElement(k.split(' ')[0]);
    }
    if (k === 'button') el.type = 'button';
    if (k === 'button' ? n.role !== 'button' : k[0] === 'd') el.setAttribute('role', n.role);
    if (CONTAINER.test(n.role)) el.className = 'c';
    el._id = n.id;
    el._kind = k;
    return el;
  }

  const attr = (el, name, value) => {
    if (value === null || value === undefined) el.removeAttribute(name);
    else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, value);
  };

  function place(el, n) {
    const st = el.style;
    st.left = n.x + 'px';
    st.top = n.y + 'px';
    st.width = n.w + 'px';
    st.height = n.h + 'px';
    if (n.font) {
      st.fontSize = n.font + 'px';
      // One line of a button or field is centred in its frame, as ImGui draws it.
      st.lineHeight = (el._kind === 'button' || el.tagName === 'INPUT' ? n.h : n.font) + 'px';
    }
  }

  function update(el, n) {
    const s = n.states || 0, r = n.role;
    if (!CONTAINER.test(r)) place(el, n);
    if (TEXT_HOLDER.test(r)) {
      let t = el._text;
      if (!t) el.prepend(t = el._text = document.createElement('span'));
      place(t, n);
      if (t.textContent !== (n.name || '')) t.textContent = n.name || '';
    }
    const field = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
    // Fields, combos and pictures are named by a label; the rest by their text.
    const labelled = field || /^(combobox|progressbar|group|figure|table|list)$/.test(r);
    // (A cell, header or list item says its text; it is not its label.)
    attr(el, 'aria-label', labelled && n.name ? n.name : null);
    if (!field && !CONTAINER.test(r)) {
      const text = r === 'combobox' ? n.value || '' : n.name || '';
      if (el.textContent !== text) el.textContent = text;
    }
    if (field) {
      if (el.type === 'range') {
        el.min = n.min;
        el.max = n.max;
        el.step = /\./.test(n.value || '') ? 'any' : 1;
        if (+el.value !== n.now) el.value = n.now;
        attr(el, 'aria-valuetext', n.value || null);
      } else if (document.activeElement !== el && el.value !== (n.value || '')) {
        el.value = n.value || '';  // never under the learner's caret
      }
      el.readOnly = !!(s & (READONLY | DISABLED));
    }
    attr(el, 'aria-checked', /^(checkbox|radio)$/.test(r) ? String(!!(s & CHECKED)) : null);
    attr(el, 'aria-selected', /^(option|tab)$/.test(r) ? String(!!(s & SELECTED)) : null);
    attr(el, 'aria-expanded', s & EXPANDABLE ? String(!!(s & EXPANDED)) : null);
    attr(el, 'aria-current', s & CURRENT ? 'true' : null);
    attr(el, 'aria-disabled', s & DISABLED ? 'true' : null);
    if (r === 'progressbar') {
      attr(el, 'aria-valuemin', n.min);
      attr(el, 'aria-valuemax', n.max);
      attr(el, 'aria-valuenow', n.now);
      attr(el, 'aria-valuetext', n.value || null);
    }
    // A picture's summary: a visually hidden paragraph it is described by.
    if (r === 'figure') {
      let d = el._desc;
      if (!d) {
        d = el._desc = document.createElement('p');
        d.id = 'a11y-d' + n.id;
        d.className = 'vh';
        el.appendChild(d);
      }
      d.textContent = n.desc || '';
      attr(el, 'aria-describedby', d.id);
    } else {
      attr(el, 'aria-description', n.desc || null);
    }
    el.classList.toggle('off', !!(s & OFFSCREEN));
    el._parent = n.parent || 0;
    el._rect = n;
  }

  // Options belong in a listbox: those of a container that is no list (a
  // drop-down's, in their own ImGui window) get one of their own there.
  const boxes = new Set();
  function listbox(host) {
    if (!host._lb) {
      const lb = host._lb = document.createElement('div');
      lb.setAttribute('role', 'listbox');
      lb.className = 'c';
      lb.id = 'a11y-lb' + (host._id || 0);
      lb._id = -1;
      lb._host = host;
      boxes.add(lb);
    }
    return host._lb;
  }
  function parentOf(el) {
    const p = (el._parent && els.get(el._parent)) || root;
    return el._rect.role === 'option' && !/^list/.test(p.getAttribute('role')) ? listbox(p) : p;
  }
  const adopt = (p, el) => {
    p.appendChild(el);
    if (p._host && !p.isConnected) p._host.appendChild(p);
  };

  // Puts each parent's children in `order`, moving only those out of place.
  function reorder(order) {
    const kids = new Map();
    for (const id of order) {
      const el = els.get(id);
      if (!el) continue;
      const p = parentOf(el);
      // A listbox takes its place among its host's children at its first option.
      for (const [q, c] of p._host && !kids.has(p) ? [[p._host, p], [p, el]] : [[p, el]]) {
        if (!kids.has(q)) kids.set(q, []);
        kids.get(q).push(c);
      }
    }
    for (const [p, list] of kids) {
      let at = p.firstChild;
      while (at && !at._id) at = at.nextSibling;  // a cell's text, a picture's summary
      for (const el of list) {
        if (el === at) at = at.nextSibling;
        else p.insertBefore(el, at);
      }
    }
  }

  // An open drop-down controls its options: a list of them is a listbox.
  function dropdowns() {
    let open = null;
    for (const el of root.querySelectorAll('[role=combobox],[role=option],[role=list],[role=listbox]')) {
      const r = el.getAttribute('role');
      if (r === 'combobox') {
        el.removeAttribute('aria-controls');
        open = el.getAttribute('aria-expanded') === 'true' ? el : null;
        continue;
      }
      if (r !== 'option') {
        const first = el.querySelector('[role=option]');
        el.setAttribute('role', first && first.parentElement === el ? 'listbox' : 'list');
        if (el.getAttribute('role') !== 'listbox') continue;
      }
      if (!open) continue;
      el.id = el.id || 'a11y-' + el._id;
      open.setAttribute('aria-controls', el.id);
      open = null;
    }
  }

  // A text field under an open drop-down must not take the clicks meant
  // for the drop-down's options, which ImGui draws over it.
  function uncover() {
    const options = [...els.values()].filter((e) => e._rect.role === 'option').map((e) => e._rect);
    for (const el of els.values()) {
      if (el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA') continue;
      const a = el._rect;
      const covered = options.some((o) => o.x < a.x + a.w && a.x < o.x + o.w && o.y < a.y + a.h && a.y < o.y + o.h);
      el.classList.toggle('under', covered);
    }
  }

  const regions = { polite: document.getElementById('a11y-polite'), assertive: document.getElementById('a11y-assertive') };
  // Emptied first and filled a moment later, so the same words said twice
  // are announced twice.
  function say(list) {
    for (const [which, region] of Object.entries(regions)) {
      const text = list.filter((x) => !!x.assertive === (which === 'assertive')).map((x) => x.text).join(' ');
      if (!text) continue;
      region.textContent = '';
      setTimeout(() => { region.textContent = text; }, 50);
    }
  }

  function apply(patch) {
    const p = typeof patch === 'string' ? JSON.parse(patch) : patch;
    const active = document.activeElement, inMirror = root.contains(active);
    applying = true;
    const added = [];
    for (const n of p.nodes || []) {
      let el = els.get(n.id);
      const k = kind(n);
      if (el && el._kind !== k) {  // in its place, with its children
        const old = el;
        els.set(n.id, el = make(n, k));
        for (const c of [...old.children]) if (c._id) el.appendChild(c);
        el._parent = old._parent;
        old.replaceWith(el);
      }
      const parent = el && el._parent;
      if (!el) els.set(n.id, el = make(n, k));
      update(el, n);
      if (!el.isConnected || parent !== el._parent) added.push(el);
    }
    for (const el of added) adopt(parentOf(el), el);
    for (const id of p.remove || []) {
      const el = els.get(id);
      if (el) el.remove();
      els.delete(id);
    }
    for (const lb of boxes) {
      if (lb.childElementCount) continue;
      lb.remove();
      delete lb._host._lb;
      boxes.delete(lb);
    }
    if (p.order) reorder(p.order);
    if (p.nodes || p.remove) {
      uncover();
      dropdowns();
    }
    // Moving an element in the tree takes its focus away: give it back.
    if (active && active !== document.activeElement && active.isConnected) active.focus({ preventScroll: true });
    if ('focus' in p) {
      focusShown = p.focus;
      const el = els.get(p.focus);
      // Only a page that has the focus already passes it on: the mirror
      // never pulls the focus from the address bar or another window.
      if (el && document.hasFocus() && document.activeElement !== el) el.focus({ preventScroll: true });
    }
    // The focused element is gone (a new screen): the canvas keeps the keys.
    if (inMirror && !active.isConnected && document.activeElement === document.body) canvas.focus();
    applying = false;
    if (p.say) say(p.say);
    window.portlabA11y.applied++;
  }

  function colours(bg, fg, focus) {
    const hex = (c) => '#' + c.toString(16).padStart(6, '0');
    root.style.setProperty('--bg', hex(bg));
    root.style.setProperty('--fg', hex(fg));
    root.style.setProperty('--focus', hex(focus));
  }

  root.addEventListener('focusin', (e) => {
    const id = e.target._id;
    if (!applying && id && id !== focusShown) app('focus', id);
  });
  root.addEventListener('focusout', (e) => {
    if (!applying && !root.contains(e.relatedTarget)) app('blur');
  });
  // Enter and Space click a <button>, and so does a screen reader.
  root.addEventListener('click', (e) => {
    const el = e.target;
    if (!el._id || el.tagName !== 'BUTTON') return;
    e.preventDefault();
    app('activate', el._id);
  });
  root.addEventListener('input', (e) => {
    const el = e.target;
    if (el.type === 'range') app('set_value', el._id, +el.value);
    else if (el._id) setText(el, 0);
  });

  // Keys the elements have no use for go on to the app, as if pressed on
  // the canvas (SDL reads `code`): arrows move ImGui's focus and turn
  // lesson steps, Escape closes, Page Up/Down scroll.
  const FORWARD = /^(Arrow|Page|Escape$|Home$|End$)/;
  const held = new Set();
  const forward = (e) => canvas.dispatchEvent(new KeyboardEvent(e.type, {
    key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, repeat: e.repeat, bubbles: true,
    cancelable: true, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey,
  }));
  root.addEventListener('keydown', (e) => {
    const el = e.target, k = e.key;
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
      if (k === 'Enter' && el.type !== 'range' && el.tagName === 'INPUT') {
        e.preventDefault();
        setText(el, 1);
        return;
      }
      // Fields keep their caret keys; a range its arrows, Home, End, Page keys.
      if (k !== 'Escape' && !(/^Page/.test(k) && el.type !== 'range')) return;
    }
    if (!FORWARD.test(k)) return;
    e.preventDefault();
    held.add(e.code);
    forward(e);
  });
  document.addEventListener('keyup', (e) => {
    if (held.delete(e.code) && e.target !== canvas) forward(e);
  }, true);

  // Tab: the app knows the order, including items of a pane scrolled out of
  // view, which it scrolls to. At either end the browser moves on, so the
  // keyboard never stays trapped in the app.
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
    const onCanvas = e.target === canvas;
    if (!onCanvas && !root.contains(e.target)) return;
    const moved = app('tab', e.shiftKey ? -1 : 1, onCanvas ? 0 : 1);
    if (moved === 2 && onCanvas) return;  // ImGui edits a text field: Tab is its own
    e.stopPropagation();  // SDL would keep the browser from moving on
    if (moved) e.preventDefault();
  }, true);

  // The pointer over a text field still moves and scrolls the app beneath.
  for (const type of ['mousemove', 'wheel'])
    root.addEventListener(type, (e) => canvas.dispatchEvent(new e.constructor(type, e)), { passive: true });

  // Focusing an element the browser thinks is out of view scrolls the
  // mirror; it must stay over the canvas.
  root.addEventListener('scroll', () => { root.scrollTop = root.scrollLeft = 0; });

  window.portlabA11y = { apply, colours, applied: 0 };
})();
