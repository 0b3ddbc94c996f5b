/**
 * The builder's ready surveys: "Diagnoza potrzeb" at the start of a network's
 * year (what its teachers need, so the plan can answer it) and "Ewaluacja" at
 * its end. Their questions are in Polish, as the network answers them; the
 * coordinator changes any of them before the survey opens.
 * @typedef {import('./writes.js').Question} Question
 * @typedef {{kind: 'needs'|'evaluation', title: string, anonymous: boolean, questions: Question[]}} Template
 */

/** @type {Record<'needs'|'evaluation', Template>} */
export const SURVEY_TEMPLATES = {
  needs: {
    kind: 'needs',
    title: 'Diagnoza potrzeb uczestników sieci',
    anonymous: false,
    questions: [
      { id: 'tematy', kind: 'multiple', required: true, text: 'Jakimi tematami chciałaby Pani / chciałby Pan zająć się w sieci w tym roku szkolnym?',
        options: ['Ocenianie kształtujące', 'Praca z uczniem ze specjalnymi potrzebami edukacyjnymi', 'Motywowanie uczniów',
          'Narzędzia cyfrowe i sztuczna inteligencja w nauczaniu', 'Współpraca z rodzicami', 'Dobrostan uczniów i nauczycieli'] },
      { id: 'forma', kind: 'single', required: true, text: 'Jaka forma spotkań najbardziej Pani / Panu odpowiada?',
        options: ['Stacjonarnie w poradni', 'Online', 'Na zmianę: stacjonarnie i online'] },
      { id: 'termin', kind: 'single', required: false, text: 'Jaka pora spotkań jest dla Pani / Pana najdogodniejsza?',
        options: ['Zaraz po lekcjach (14:00–16:00)', 'Późne popołudnie (16:00–18:00)', 'Sobota przed południem'] },
      { id: 'doswiadczenie', kind: 'scale', required: true, text: 'Jak ocenia Pani / Pan swoje doświadczenie w temacie sieci? (1 – początkujące, 5 – duże)' },
      { id: 'podzielenie', kind: 'multiple', required: false, text: 'Czym mogłaby się Pani / mógłby się Pan podzielić z innymi?',
        options: ['Scenariuszem lekcji', 'Materiałami dla uczniów', 'Doświadczeniem z projektu', 'Przykładem dobrej praktyki'] },
      { id: 'oczekiwania', kind: 'text', required: false, text: 'Czego oczekuje Pani / Pan od sieci? Jakie trudności w pracy chciałaby Pani / chciałby Pan omówić?' },
    ],
  },
  evaluation: {
    kind: 'evaluation',
    title: 'Ewaluacja pracy sieci',
    anonymous: true,
    questions: [
      { id: 'ogolna', kind: 'scale', required: true, text: 'Jak ocenia Pani / Pan pracę sieci w tym roku? (1 – bardzo słabo, 5 – bardzo dobrze)' },
      { id: 'przydatnosc', kind: 'scale', required: true, text: 'Na ile to, czego się Pani / Pan dowiedział(a), przydaje się w pracy z uczniami?' },
      { id: 'organizacja', kind: 'scale', required: false, text: 'Jak ocenia Pani / Pan organizację spotkań (terminy, miejsce, materiały)?' },
      { id: 'najcenniejsze', kind: 'multiple', required: false, text: 'Co było dla Pani / Pana najcenniejsze?',
        options: ['Wymiana doświadczeń', 'Wystąpienia ekspertów', 'Materiały i dobre praktyki', 'Forum sieci', 'Wspólne projekty'] },
      { id: 'kontynuacja', kind: 'single', required: true, text: 'Czy chce Pani / Pan uczestniczyć w sieci w kolejnym roku?',
        options: ['Tak', 'Raczej tak', 'Jeszcze nie wiem', 'Raczej nie', 'Nie'] },
      { id: 'zmiany', kind: 'text', required: false, text: 'Co warto zmienić lub dodać w przyszłym roku?' },
    ],
  },
};
