/**
 * The words of her signed-in devices (Profile → "Zalogowane urządzenia").
 * @type {import('../messages.js').Part}
 */
export const sessions = {
  pl: {
    'sessions.title': 'Zalogowane urządzenia',
    'sessions.thisDevice': 'to urządzenie',
    'sessions.unknownDevice': 'Nieznane urządzenie',
    'sessions.lastSeen': 'Ostatnio używane: {when}',
    'sessions.withinHour': 'w ciągu ostatniej godziny',
    'sessions.revoke': 'Wyloguj',
    'sessions.revokeOthers': 'Wyloguj wszystkie inne',
    'sessions.revokeOthersQuestion': {
      one: 'Wylogować {n} inne urządzenie? Trzeba będzie na nim zalogować się ponownie.',
      few: 'Wylogować {n} inne urządzenia? Trzeba będzie na nich zalogować się ponownie.',
      many: 'Wylogować {n} innych urządzeń? Trzeba będzie na nich zalogować się ponownie.',
      other: 'Wylogować {n} innego urządzenia? Trzeba będzie na nim zalogować się ponownie.',
    },
    'mutation.session.revoke': 'Wylogowanie urządzenia',
    'mutation.session.revoke_others': 'Wylogowanie innych urządzeń',
  },
  en: {
    'sessions.title': 'Signed-in devices',
    'sessions.thisDevice': 'this device',
    'sessions.unknownDevice': 'Unknown device',
    'sessions.lastSeen': 'Last used: {when}',
    'sessions.withinHour': 'within the last hour',
    'sessions.revoke': 'Sign out',
    'sessions.revokeOthers': 'Sign out all others',
    'sessions.revokeOthersQuestion': {
      one: 'Sign out {n} other device? It will have to sign in again.',
      other: 'Sign out {n} other devices? They will have to sign in again.',
    },
    'mutation.session.revoke': 'Signing out a device',
    'mutation.session.revoke_others': 'Signing out other devices',
  },
};
