/**
 * The words of "Ustawienia" under her profile (ProfileSettings.jsx), which come with its chunk
 * (i18n.addWords).
 * @type {import('../messages.js').Part}
 */
export const settingsWords = {
  pl: {
    'settings.title': 'Ustawienia',
    'settings.email': 'Twój adres e-mail',
    'settings.emailHint': 'Na ten adres przychodzą linki do logowania i powiadomienia. Zmienia go poradnia.',
    'settings.lang': 'Język aplikacji',
    'settings.lang.pl': 'Polski',
    'settings.lang.en': 'English',
    'settings.langFailed': 'Nie udało się pobrać angielskiej wersji — potrzebne jest połączenie z internetem.',
  },
  en: {
    'settings.title': 'Settings',
    'settings.email': 'Your e-mail address',
    'settings.emailHint': 'Sign-in links and notifications come to this address. The centre changes it.',
    'settings.lang': 'Language of the app',
    'settings.lang.pl': 'Polski',
    'settings.lang.en': 'English',
    'settings.langFailed': 'The English version could not be downloaded — an internet connection is needed.',
  },
};
