/**
 * The words of the annual work plan the first load needs: the network's link to it and the names
 * of its writes (the list of refused changes). The screens' own words come with them (plans/planWords.js).
 * @type {import('../messages.js').Part}
 */
export const plans = {
  pl: {
    'plans.open': 'Plan pracy',
    'mutation.plan.create': 'Nowy plan pracy',
    'mutation.plan.update': 'Zmiana planu pracy',
    'mutation.plan.submit': 'Wysłanie planu do zatwierdzenia',
    'mutation.plan.approve': 'Zatwierdzenie planu pracy',
    'mutation.plan.return': 'Zwrot planu do poprawy',
    'mutation.plan.amend': 'Nowa wersja planu pracy',
    'mutation.plan.conclude': 'Wnioski z pracy sieci',
    'mutation.plan_task.create': 'Nowe zadanie w planie',
    'mutation.plan_task.update': 'Zmiana zadania w planie',
    'mutation.plan_task.remove': 'Usunięcie zadania z planu',
    'mutation.plan_task.progress': 'Stan zadania z planu',
    'mutation.plan_approver.set': 'Prawo zatwierdzania planów',
  },
  en: {
    'plans.open': 'Work plan',
    'mutation.plan.create': 'New work plan',
    'mutation.plan.update': 'Work plan changed',
    'mutation.plan.submit': 'Plan sent for approval',
    'mutation.plan.approve': 'Work plan approved',
    'mutation.plan.return': 'Plan returned for changes',
    'mutation.plan.amend': 'New version of the work plan',
    'mutation.plan.conclude': "The network's conclusions",
    'mutation.plan_task.create': 'New task in the plan',
    'mutation.plan_task.update': 'Plan task changed',
    'mutation.plan_task.remove': 'Task removed from the plan',
    'mutation.plan_task.progress': "A plan task's progress",
    'mutation.plan_approver.set': 'Right to approve plans',
  },
};
