/**
 * The staff page's link to the log (StaffHome.jsx, a chunk of its own too).
 * @type {import('../messages.js').Part}
 */
export const auditLinkWords = { pl: { 'staff.audit': 'Dziennik zdarzeń' }, en: { 'staff.audit': 'Audit log' } };

/**
 * The words of "Dziennik zdarzeń" (AuditLog.jsx), which come with its chunk (i18n.addWords).
 * @type {import('../messages.js').Part}
 */
export const auditWords = {
  pl: {
    'audit.title': 'Dziennik zdarzeń',
    'audit.intro': 'Logowania i zmiany ważne dla bezpieczeństwa: kto, komu, kiedy i z jakiej sieci. '
      + 'Wpisy są przechowywane przez {days} dni.',
    'audit.kind': 'Rodzaj zdarzenia',
    'audit.allKinds': 'Wszystkie',
    'audit.person': 'Osoba',
    'audit.everyone': 'Wszyscy',
    'audit.more': 'Pokaż starsze',
    'audit.empty': 'Brak takich zdarzeń.',
    'audit.offline': 'Dziennik jest dostępny tylko z połączeniem z internetem.',
    'audit.server': 'serwer',
    'audit.from': 'sieć {ip}',
    'audit.onRequest': 'Na prośbę tej osoby',
    'audit.onRequestHint': 'RODO: osoba może poprosić poradnię o kopię swoich danych albo o usunięcie konta.',
    'audit.download': 'Pobierz jej dane',
    'audit.delete': 'Usuń jej konto',
    'audit.deleteQuestion': 'Usunąć konto osoby: {name}? Znikną jej dane osobowe, klucze i urządzenia; '
      + 'wpisy zostaną podpisane „Konto usunięte”, chyba że zaznaczysz niżej, by je usunąć. Tego nie da się cofnąć.',
    'audit.deleteYes': 'Usuń konto',
    'audit.removePosts': 'Usuń też jej wpisy i dobre praktyki',
    'audit.deleted': 'Konto zostało usunięte.',
    'audit.kind.signin.email_link': 'Logowanie linkiem z e-maila',
    'audit.kind.signin.invitation': 'Logowanie linkiem z zaproszenia',
    'audit.kind.signin.passkey': 'Logowanie kluczem dostępu',
    'audit.kind.passkey.added': 'Dodanie klucza dostępu',
    'audit.kind.passkey.renamed': 'Zmiana nazwy klucza dostępu',
    'audit.kind.passkey.removed': 'Usunięcie klucza dostępu',
    'audit.kind.session.revoked': 'Wylogowanie urządzenia',
    'audit.kind.session.revoked_others': 'Wylogowanie wszystkich innych urządzeń',
    'audit.kind.staff.set': 'Zmiana uprawnień pracownika',
    'audit.kind.network.coordinator': 'Nowy koordynator sieci',
    'audit.kind.membership.removed': 'Usunięcie z sieci',
    'audit.kind.signin_link.issued': 'Link do logowania wysłany przez poradnię',
    'audit.kind.certificate.revoked': 'Unieważnienie zaświadczenia',
    'audit.kind.account.exported': 'Pobranie danych osobowych',
    'audit.kind.account.deleted': 'Usunięcie konta',
  },
  en: {
    'audit.title': 'Audit log',
    'audit.intro': 'Sign-ins and changes that matter for security: who, to whom, when and from which network. '
      + 'Entries are kept for {days} days.',
    'audit.kind': 'Kind of event',
    'audit.allKinds': 'All',
    'audit.person': 'Person',
    'audit.everyone': 'Everyone',
    'audit.more': 'Show older',
    'audit.empty': 'No such events.',
    'audit.offline': 'The audit log is available only with an internet connection.',
    'audit.server': 'server',
    'audit.from': 'network {ip}',
    'audit.onRequest': 'At this person’s request',
    'audit.onRequestHint': 'GDPR: a person may ask the Poradnia for a copy of her data or to delete her account.',
    'audit.download': 'Download her data',
    'audit.delete': 'Delete her account',
    'audit.deleteQuestion': 'Delete the account of {name}? Her personal data, passkeys and devices go; her posts '
      + 'stay signed “Deleted account” unless you tick below to remove them. This cannot be undone.',
    'audit.deleteYes': 'Delete account',
    'audit.removePosts': 'Also remove her posts and good practices',
    'audit.deleted': 'The account has been deleted.',
    'audit.kind.signin.email_link': 'Sign-in with an e-mailed link',
    'audit.kind.signin.invitation': 'Sign-in with an invitation link',
    'audit.kind.signin.passkey': 'Sign-in with a passkey',
    'audit.kind.passkey.added': 'Passkey added',
    'audit.kind.passkey.renamed': 'Passkey renamed',
    'audit.kind.passkey.removed': 'Passkey removed',
    'audit.kind.session.revoked': 'Device signed out',
    'audit.kind.session.revoked_others': 'All other devices signed out',
    'audit.kind.staff.set': 'Staff rights changed',
    'audit.kind.network.coordinator': 'New network coordinator',
    'audit.kind.membership.removed': 'Removed from a network',
    'audit.kind.signin_link.issued': 'Sign-in link sent by the Poradnia',
    'audit.kind.certificate.revoked': 'Certificate revoked',
    'audit.kind.account.exported': 'Personal data downloaded',
    'audit.kind.account.deleted': 'Account deleted',
  },
};
