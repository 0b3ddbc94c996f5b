/**
 * The words of the network's year on paper: the annual report and her certificate (the
 * screen of every participant's certificates brings its own: reports/words.js).
 * @type {import('../messages.js').Part}
 */
export const reports = {
  pl: {
    'papers.heading': 'Dokumenty za rok szkolny {year}',
    'papers.reportPdf': 'Sprawozdanie (PDF)',
    'papers.reportDocx': 'Sprawozdanie (Word)',
    'papers.certificate': 'Moje zaświadczenie',
    'papers.working': 'Przygotowujemy zaświadczenie…',
    'papers.saved': 'Zaświadczenie zapisane w pobranych plikach.',
    'papers.notYet': 'Zaświadczenie jeszcze nie jest gotowe. Spróbuj ponownie za chwilę.',
    'papers.offline': 'Zaświadczenie pobierzesz, gdy telefon połączy się z internetem.',
    'papers.failed': 'Nie udało się pobrać zaświadczenia. Spróbuj ponownie.',
    'papers.all': 'Zaświadczenia uczestników',
    'mutation.certificate.issue': 'Wystawienie zaświadczenia',
    'mutation.certificate.revoke': 'Unieważnienie zaświadczenia',
  },
  en: {
    'papers.heading': 'Documents for the school year {year}',
    'papers.reportPdf': 'Annual report (PDF)',
    'papers.reportDocx': 'Annual report (Word)',
    'papers.certificate': 'My certificate',
    'papers.working': 'Preparing your certificate…',
    'papers.saved': 'Certificate saved to your downloads.',
    'papers.notYet': 'Your certificate is not ready yet. Try again in a moment.',
    'papers.offline': 'You can download your certificate once the phone is online.',
    'papers.failed': 'Could not download the certificate. Try again.',
    'papers.all': 'Participants’ certificates',
    'mutation.certificate.issue': 'Issuing a certificate',
    'mutation.certificate.revoke': 'Revoking a certificate',
  },
};
