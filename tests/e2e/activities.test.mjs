// Activities and setup links in the browser: a lesson step's goal reached
// only through the inline lab's own widgets (and still met after a reload),
// a prediction graded by the engine, and a teacher's setup link for each lab
// reproducing the same state and the same engine results in a fresh browser
// context (fresh storage: nothing but the link carries the setup).
import { assert, assertEqual } from './harness.mjs';

// The fragment of a link the app copied (the page address plus "#/...").
function fragmentOf(t, link) {
  assert(typeof link === 'string' && link.startsWith(t.origin), `a full link on this page: ${link}`);
  return link.slice(link.indexOf('#'));
}

// Opens a link in another browser context and waits for its lab.
async function openInFreshBrowser(t, name, link, view) {
  const other = t.sibling(name);
  await other.open(fragmentOf(t, link));
  const s = await other.waitForState((x) => x.ready && x.frames > 0 && x.view === view && x.lab, {
    what: `the ${view} lab opened from the link`,
  });
  await other.settle();
  return { other, s };
}

// The lab pane of a split lesson step at 1280x800 (text left, lab right).
const LAB_PANE_X = 900;

export function register(suite) {
  suite.test('activity: a lesson goal reached in the inline Bind Lab, still met after a reload', async (t) => {
    const page = await t.open('#/lesson/privileged-binding/3');
    let s = await t.waitForState((x) => x.ready && x.frames > 0 && x.lesson === 'privileged-binding' && x.activities.length === 1,
      { what: 'the step with its activity' });
    assertEqual(s.activities[0].id, 'port-80-without-root', 'the step\'s activity');
    assertEqual(s.activities[0].lab, 'bind', 'its lab');
    assertEqual(s.activities[0].met, false, 'not met when the step opens');
    assertEqual(s.activities[0].prediction, null, 'no prediction');
    assertEqual(s.lab && s.lab.name, 'bind', 'the Bind Lab is drawn in the step');
    await t.settle();
    // Text and lab side by side at 1280x800: the divider is there.
    await t.findWidget('Resize the text and the lab');
    await t.screenshot('split-step');

    // The preset's user cannot bind 80; moving the privileged line can.
    await t.typeInto('port', '80', { scrollX: LAB_PANE_X });
    await t.click('Try bind', { scrollX: LAB_PANE_X });
    s = await t.waitForState((x) => x.lab.history.length === 1, { what: 'the first bind attempt' });
    assertEqual(s.lab.history[0].result, 'EACCES', 'port 80 below ip_unprivileged_port_start=443');
    assertEqual(s.activities[0].met, false, 'a refused bind does not meet the goal');
    await t.typeInto('##net.ipv4.ip_unprivileged_port_start', '80', { scrollX: LAB_PANE_X });
    await t.click('Set', { scrollX: LAB_PANE_X });
    await t.click('Try bind', { scrollX: LAB_PANE_X });
    s = await t.waitForState((x) => x.activities[0].met, { what: 'the goal met' });
    assertEqual(s.lab.history.at(-1).result, 'OK', 'the engine let uid 1000 bind 80');
    await t.reveal('Show a hint', LAB_PANE_X);
    await t.screenshot('goal-met');

    // The learner's record survives a reload; the lab starts afresh.
    await page.waitForTimeout(600);
    await page.reload();
    s = await t.waitForState((x) => x.ready && x.frames > 0 && x.lesson === 'privileged-binding' && x.activities.length === 1,
      { what: 'the step after the reload' });
    assertEqual(s.activities[0].met, true, 'still met after the reload');
    assertEqual(s.lab.history.length, 0, 'the lab itself starts from the preset again');
  });

  suite.test('activity: a prediction is made first, then graded by the engine beside its own answer', async (t) => {
    await t.open('#/lesson/privileged-binding/7');
    let s = await t.waitForState((x) => x.ready && x.frames > 0 && x.activities.length === 1, { what: 'the prediction step' });
    assertEqual(s.activities[0].id, 'which-check-first', 'the step\'s activity');
    assertEqual(s.activities[0].prediction, null, 'no prediction yet');
    const answeredBefore = s.progress.questions;
    await t.settle();
    await t.click('EADDRINUSE', { scrollX: LAB_PANE_X });
    await t.click('Run the simulation', { scrollX: LAB_PANE_X });
    s = await t.waitForState((x) => x.activities[0].prediction !== null, { what: 'the graded prediction' });
    assertEqual(s.activities[0].prediction.predicted, 'EADDRINUSE', 'the learner\'s prediction');
    assertEqual(s.activities[0].prediction.engine, 'EACCES', 'the engine checks privilege before the busy port');
    assertEqual(s.activities[0].prediction.right, false, 'graded wrong');
    assertEqual(s.progress.questions, answeredBefore + 1, 'the prediction counts in progress (mastery)');
    await t.screenshot('prediction');
    // The activity's goal: the same request reaching the in-use check.
    await t.click('root (uid 0)', { scrollX: LAB_PANE_X });
    await t.click('Try bind', { scrollX: LAB_PANE_X });
    s = await t.waitForState((x) => x.activities[0].met, { what: 'EADDRINUSE as root' });
    assertEqual(s.lab.history.at(-1).result, 'EADDRINUSE', 'root passes the privilege check');
  });

  suite.test('setup link: the Bind Lab with a class goal opens the same in a fresh browser', async (t) => {
    await t.open('#/bind');
    await t.settle();
    await t.click('Ordinary user (uid 1000)');
    await t.typeInto('##net.ipv4.ip_unprivileged_port_start', '443');
    await t.click('Set');
    await t.typeInto('port', '80');
    await t.click('Try bind');
    await t.typeInto('Goal for the class', 'bind ok port=80 uid=1000', { scrollX: 640 });
    let a = await t.waitForState((x) => x.setup_link && x.setup_link.includes('goal='), { what: 'a link with the goal' });
    assertEqual(a.lab.history.at(-1).result, 'EACCES', 'the teacher\'s own attempt');
    assert(a.setup_link.length <= 2000 + t.origin.length + 2, 'within the stated limit');

    const { other, s: b } = await openInFreshBrowser(t, 'fresh', a.setup_link, 'bind');
    assertEqual(b.lab.os, a.lab.os, 'same OS');
    assertEqual(b.lab.uid, a.lab.uid, 'same user');
    assertEqual(JSON.stringify(b.lab.sockets), JSON.stringify(a.lab.sockets), 'same sockets');
    assertEqual(b.activities.length, 1, 'the goal came with the link');
    assertEqual(b.activities[0].goal, 'bind ok port=80 uid=1000', 'the teacher\'s goal');
    assertEqual(b.activities[0].met, false, 'not met yet');
    await other.click('Try bind');
    const b2 = await other.waitForState((x) => x.lab.history.length === 1, { what: 'the bind in the fresh browser' });
    const a2 = await t.state();
    assertEqual(b2.lab.history[0].result, a2.lab.history.at(-1).result, 'the same engine result');
    assertEqual(b2.lab.history[0].explanation, a2.lab.history.at(-1).explanation, 'the same explanation');
    await other.screenshot('bind-from-link');
  });

  suite.test('setup link: the Ephemeral Lab\'s calls are replayed to the same ports in a fresh browser', async (t) => {
    await t.open('#/ephemeral');
    await t.settle();
    await t.click('Exhaustion demo (4 ports)');
    await t.click('Open 5 connections');
    const a = await t.waitForState((x) => x.lab && x.lab.calls.length === 5 && x.setup_link, { what: 'five calls' });
    assertEqual(a.lab.calls[4].result, 'EADDRNOTAVAIL', 'the fifth call finds no free port');

    const { other, s: b } = await openInFreshBrowser(t, 'fresh', a.setup_link, 'ephemeral');
    assertEqual(JSON.stringify(b.lab.calls), JSON.stringify(a.lab.calls), 'the same calls, ports and errors');
    assertEqual(JSON.stringify(b.lab.sockets), JSON.stringify(a.lab.sockets), 'the same sockets');
    await other.click('Close all');
    await t.click('Close all');
    const b2 = await other.state();
    const a2 = await t.state();
    assertEqual(JSON.stringify(b2.lab.sockets), JSON.stringify(a2.lab.sockets), 'the same TIME_WAIT entries after closing');
  });

  suite.test('setup link: the NAT Lab\'s rule and timeline open the same in a fresh browser', async (t) => {
    // The teacher starts from a link of their own (typing a rule through
    // the editor is the learner test's), then steps through the real
    // buttons: the copied link must carry both the rule and the steps.
    await t.open('#/nat/setup/challenge=game-server&do=forward%20tcp%2025565%20192.168.1.30:25565');
    await t.waitForState((x) => x.ready && x.view === 'nat' && x.lab, { what: 'the NAT Lab from a link' });
    await t.settle();
    await t.click('Step', { scrollX: 640 });
    await t.click('Step', { scrollX: 640 });
    const a = await t.waitForState((x) => x.lab && x.lab.step === 2 && x.setup_link, { what: 'two steps with the rule' });
    assert(a.lab.table.length > 0, 'the router has mappings');
    assert(/forward/.test(decodeURIComponent(a.setup_link)), `the rule is in the link: ${a.setup_link}`);
    assert(a.nat.solved, 'the rule lets the friend in');

    const { s: b } = await openInFreshBrowser(t, 'fresh', a.setup_link, 'nat');
    assertEqual(b.lab.title, a.lab.title, 'the same challenge');
    assertEqual(b.lab.profile, a.lab.profile, 'the same NAT behaviour');
    assertEqual(b.lab.step, a.lab.step, 'the same place in the timeline');
    assertEqual(JSON.stringify(b.lab.table), JSON.stringify(a.lab.table), 'the same NAT table');
    assertEqual(b.nat.solved, a.nat.solved, 'the same verdict of the engine');
  });

  suite.test('setup link: a damaged one opens the course home with the reason and changes nothing', async (t) => {
    await t.open('#/bind/setup/os=plan9&uid=1000');
    const s = await t.waitForState((x) => x.ready && x.frames > 0, { what: 'the first frame' });
    assertEqual(s.view, 'home', 'the course home');
    assert(/plan9/.test(s.notice), `the notice names the problem: ${s.notice}`);
  });
}
