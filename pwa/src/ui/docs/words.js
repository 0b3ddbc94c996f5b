/**
 * The shared editor's words, Polish and English: they come with the editor's chunk, so the
 * app's first load carries none of them. Same placeholders as i18n.js' t(): {name}.
 */
import { currentLang } from '../i18n.js';

/** @type {Record<'pl'|'en', Record<string, string>>} */
const WORDS = {
  pl: {
    'doc.label': 'Tekst dokumentu',
    'doc.toolbar': 'Formatowanie',
    'doc.heading': 'Nagłówek',
    'doc.subheading': 'Podtytuł',
    'doc.bold': 'Pogrubienie',
    'doc.italic': 'Kursywa',
    'doc.bulletList': 'Lista punktowana',
    'doc.orderedList': 'Lista numerowana',
    'doc.link': 'Link',
    'doc.undo': 'Cofnij',
    'doc.redo': 'Ponów',
    'doc.linkAddress': 'Adres linku (http, https albo e-mail)',
    'doc.linkSet': 'Wstaw link',
    'doc.linkRemove': 'Usuń link',
    'doc.linkCancel': 'Anuluj',
    'doc.linkBad': 'To nie jest adres strony ani e-mail. Zacznij od https:// albo wpisz adres e-mail.',
    'doc.opening': 'Otwieranie dokumentu…',
    'doc.saved': 'Zapisane — widzą to wszyscy.',
    'doc.saving': 'Zapisywanie…',
    'doc.offline': 'Bez internetu: to, co piszesz, zostaje w telefonie i dołączy do wspólnego tekstu po połączeniu.',
    'doc.connecting': 'Łączenie…',
    'doc.readOnly': 'Tylko do odczytu.',
    'doc.readOnlyExpert': 'Jako ekspertka lub ekspert możesz czytać te notatki, ale nie możesz ich zmieniać.',
    'doc.readOnlyArchived': 'Sieć jest w archiwum: notatki można czytać, ale nie można ich już zmieniać.',
    'doc.readOnlyServer': 'Możesz tylko czytać ten dokument.',
    'doc.closed': 'Nie masz już dostępu do tego dokumentu.',
    'doc.here': 'Teraz w dokumencie',
    'doc.me': '{name} (Ty)',
    'doc.alone': 'Nikogo poza Tobą.',
    'doc.empty': 'Zacznij pisać notatki…',
  },
  en: {
    'doc.label': 'Document text',
    'doc.toolbar': 'Formatting',
    'doc.heading': 'Heading',
    'doc.subheading': 'Subheading',
    'doc.bold': 'Bold',
    'doc.italic': 'Italic',
    'doc.bulletList': 'Bulleted list',
    'doc.orderedList': 'Numbered list',
    'doc.link': 'Link',
    'doc.undo': 'Undo',
    'doc.redo': 'Redo',
    'doc.linkAddress': 'Link address (http, https or e-mail)',
    'doc.linkSet': 'Insert link',
    'doc.linkRemove': 'Remove link',
    'doc.linkCancel': 'Cancel',
    'doc.linkBad': 'That is not a web or e-mail address. Start with https:// or type an e-mail address.',
    'doc.opening': 'Opening the document…',
    'doc.saved': 'Saved — everyone sees it.',
    'doc.saving': 'Saving…',
    'doc.offline': 'No internet: what you write stays on this phone and joins the shared text once connected.',
    'doc.connecting': 'Connecting…',
    'doc.readOnly': 'Read only.',
    'doc.readOnlyExpert': 'As an expert you can read these minutes but not change them.',
    'doc.readOnlyArchived': 'The network is archived: the minutes can be read but no longer changed.',
    'doc.readOnlyServer': 'You can only read this document.',
    'doc.closed': 'You no longer have access to this document.',
    'doc.here': 'In the document now',
    'doc.me': '{name} (you)',
    'doc.alone': 'Nobody but you.',
    'doc.empty': 'Start writing the minutes…',
  },
};

/** @param {string} key @param {Record<string, string | number>} [params] */
export function w(key, params = {}) {
  const value = WORDS[currentLang()]?.[key] ?? WORDS.pl[key] ?? key;
  return value.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}
