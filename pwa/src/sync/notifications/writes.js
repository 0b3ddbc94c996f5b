/** Her notifications (server/notifications/): read, and how often she is e-mailed. */
import { mutate } from '../writes.js';

/** Empty: all of hers. @param {string[]} ids */
export const markNotificationsRead = (ids) => mutate('notification.read', { ids });

/** @param {string} networkId @param {'immediate'|'daily'|'weekly'|'never'} email */
export const setEmailPref = (networkId, email) => mutate('notification_pref.set', { network_id: networkId, email });
