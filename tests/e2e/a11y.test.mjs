// Accessibility in the browser (issue 19): axe-core's WCAG 2.1 A/AA rules
// on every route at desktop and phone size; Chromium's accessibility tree
// holding every widget the app drew with a role and its name; a lesson, a
// checkpoint and an activity done the way a screen-reader user does them
// (the accessibility tree and the keyboard only, results read from the live
// regions); browser find landing on the lesson's text; and a mirror that
// does nothing while the app is idle.
import { assert, assertEqual } from './harness.mjs';
import {
  runAxe, describeViolations, lessonRoutes, lessonStepText, goRoute, quickSettle,
  INTERACTIVE_ROLES, axTree, openCdp, nameOfLabel, RECORD_LIVE_REGIONS,
} from './a11y_helpers.mjs';

const at = (fragment) => ({ fragment, at: (s) => s.route === fragment });

// Every route, by link. The main screens (VIEWS in learner.test.mjs: home,
// a lesson step and a checkpoint, explorer, the three labs, quiz menu and
// practice, settings, about) are checked by 'screens: every view', which
// draws them at both sizes anyway; here are the rest. A lesson's first step
// and a step with each kind of inline lab come from the lesson files.
function allRoutes() {
  return [
    ...lessonRoutes({ onePerLayout: true }),
    at('#/explorer'), at('#/nat'),
    // A teacher's setup link, with its class goal.
    at('#/bind/setup/os=linux&uid=1000&sysctl=net.ipv4.ip_unprivileged_port_start=443&port=80&addr=0.0.0.0&proto=tcp&goal=bind%20ok%20port=80%20uid=1000%20cap=no'),
    at('#/quiz/exam'), at('#/quiz/exam/ccna'), at('#/quiz/review'),
    at('#/quiz/question/ranges-classify-1024'), at('#/quiz/generated/linux-bind/7'),
    // The course home with a notice (an alert) about a bad link.
    { fragment: '#/no-such-page', at: (s) => s.view === 'home' && /no-such-page/.test(s.notice) },
  ];
}

// States a link does not reach, each after its route: a graded answer with
// its explanation, a bind() result, a text field being edited (drawn opaque
// over the canvas), an open drop-down with its options. Reached through the
// mirror's own elements: focused (the app scrolls to them), then keys.
// A control scrolled out of its pane may be missing from the mirror (ImGui
// does not report a clipped item's label): then Tab reaches it, which the
// app scrolls to.
const press = async (page, cdpOf, role, name, key) => {
  const el = page.getByRole(role, { name, exact: true });
  if (await el.count() === 1) await el.focus();
  else await tabTo(page, await cdpOf(), role, name);
  await page.keyboard.press(key);
};
const STATES = [
  {
    route: at('#/quiz/question/ranges-classify-1024'), what: 'a graded answer',
    act: async (page, cdpOf) => {
      await press(page, cdpOf, 'radio', 'System Ports, 0-1023', 'Space');
      await press(page, cdpOf, 'button', 'Check answer', 'Enter');
      await page.getByText(/1023 is the last System Port/).first().waitFor({ state: 'attached', timeout: 5000 });
    },
  },
  {
    route: at('#/bind'), what: 'a bind() result, then the port field being edited',
    act: async (page, cdpOf) => {
      await press(page, cdpOf, 'button', 'Try bind', 'Enter');
      await page.getByText(/^Refused: |^OK: /).first().waitFor({ state: 'attached', timeout: 5000 });
      await page.getByRole('textbox', { name: 'port', exact: true }).focus();
    },
  },
  {
    route: at('#/nat'), what: 'an open drop-down',
    act: async (page, cdpOf) => {
      await press(page, cdpOf, 'combobox', 'NAT behaviour', 'Enter');
      await page.getByRole('option').first().waitFor({ state: 'attached', timeout: 5000 });
    },
  },
];

// The mirror is there: without it axe would pass an empty page.
async function mirroredControls(page) {
  return page.evaluate(() => document.querySelectorAll('button, input, [role=button], [role=link]').length);
}

// One page per size; routes change by the fragment, without reloading.
// A11Y_TIMING=1 prints how long each route took (the suite's time budget).
async function axeEveryRoute(t, viewport) {
  const t0 = Date.now();
  await t.open('#/home', { viewport });
  await t.settle();
  const failures = [];
  const check = async (where) => {
    assert(await mirroredControls(t.page) > 0, `the mirror has controls on ${where}`);
    const started = Date.now();
    const violations = await runAxe(t.page);
    if (process.env.A11Y_TIMING) console.log(`    axe ${where}: ${Date.now() - started} ms (${Date.now() - t0} ms since start)`);
    if (violations.length) failures.push(`${where} at ${viewport.width}x${viewport.height}:\n${describeViolations(violations)}`);
  };
  for (const route of allRoutes()) {
    await goRoute(t, route);
    await check(route.fragment);
  }
  let cdp = null;
  const cdpOf = async () => (cdp ||= await openCdp(t.page));
  for (const state of STATES) {
    await goRoute(t, state.route);
    // A state that cannot be reached is a failure of its own; the others
    // are still checked, so one run reports everything.
    try {
      await state.act(t.page, cdpOf);
    } catch (err) {
      failures.push(`${state.route.fragment}: could not reach ${state.what}: ${String(err.message).slice(0, 2500)}`);
      continue;
    }
    await quickSettle(t);
    await check(`${state.route.fragment} with ${state.what}`);
    await t.page.keyboard.press('Escape');
  }
  if (failures.length) {
    await t.screenshot('last-route');
    throw new Error(`axe-core found WCAG 2.1 A/AA violations:\n${failures.join('\n')}`);
  }
}

// --------------------------------------------------- accessibility tree

// Every visible widget of the last frame (an ImGui item with a label) has
// an AX node with an interactive role, the role the app gave it, and the
// name its label gives (the visible part, or the id part of "##name"); no
// interactive AX node is unnamed.
async function checkAxTree(t, cdp, where) {
  const widgets = (await t.widgets()).filter((w) => w.label && w.visible !== false);
  assert(widgets.length > 0, `widgets on ${where}`);
  const nodes = await axTree(cdp);
  const interactive = nodes.filter((n) => INTERACTIVE_ROLES.has(n.role));
  const problems = [];
  for (const n of interactive) {
    if (!n.name) problems.push(`unnamed ${n.role} (AX node ${n.id}, value ${JSON.stringify(n.value)})`);
  }
  // Several widgets may share a role and name ("Open" per lesson): count them.
  const key = (role, name) => `${role} "${name}"`;
  const available = new Map();
  for (const n of interactive) available.set(key(n.role, n.name), (available.get(key(n.role, n.name)) || 0) + 1);
  for (const w of widgets) {
    const name = nameOfLabel(w.label);
    if (!INTERACTIVE_ROLES.has(w.role)) {
      problems.push(`widget "${w.label}" has the role "${w.role}", not one a person can operate`);
      continue;
    }
    const k = key(w.role, name);
    const left = available.get(k) || 0;
    if (left === 0) {
      const other = nodes.find((n) => n.name === name);
      problems.push(`widget "${w.label}" (${k}) has no such AX node` +
                    (other ? `; an AX node of role ${other.role} has the name` : ''));
    } else {
      available.set(k, left - 1);
    }
  }
  if (problems.length) throw new Error(`accessibility tree on ${where}:\n  ${problems.join('\n  ')}`);
  return { widgets: widgets.length, interactive: interactive.length };
}

// ------------------------------------------ screen reader and keyboard

// The AX node of the element keyboard focus rests on (its role and name
// as Chromium exposes them; asking for that one node is much quicker than
// the whole tree on every Tab press).
async function focusedNode(cdp) {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
  if (!result.objectId) return undefined;
  try {
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
    const n = nodes.find((x) => !x.ignored);
    if (!n) return undefined;
    return { role: n.role && n.role.value, name: ((n.name && n.name.value) || '').trim(), backendId: n.backendDOMNodeId };
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
}

const matches = (name, want) => (want instanceof RegExp ? want.test(name) : name === want);

// Presses Tab (or Shift+Tab) until the focused AX node has `role` (or one
// of several) and a
// name matching `name`, as a screen-reader user tabs to a control.
async function tabTo(page, cdp, role, name, { back = false, max = 150 } = {}) {
  const seen = [];
  const visits = new Map();
  let f = await focusedNode(cdp);
  for (let i = 0; i <= max; i++) {
    if (f && [role].flat().includes(f.role) && matches(f.name, name)) return f;
    if (f) seen.push(`${f.role} "${f.name}"`);
    // The same place a third time: the whole cycle has been seen (or Tab
    // is trapped in part of it).
    const id = f && f.backendId;
    visits.set(id, (visits.get(id) || 0) + 1);
    if (i === max || visits.get(id) >= 3) break;
    const before = f && f.backendId;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    // The app moves focus on its next frame (it knows the order, and
    // scrolls a pane to the item): wait for the move.
    for (let k = 0; k < 20; k++) {
      f = await focusedNode(cdp);
      if ((f && f.backendId) !== before) break;
      await page.waitForTimeout(25);
    }
  }
  throw new Error(`Tab never reached ${role} "${name}"; focus went through: ${seen.slice(-60).join(', ')}`);
}

// Moves focus straight to a control found by its role and accessible name,
// as a screen-reader user does from the reader's list of links or form
// fields (quicker than tens of Tab presses); checks where focus landed
// through the accessibility tree.
async function jumpTo(page, cdp, role, name) {
  await page.getByRole(role, { name, exact: typeof name === 'string' }).first().focus();
  const f = await focusedNode(cdp);
  assert(f && f.role === role && matches(f.name, name), `focus on ${role} "${name}": it is on ${JSON.stringify(f)}`);
  return f;
}

// What the live regions have said since the page opened.
async function said(page) {
  return page.evaluate(() => window.__said || []);
}

// Waits until the live regions say something matching `re` (after the
// first `from` announcements); returns that text. `diagnose` adds to the
// failure message.
async function hear(page, re, from, what, diagnose) {
  const deadline = Date.now() + 8000;
  let all = [];
  while (Date.now() < deadline) {
    all = await said(page);
    const hit = all.slice(from).find((x) => re.test(x.text));
    if (hit) return hit.text;
    await page.waitForTimeout(50);
  }
  // What helps find the cause: where keyboard focus is, and what else.
  const focus = await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 80));
  throw new Error(`the live regions never said ${what} (${re}); they said: ${JSON.stringify(all.slice(from).map((x) => x.text))}` +
                  `; focus on ${focus}${diagnose ? '; ' + await diagnose() : ''}`);
}

export function register(suite) {
  suite.test('a11y: axe-core finds no WCAG 2.1 A/AA violation on any route at 1280x800', async (t) => {
    await axeEveryRoute(t, { width: 1280, height: 800 });
  });

  suite.test('a11y: axe-core finds no WCAG 2.1 A/AA violation on any route at 390x844', async (t) => {
    await axeEveryRoute(t, { width: 390, height: 844 });
  });

  suite.test('a11y: the accessibility tree has every widget drawn, with a role and its name', async (t) => {
    await t.open('#/lesson/privileged-binding/3');
    await t.settle();
    const cdp = await openCdp(t.page);
    const screens = [
      { fragment: '#/lesson/privileged-binding/3', at: (s) => s.lesson === 'privileged-binding' && s.step === 3 },
      at('#/bind'), at('#/nat/game-server'), at('#/quiz/question/ranges-classify-1024'), at('#/settings'),
    ];
    for (const screen of screens) {
      await goRoute(t, screen);
      const counts = await checkAxTree(t, cdp, screen.fragment);
      assert(counts.interactive >= counts.widgets, `${screen.fragment}: ${JSON.stringify(counts)}`);
    }
  });

  suite.test('a11y: a screen-reader user turns lesson steps, answers a checkpoint and meets a goal by keyboard', async (t) => {
    const page = await t.open('#/lesson/port-ranges/1', { initScript: RECORD_LIVE_REGIONS });
    await t.settle();
    const cdp = await openCdp(page);

    // The next step, by its button.
    let from = (await said(page)).length;
    await jumpTo(page, cdp, 'link', /^Next: Try it: classify a port/);
    await page.keyboard.press('Enter');
    await hear(page, /Try it: classify a port/, from, 'the new step\'s heading');
    // And by the arrow key (forwarded to the app from wherever focus is).
    from = (await said(page)).length;
    await page.keyboard.press('ArrowRight');
    await hear(page, /Who hands out the numbers/, from, 'step 3\'s heading');
    // One press, one step.
    assert(!(await said(page)).slice(from).some((x) => /What registration means/.test(x.text)), 'one arrow press turns one step');

    // The checkpoint, through the step links.
    from = (await said(page)).length;
    await tabTo(page, cdp, 'link', /^9\b/, { back: true });
    await page.keyboard.press('Enter');
    await hear(page, /Checkpoint/, from, 'the checkpoint step');
    await tabTo(page, cdp, 'button', 'Start the checkpoint');
    from = (await said(page)).length;
    await page.keyboard.press('Enter');
    // The first question's options: a wrong one chosen, then checked.
    await tabTo(page, cdp, 'radio', 'System Ports, 0-1023');
    await page.keyboard.press('Space');
    await tabTo(page, cdp, 'button', 'Check answer');
    await page.keyboard.press('Enter');
    const verdict = await hear(page, /1023 is the last System Port/, from, 'the explanation');
    assert(/wrong|incorrect|not (quite|right)/i.test(verdict) || (await said(page)).slice(from).some((x) => /wrong|incorrect|not (quite|right)/i.test(x.text)),
           `the verdict says wrong: ${verdict}`);
    const afterQuiz = await t.state();
    assertEqual(afterQuiz.quiz && afterQuiz.quiz.answered, 1, 'one answer graded (sanity)');
    assertEqual(afterQuiz.quiz.correct, 0, 'graded wrong (sanity)');

    // The port-80 activity: real text inputs found by name, buttons by key.
    await page.evaluate(() => { window.location.hash = '#/lesson/privileged-binding/3'; });
    await hear(page, /Moving the line/, from, 'the activity step\'s heading');
    await quickSettle(t);
    await jumpTo(page, cdp, 'textbox', 'port');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('80');
    await tabTo(page, cdp, 'button', 'Try bind');
    from = (await said(page)).length;
    await page.keyboard.press('Enter');
    const refused = await hear(page, /EACCES/, from, 'the refused bind with its errno',
                               async () => `the app's own record: ${JSON.stringify((await t.state()).lab)}`);
    assert(/Refused/.test(refused), `the result says refused: ${refused}`);
    await tabTo(page, cdp, 'textbox', /ip_unprivileged_port_start/, { back: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('80');
    await tabTo(page, cdp, 'button', 'Set');
    await page.keyboard.press('Enter');
    await tabTo(page, cdp, 'button', 'Try bind');
    from = (await said(page)).length;
    await page.keyboard.press('Enter');
    await hear(page, /OK: bound to port 80/, from, 'the bind that worked',
               async () => `the app's own record: ${JSON.stringify((await t.state()).lab)}`);
    await hear(page, /Goal met/, from, 'the goal met',
               async () => `the app's own record: ${JSON.stringify((await t.state()).activities)}`);
    const s = await t.state();
    assert(s.activities[0].met, 'the goal is met (sanity)');
    assertEqual(s.lab.history.at(-1).result, 'OK', 'the last bind worked (sanity)');
  });

  suite.test('a11y: browser find finds a lesson sentence, over the canvas where it is drawn', async (t) => {
    const sentence = 'RFC 6335 (section 6) splits the 65,536 port numbers into three ranges.';
    assert(lessonStepText('port-ranges', 1).includes(sentence), 'the sentence is in the lesson\'s first step');
    const page = await t.open('#/lesson/port-ranges/1');
    await t.settle();
    assert(await page.evaluate((x) => window.find(x, true, false, true), sentence), 'window.find() finds it');
    const found = await page.evaluate(() => {
      const sel = window.getSelection();
      const range = sel.getRangeAt(0);
      const el = range.commonAncestorContainer.nodeType === 1 ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement;
      const r = range.getBoundingClientRect();
      const c = document.getElementById('canvas').getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return {
        text: sel.toString(), inCanvas: el.closest('canvas') !== null, inMirror: el.closest('#a11y') !== null,
        rect: { x: r.x, y: r.y, w: r.width, h: r.height }, canvas: { x: c.x, y: c.y, w: c.width, h: c.height },
        box: { x: box.x, y: box.y, w: box.width, h: box.height },
      };
    });
    assertEqual(found.text.replace(/\s+/g, ' '), sentence, 'the selection is the sentence');
    assert(found.inMirror, 'the selection lies in the mirror (#a11y)');
    const r = found.rect, c = found.canvas;
    assert(r.w > 20 && r.h > 5 && r.x >= c.x && r.y >= c.y && r.x + r.w <= c.x + c.w + 1 && r.y + r.h <= c.y + c.h + 1,
           `the found text lies over the canvas: ${JSON.stringify(found)}`);
    // Inside the rectangle the app drew that paragraph in (its own record).
    const paragraph = (await t.widgets()).find((w) => w.name && w.name.includes(sentence));
    assert(paragraph, 'the app recorded the paragraph');
    const inside = (a, b) => a.x >= b.x - 2 && a.y >= b.y - 2 && a.x + a.w <= b.x + b.w + 2 && a.y + a.h <= b.y + b.h + 2;
    assert(inside(r, paragraph), `the found text lies where the app drew its paragraph: ${JSON.stringify({ found: r, drawn: paragraph })}`);
    // Over the drawn words: ImGui drew glyphs under it (many colours in
    // that strip), not an empty background.
    await page.evaluate(() => window.getSelection().removeAllRanges());
    await quickSettle(t);
    const png = await page.screenshot({ clip: { x: r.x, y: r.y, width: Math.min(r.w, 400), height: r.h } });
    const colours = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const cv = new OffscreenCanvas(img.width, img.height);
      const ctx = cv.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return seen.size;
    }, `data:image/png;base64,${png.toString('base64')}`);
    assert(colours >= 8, `text is drawn under the found sentence (${colours} colours at ${JSON.stringify(r)})`);
  });

  suite.test('a11y: an idle page makes no frame, applies no patch and creates no DOM node', async (t) => {
    const page = await t.open('#/lesson/privileged-binding/3');
    await t.settle();
    const before = await page.evaluate(() => {
      window.__mutations = 0;
      window.__observer = new MutationObserver((records) => { window.__mutations += records.length; });
      window.__observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      return { frames: window.portlab.state().frames, applied: window.portlabA11y && window.portlabA11y.applied };
    });
    assert(typeof before.applied === 'number' && before.applied > 0, `the mirror has applied patches: ${JSON.stringify(before)}`);
    await page.waitForTimeout(1000);
    const after = await page.evaluate(() => ({
      frames: window.portlab.state().frames, applied: window.portlabA11y.applied, mutations: window.__mutations,
    }));
    assertEqual(after.frames, before.frames, 'frames while idle');
    assertEqual(after.applied, before.applied, 'mirror patches applied while idle');
    assertEqual(after.mutations, 0, 'DOM mutations while idle');
  });
}
