/**
 * The words of "Twoje dane" under her profile (MyData.jsx), which come with its chunk (i18n.addWords).
 * @type {import('../messages.js').Part}
 */
export const privacyWords = {
  pl: {
    'privacy.title': 'Twoje dane',
    'privacy.intro': 'Możesz pobrać wszystko, co Krąg o Tobie przechowuje, albo usunąć swoje konto.',
    'privacy.download': 'Pobierz moje dane',
    'privacy.downloadHint': 'Plik ZIP: profil, sieci, wpisy, obecności, odpowiedzi w ankietach imiennych, '
      + 'zaświadczenia, urządzenia i pliki, które wysłałaś lub wysłałeś.',
    'privacy.downloading': 'Przygotowuję plik…',
    'privacy.downloaded': 'Plik z danymi jest pobrany.',
    'privacy.offline': 'Do tego potrzebne jest połączenie z internetem.',
    'privacy.delete': 'Usuń konto',
    'privacy.deleteQuestion': 'Usunąć konto na zawsze?',
    'privacy.goes': 'Znikną: imię i nazwisko, adres e-mail, szkoła, klucze dostępu, zalogowane urządzenia, '
      + 'powiadomienia i odpowiedzi w ankietach imiennych.',
    'privacy.postsStay': 'Twoje wpisy na forum zostaną, podpisane „Konto usunięte” — chyba że zaznaczysz niżej, '
      + 'by je usunąć.',
    'privacy.kept': 'Poradnia zachowuje obecności na spotkaniach (bez Twojego nazwiska) i wydane już zaświadczenia. '
      + 'Odpowiedzi w ankietach anonimowych zostają: nic ich z Tobą nie łączy.',
    'privacy.final': 'Tego nie da się cofnąć. To urządzenie zostanie wylogowane i wyczyszczone.',
    'privacy.removePosts': 'Usuń też moje wpisy na forum i dobre praktyki',
    'privacy.deleteYes': 'Tak, usuń moje konto',
    'privacy.deleting': 'Usuwam konto…',
    'mutation.account.delete': 'Usunięcie konta',
  },
  en: {
    'privacy.title': 'Your data',
    'privacy.intro': 'You can download everything Krąg keeps about you, or delete your account.',
    'privacy.download': 'Download my data',
    'privacy.downloadHint': 'A ZIP file: profile, networks, posts, attendance, answers to named surveys, '
      + 'certificates, devices and the files you uploaded.',
    'privacy.downloading': 'Preparing the file…',
    'privacy.downloaded': 'Your data has been downloaded.',
    'privacy.offline': 'This needs an internet connection.',
    'privacy.delete': 'Delete account',
    'privacy.deleteQuestion': 'Delete your account for good?',
    'privacy.goes': 'Gone: your name, e-mail address, school, passkeys, signed-in devices, notifications '
      + 'and answers to named surveys.',
    'privacy.postsStay': 'Your forum posts stay, signed “Deleted account” — unless you tick below to remove them.',
    'privacy.kept': 'The Poradnia keeps meeting attendance (without your name) and certificates already issued. '
      + 'Answers to anonymous surveys stay: nothing links them to you.',
    'privacy.final': 'This cannot be undone. This device will be signed out and cleared.',
    'privacy.removePosts': 'Also remove my forum posts and good practices',
    'privacy.deleteYes': 'Yes, delete my account',
    'privacy.deleting': 'Deleting the account…',
    'mutation.account.delete': 'Deleting the account',
  },
};
