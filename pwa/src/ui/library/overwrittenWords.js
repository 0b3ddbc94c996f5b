/**
 * The words of an edit overwritten by someone else's (Overwritten.jsx), which come
 * with the library's chunk (i18n.addWords).
 * @type {import('../messages.js').Part}
 */
export const overwrittenWords = {
  pl: {
    'overwritten.heading': 'Edytowane jednocześnie przez {name}',
    'overwritten.intro': 'Po Twojej poprawce tę praktykę zmienił(a) {name}. Twoja wersja nie zginęła — możesz ją przywrócić.',
    'overwritten.theirs': 'Obecna wersja — {name}, {time}',
    'overwritten.mine': 'Twoja wersja — {time}',
    'overwritten.restore': 'Przywróć moją wersję',
    'overwritten.keep': 'Zostaw tę wersję',
    'overwritten.someone': 'ktoś z sieci',
    'overwritten.noDescription': 'Bez opisu',
  },
  en: {
    'overwritten.heading': 'Edited at the same time by {name}',
    'overwritten.intro': 'After your edit, {name} changed this practice. Your version is not lost — you can bring it back.',
    'overwritten.theirs': 'Current version — {name}, {time}',
    'overwritten.mine': 'Your version — {time}',
    'overwritten.restore': 'Bring back my version',
    'overwritten.keep': 'Keep this version',
    'overwritten.someone': 'someone in the network',
    'overwritten.noDescription': 'No description',
  },
};
