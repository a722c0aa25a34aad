// A learner's path through the real page, clicking the real widgets: a
// lesson, its checkpoint (wrong, then right), a reload that keeps the step
// and the progress, a NAT Lab challenge solved with a forwarding rule,
// presenter mode and a theme. Then a screenshot of every view at desktop
// and phone size, for people to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, assertEqual } from './harness.mjs';
import { runAxe, describeViolations } from './a11y_helpers.mjs';

// Every view, by link, for the screenshots.
const VIEWS = [
  ['home', '#/home'],
  ['lesson', '#/lesson/port-ranges/3'],
  ['lesson-checkpoint', '#/lesson/port-ranges/9'],
  ['explorer', '#/explorer/443'],
  ['bind-lab', '#/bind'],
  ['ephemeral-lab', '#/ephemeral'],
  ['nat-lab', '#/nat/game-server'],
  ['quiz-menu', '#/quiz'],
  ['quiz-practice', '#/quiz/practice'],
  ['settings', '#/settings'],
  ['about', '#/about'],
];

export function register(suite) {
  suite.test('learner: a lesson, its checkpoint wrong then right, and a reload that keeps the place', async (t) => {
    const page = await t.open();
    await t.settle();
    await t.click('Open##port-ranges');
    let s = await t.waitForState((x) => x.lesson === 'port-ranges' && x.step === 1, { what: 'the lesson at step 1' });
    // Step forward with the keyboard, then with the button.
    await page.keyboard.press('ArrowRight');
    await t.waitForState((x) => x.step === 2, { what: 'step 2 after the Right arrow key' });
    await t.click('Next: Who hands out the numbers >');
    await t.waitForState((x) => x.step === 3, { what: 'step 3 after Next' });
    await t.screenshot('lesson-step-3');

    // The checkpoint is the last step.
    await t.click('9##step');
    await t.waitForState((x) => x.step === 9, { what: 'the checkpoint step' });
    await t.click('Start the checkpoint');
    s = await t.waitForState((x) => x.quiz && x.quiz.id === 'ranges-classify-1024', { what: 'the first question' });
    assertEqual(s.quiz.answered, 0, 'answered before answering');

    // Wrong: 1024 is not a System Port. The explanation shows.
    await t.click('System Ports, 0-1023');
    await t.click('Check answer');
    s = await t.waitForState((x) => x.quiz.answered === 1, { what: 'the first answer graded' });
    assertEqual(s.quiz.correct, 0, 'the wrong answer is not counted right');
    assert(s.quiz.explanation.includes('1023 is the last System Port'), `explanation shown: ${s.quiz.explanation}`);
    await t.screenshot('checkpoint-wrong');

    // Right: the next question, answered with the engine-checked answer.
    await t.click('Next');
    s = await t.waitForState((x) => x.quiz.id === 'ranges-443-registered', { what: 'the second question' });
    await t.click(s.quiz.correct_label);
    await t.click('Check answer');
    s = await t.waitForState((x) => x.quiz.answered === 2, { what: 'the second answer graded' });
    assertEqual(s.quiz.correct, 1, 'the right answer is counted');
    const answeredBefore = s.progress.questions;
    assert(answeredBefore >= 2, 'progress holds the answered questions');

    // A reload lands on the same step with the progress kept.
    await page.reload();
    s = await t.waitForState((x) => x.ready && x.frames > 0 && x.lesson === 'port-ranges', { what: 'the lesson after reload' });
    assertEqual(s.step, 9, 'the step after reload');
    assertEqual(s.progress.questions, answeredBefore, 'questions answered after reload');
    assert(s.progress.lesson_steps_done >= 2, `steps done after reload: ${s.progress.lesson_steps_done}`);
  });

  suite.test('learner: a deep link opens a NAT Lab challenge, solved by adding a forwarding rule', async (t) => {
    await t.open('#/nat/game-server');
    let s = await t.waitForState((x) => x.ready && x.view === 'nat' && x.nat && x.nat.challenge === 'game-server',
                                 { what: 'the game-server challenge' });
    assertEqual(s.nat.solved, false, 'not solved before a rule exists');
    await t.typeInto('External port', '25565');
    await t.typeInto('Internal address', '192.168.1.30');
    await t.typeInto('Internal port', '25565');
    await t.click('Add rule');
    s = await t.waitForState((x) => x.nat.solved, { what: 'the challenge solved' });
    await t.screenshot('nat-solved');
  });

  suite.test('classroom: presenter mode enlarges the lesson and hides the navigation; a theme switch sticks', async (t) => {
    const page = await t.open('#/lesson/port-ranges/2');
    await t.settle();
    const before = await t.state();
    await page.keyboard.press('p');
    let s = await t.waitForState((x) => x.presenter, { what: 'presenter mode' });
    await t.settle();
    s = await t.state();
    assert(s.font_pixel_scale > before.font_pixel_scale, 'text is larger in presenter mode');
    const labels = (await t.widgets()).map((w) => w.label);
    assert(!labels.includes('Settings'), 'the navigation bar is hidden');
    await t.screenshot('presenter');
    await page.keyboard.press('ArrowRight');
    await t.waitForState((x) => x.step === 3, { what: 'keyboard stepping in presenter mode' });
    await page.keyboard.press('Escape');
    await t.waitForState((x) => !x.presenter, { what: 'presenter mode left' });

    await t.command({ go: '#/settings' });
    await t.click('Light');
    await t.waitForState((x) => x.theme === 'light', { what: 'the light theme' });
    await page.reload();
    s = await t.waitForState((x) => x.ready && x.frames > 0, { what: 'the page after reload' });
    assertEqual(s.theme, 'light', 'theme after reload');
  });

  // One page load for all the screens: each view is opened by its link, as
  // a person following it would, and drawn at desktop and phone size.
  // Each is also checked with axe-core's WCAG 2.1 A/AA rules (the other
  // routes are in a11y.test.mjs).
  suite.test('screens: every view at 1280x800 and 390x844, with no axe-core WCAG 2.1 A/AA violation', async (t) => {
    const page = await t.open('');
    await t.settle();
    const failures = [];
    for (const [name, fragment] of VIEWS) {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        await page.setViewportSize(viewport);
        await t.command({ open: fragment });
        await t.waitForState((x) => x.display[0] === viewport.width && x.display[1] === viewport.height,
                             { what: `the ${viewport.width}x${viewport.height} layout` });
        await t.settle();
        const state = await t.state();
        assertEqual(state.notice, '', `no notice for ${fragment}`);
        await t.screenshot(`${name}-${viewport.width}x${viewport.height}`);
        const violations = await runAxe(page);
        if (violations.length)
          failures.push(`${fragment} at ${viewport.width}x${viewport.height}:\n${describeViolations(violations)}`);
      }
    }
    if (failures.length) throw new Error(`axe-core found WCAG 2.1 A/AA violations:\n${failures.join('\n')}`);
  });
}

export function registerProgressFiles(suite) {
  suite.test('progress: exported as a download, imported through the file picker after confirming', async (t) => {
    const page = await t.open('#/lesson/port-ranges/4');
    let s = await t.waitForState((x) => x.ready && x.frames > 0 && x.lesson === 'port-ranges', { what: 'the lesson' });
    await page.keyboard.press('ArrowRight');
    s = await t.waitForState((x) => x.step === 5 && x.progress.lesson_steps_done === 1, { what: 'one step done' });

    // Export: the browser receives a file holding that progress.
    await t.command({ go: '#/settings' });
    await t.waitForState((x) => x.view === 'settings', { what: 'settings' });
    const [download] = await Promise.all([page.waitForEvent('download'), t.click('Export progress')]);
    assert(/^portlab-progress-\d{4}-\d{2}-\d{2}\.json$/.test(download.suggestedFilename()),
           `file name: ${download.suggestedFilename()}`);
    const exported = fs.readFileSync(await download.path(), 'utf8');
    assert(exported.includes('"port-ranges"'), 'the export holds the lesson');

    // Lose it (a fresh browser profile), then import the file.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    s = await t.waitForState((x) => x.ready && x.frames > 0 && x.view === 'settings', { what: 'settings after clearing' });
    assertEqual(s.progress.lessons, 0, 'no progress after clearing storage');
    const file = path.join(os.tmpdir(), `portlab-e2e-import-${process.pid}.json`);
    fs.writeFileSync(file, exported);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), t.click('Import progress...')]);
    await chooser.setFiles(file);
    await t.findWidget('Replace my progress', { timeout: 10000 });
    s = await t.state();
    assertEqual(s.progress.lessons, 0, 'nothing changes before confirming');
    await t.screenshot('import-confirm');
    await t.click('Replace my progress');
    s = await t.waitForState((x) => x.progress.lessons === 1, { what: 'the imported progress' });
    await page.reload();
    s = await t.waitForState((x) => x.ready && x.frames > 0, { what: 'the page after reload' });
    assertEqual(s.progress.lessons, 1, 'imported progress survives a reload');
    fs.rmSync(file, { force: true });
  });
}

// "Progress survives a reload during a save": the reload is sent the moment
// the click that grades an answer is delivered, racing the frame that
// grades it and writes the progress. Whichever wins, the page must come back
// with a whole progress (the old one or the new one), never a damaged one
// set aside with a notice.
export function registerReloadDuringSave(suite) {
  suite.test('progress: a reload racing the save of an answer keeps a whole progress', async (t) => {
    const page = await t.open('#/lesson/port-ranges/9');
    await t.waitForState((x) => x.ready && x.frames > 0 && x.step === 9, { what: 'the checkpoint step' });
    await t.click('Start the checkpoint');
    await t.waitForState((x) => x.quiz && x.quiz.id === 'ranges-classify-1024', { what: 'the first question' });
    await t.click('System Ports, 0-1023');
    await t.click('Check answer');
    await t.waitForState((x) => x.progress.questions === 1, { what: 'the first answer saved' });
    await t.click('Next');
    const s = await t.waitForState((x) => x.quiz.id === 'ranges-443-registered', { what: 'the second question' });
    await t.click(s.quiz.correct_label);

    const check = await t.findWidget('Check answer');
    await page.mouse.click(check.x + check.w / 2, check.y + check.h / 2);
    await page.reload();
    const after = await t.waitForState((x) => x.ready && x.frames > 0 && x.lesson === 'port-ranges',
                                       { what: 'the lesson after the reload' });
    assertEqual(after.notice, '', 'no notice about a damaged save');
    assert(after.progress.questions === 1 || after.progress.questions === 2,
           `the old or the new progress: ${after.progress.questions} questions`);
    const stored = await page.evaluate(() => window.localStorage.getItem('portlab.progress'));
    assert(stored !== null, 'progress is stored');
    JSON.parse(stored);  // whole JSON, or this throws
  });
}
