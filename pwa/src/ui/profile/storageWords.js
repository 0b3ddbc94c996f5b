/**
 * The words of "Pamięć telefonu" (Storage.jsx), which come with its chunk (i18n.addWords).
 * @type {import('../messages.js').Part}
 */
export const storageWords = {
  pl: {
    'storage.intro': 'Wybierz, co z każdej sieci ma być dostępne bez internetu. Twoje wpisy oraz wątki, które otwierasz, obserwujesz albo w których piszesz, zostają zawsze.',
    'storage.total': 'Krąg zajmuje na tym telefonie około {size}.',
    'storage.size': 'około {size}',
    'storage.posts': { one: '{n} wpis', few: '{n} wpisy', many: '{n} wpisów', other: '{n} wpisu' },
    'storage.files': { one: '{n} plik', few: '{n} pliki', many: '{n} plików', other: '{n} pliku' },
    'storage.keep': 'Dostępne bez internetu',
    'storage.whole': 'Wszystkie wpisy',
    'storage.wholeHint': 'Cała historia sieci — zajmuje więcej miejsca i danych.',
    'storage.recent': 'Ostatnie {n} dni',
    'storage.recentHint': 'Starsze wpisy innych pobierzesz przyciskiem „Wcześniejsze wpisy”.',
    'storage.counting': 'Liczę, ile to zajmuje…',
  },
  en: {
    'storage.intro': 'Choose what of each network stays available without the internet. Your own posts and the threads you open, follow or write in always stay.',
    'storage.total': 'Krąg takes about {size} on this phone.',
    'storage.size': 'about {size}',
    'storage.posts': { one: '{n} post', other: '{n} posts' },
    'storage.files': { one: '{n} file', other: '{n} files' },
    'storage.keep': 'Available offline',
    'storage.whole': 'Every post',
    'storage.wholeHint': 'The network’s whole history — takes more space and data.',
    'storage.recent': 'The last {n} days',
    'storage.recentHint': 'Older posts of others come with the “Earlier posts” button.',
    'storage.counting': 'Counting how much it takes…',
  },
};
