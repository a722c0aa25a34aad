// What the accessibility tests share: axe-core run inside the page, the
// routes to check (read from the lesson files, so a new lesson or lab step
// is checked too), quick route changes by the fragment, Chromium's
// accessibility tree through CDP, and a record of what the live regions said.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// axe-core's own build, evaluated in the page through DevTools (page
// evaluate), which the page's Content-Security-Policy does not govern: the
// app's CSP stays as strict as it ships.
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs axe-core on the whole document with the WCAG 2.0/2.1 A and AA rules;
// returns the violations, each with its nodes' targets and HTML.
export async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

// "rule id: help" then each failing node's target, HTML and why, for a report
// someone can act on without rerunning the test.
export function describeViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`${v.id} (${v.impact}): ${v.help}`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`    target ${n.target}`);
      lines.push(`    html   ${n.html.slice(0, 300)}`);
      if (n.summary) lines.push(`    why    ${n.summary.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    if (v.nodes.length > 5) lines.push(`    ... and ${v.nodes.length - 5} more nodes`);
  }
  return lines.join('\n');
}

// A lesson's steps as the app counts them: each "## " heading outside a
// fenced block starts one (docs/lesson-format.md), counted from 1.
function lessonSteps(text) {
  const steps = [];
  let fenced = false, sim = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) {
      fenced = !fenced;
      sim = fenced && /^```sim\b/.test(line) && steps.length > 0;
      if (sim) steps.at(-1).lab = true;
      continue;
    }
    const kind = sim && line.match(/^lab:\s*(\S+)/);
    if (kind && !steps.at(-1).labKind) steps.at(-1).labKind = kind[1];
    if (!fenced && line.startsWith('## ')) steps.push({ title: line.slice(3).trim(), lab: false });
  }
  return steps;
}

// Every lesson: its first step and its first step with an inline lab (and
// the checkpoint of those named in `checkpoints`: every checkpoint step is
// laid out alike), as fragments with the state that says the app is there.
// With `onePerLayout`, only the course's first step and the first step of
// each kind of inline lab: lesson steps differ in their text, not in the
// widgets they are built from, and each route costs the suite about a second.
export function lessonRoutes({ checkpoints = [], onePerLayout = false } = {}) {
  const kindsSeen = new Set();
  const dir = path.join(root, 'lessons');
  const routes = [];
  for (const file of fs.readdirSync(dir).filter((f) => /^\d+-.*\.md$/.test(f)).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const id = text.match(/^id:\s*(\S+)/m)[1];
    const steps = lessonSteps(text);
    const wanted = new Set(onePerLayout && routes.length ? [] : [1]);
    if (onePerLayout) {
      steps.forEach((s, i) => {
        if (s.labKind && !kindsSeen.has(s.labKind)) {
          kindsSeen.add(s.labKind);
          wanted.add(i + 1);
        }
      });
    } else {
      const lab = steps.findIndex((s) => s.lab);
      if (lab >= 0) wanted.add(lab + 1);
    }
    const checkpoint = steps.findIndex((s) => s.title === 'Checkpoint');
    if (checkpoint >= 0 && checkpoints.includes(id)) wanted.add(checkpoint + 1);
    for (const step of wanted) {
      routes.push({ fragment: `#/lesson/${id}/${step}`, at: (s) => s.lesson === id && s.step === step });
    }
  }
  return routes;
}

// A lesson step's paragraphs' source, to pick a sentence a reader could
// search for (the first plain sentence of the step's first paragraph).
export function lessonStepText(lessonId, step) {
  const dir = path.join(root, 'lessons');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    if (!new RegExp(`^id:\\s*${lessonId}\\s*$`, 'm').test(text)) continue;
    const parts = text.split(/^## /m);
    return parts[step] || '';
  }
  return '';
}

// Changes the route the way a reader editing the address does (the
// fragment, no reload), then waits until the app is there and has stopped
// drawing: the mirror is then up to date.
export async function goRoute(t, route) {
  await t.page.evaluate((f) => { window.location.hash = f; }, route.fragment);
  const s = await t.waitForState((x) => x.ready && route.at(x), { what: `the route ${route.fragment}`, timeout: 10000 });
  await quickSettle(t);
  return s;
}

// Waits until no frame has been drawn for `quietMs` (polled every 50 ms):
// t.settle's rule with a shorter quiet time, for tests visiting many routes.
export async function quickSettle(t, quietMs = 200) {
  let last = (await t.state()).frames;
  let quietSince = Date.now();
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    await t.page.waitForTimeout(50);
    const now = (await t.state()).frames;
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) {
      return now;
    }
  }
  throw new Error('the app never stopped drawing');
}

// Roles of things a person operates; an AX node with one of them needs a name.
export const INTERACTIVE_ROLES = new Set([
  'button', 'link', 'checkbox', 'radio', 'combobox', 'option', 'slider', 'textbox', 'tab',
  'menuitem', 'menuitemcheckbox', 'menuitemradio', 'switch', 'spinbutton', 'searchbox', 'listbox',
]);

// Chromium's accessibility tree of the page (not ignored nodes only), each
// node reduced to role, name, value, properties and its DOM node id.
export async function axTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  return nodes.filter((n) => !n.ignored).map((n) => {
    const props = {};
    for (const p of n.properties || []) props[p.name] = p.value && p.value.value;
    return {
      id: n.nodeId,
      role: n.role && n.role.value,
      name: ((n.name && n.name.value) || '').trim(),
      value: n.value && n.value.value,
      props,
      backendId: n.backendDOMNodeId,
      children: n.childIds || [],
      parent: n.parentId,
    };
  });
}

export async function openCdp(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  return cdp;
}

// The accessible name a widget's ImGui label gives (semantics.h): the
// visible part before "##", or if that is empty the id part after it.
export function nameOfLabel(label) {
  const i = label.indexOf('##');
  if (i < 0) return label.trim();
  const visible = label.slice(0, i).trim();
  return visible || label.slice(i + 2).trim();
}

// An init script that records every text a live region (aria-live) shows,
// in order, in window.__said as {text, live}: what a screen reader would
// read out. It reads only the live regions' textContent.
export const RECORD_LIVE_REGIONS = `(() => {
  window.__said = [];
  const seen = new WeakMap();
  const note = (region) => {
    const text = (region.textContent || '').trim();
    // A region emptied and filled again says the same words again.
    if (!text) { seen.set(region, ''); return; }
    if (seen.get(region) === text) return;
    seen.set(region, text);
    window.__said.push({ text, live: region.getAttribute('aria-live') });
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const region = el && el.closest('[aria-live]');
      if (region && region.id !== 'overlay') note(region);
      for (const added of r.addedNodes) {
        if (added.nodeType === 1 && added.matches('[aria-live]') && added.id !== 'overlay') note(added);
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;
