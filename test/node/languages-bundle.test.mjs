// The English script-tag build holds no other language's words (issue 12): each locale is a chunk
// of its own, fetched only by a checkout that speaks it.
import assert from 'node:assert/strict';
import {readdir, readFile} from 'node:fs/promises';
import {test} from 'node:test';

const {LOCALES} = await import('../../dist/i18n/catalogue.js');
const cdn = new URL('../../dist/cdn/', import.meta.url);

/** A built file's text with its \u and \x escapes read back (the build writes ASCII only). */
const decoded = (text) =>
  text
    .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));

async function builtFiles() {
  const chunks = (await readdir(new URL('chunks/', cdn))).filter((name) => name.endsWith('.js')).map((name) => `chunks/${name}`);
  const entries = (await readdir(cdn)).filter((name) => name.endsWith('.js'));
  return [...entries, ...chunks];
}

test("each locale's words are in its own chunk and in no other file of the script-tag build", async () => {
  const files = await builtFiles();
  const texts = new Map(await Promise.all(files.map(async (file) => [file, decoded(await readFile(new URL(file, cdn), 'utf8'))])));
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    const {default: catalogue} = await import(`../../dist/i18n/locales/${locale}.js`);
    const words = [catalogue.messages.selectTokenTitle, catalogue.messages.paidTitle, catalogue.views.copyAddress];
    const holders = files.filter((file) => words.some((said) => texts.get(file).includes(said)));
    assert.equal(holders.length, 1, `${locale}: ${holders.join(', ')}`);
    assert.match(holders[0], new RegExp(`^chunks/${locale}-[\\w-]+\\.js$`), locale);
  }
});
