/**
 * Which screen a signed-in person sees for each route (hooks.js parses the hash).
 */
import { Home } from './Home.jsx';
import { NetworkView } from './NetworkView.jsx';
import { ThreadView } from './ThreadView.jsx';
import { RejectedPanel } from './Rejected.jsx';
import { About } from './network/About.jsx';
import { NotificationsView } from './notifications/NotificationsView.jsx';
import { SearchView } from './search/SearchView.jsx';
import { lazy } from './lazy.jsx';

// Opened now and then: each comes when first needed (lazy.jsx).
const LibraryView = lazy(() => import('./library/LibraryView.jsx'), 'LibraryView');
const ResourceView = lazy(() => import('./library/ResourceView.jsx'), 'ResourceView');
const Manage = lazy(() => import('./network/Manage.jsx'), 'Manage');
const MyRequests = lazy(() => import('./requests/MyRequests.jsx'), 'MyRequests');
const AskNetwork = lazy(() => import('./requests/AskNetwork.jsx'), 'AskNetwork');
const Profile = lazy(() => import('./profile/Profile.jsx'), 'Profile');
const StaffHome = lazy(() => import('./staff/StaffHome.jsx'), 'StaffHome');
const Queue = lazy(() => import('./staff/Queue.jsx'), 'Queue');
const DashboardPage = lazy(() => import('./staff/Dashboard.jsx'), 'DashboardPage');
const Schools = lazy(() => import('./staff/Schools.jsx'), 'Schools');
const StaffPeople = lazy(() => import('./staff/StaffPeople.jsx'), 'StaffPeople');
const PoradniaPage = lazy(() => import('./staff/PoradniaForm.jsx'), 'PoradniaPage');
const AuditLog = lazy(() => import('./staff/AuditLog.jsx'), 'AuditLog');
const MeetingsList = lazy(() => import('./meetings/MeetingsList.jsx'), 'MeetingsList');
const MeetingView = lazy(() => import('./meetings/MeetingView.jsx'), 'MeetingView');
const MeetingFormPage = lazy(() => import('./meetings/MeetingForm.jsx'), 'MeetingFormPage');
const MeetingMode = lazy(() => import('./meetings/MeetingMode.jsx'), 'MeetingMode');
const CheckIn = lazy(() => import('./meetings/CheckIn.jsx'), 'CheckIn');
const Participants = lazy(() => import('./meetings/Participants.jsx'), 'Participants');
const SurveysList = lazy(() => import('./surveys/SurveysList.jsx'), 'SurveysList');
const SurveyFormPage = lazy(() => import('./surveys/SurveyForm.jsx'), 'SurveyFormPage');
const SurveyView = lazy(() => import('./surveys/SurveyView.jsx'), 'SurveyView');
const SurveyResults = lazy(() => import('./surveys/SurveyResults.jsx'), 'SurveyResults');
const PlanView = lazy(() => import('./plans/PlanView.jsx'), 'PlanView');
const PlansWaiting = lazy(() => import('./plans/PlansWaiting.jsx'), 'PlansWaiting');
const Certificates = lazy(() => import('./reports/Certificates.jsx'), 'Certificates');

/**
 * @param {{route: import('./hooks.js').Route, me: import('../store/meta.js').Me}} props
 */
export function Screen({ route, me }) {
  const id = route.id || '';
  switch (route.name) {
    case 'network':
      return <NetworkView key={id} me={me} networkId={id} />;
    case 'manage':
      return <Manage key={id} me={me} networkId={id} />;
    case 'about':
      return <About key={id} me={me} networkId={id} />;
    case 'thread':
      return <ThreadView key={id} me={me} threadId={id} focus={route.post} />;
    case 'library':
      return <LibraryView key={id} me={me} networkId={id} />;
    case 'resource':
      return <ResourceView key={id} me={me} resourceId={id} />;
    case 'meetings':
      return <MeetingsList key={id} me={me} networkId={id} />;
    case 'meeting-new':
      return <MeetingFormPage key={`new:${id}`} me={me} networkId={id} />;
    case 'meeting':
      return <MeetingView key={id} me={me} meetingId={id} />;
    case 'meeting-edit':
      return <MeetingFormPage key={`edit:${id}`} me={me} meetingId={id} />;
    case 'meeting-mode':
      return <MeetingMode key={id} me={me} meetingId={id} />;
    case 'checkin':
      return <CheckIn key={`${id}/${route.code}`} me={me} meetingId={id || undefined} code={route.code || undefined} />;
    case 'participants':
      return <Participants key={id} me={me} networkId={id} />;
    case 'surveys':
      return <SurveysList key={id} me={me} networkId={id} />;
    case 'survey-new':
      return <SurveyFormPage key={`new:${id}`} me={me} networkId={id} />;
    case 'survey':
      return <SurveyView key={id} me={me} surveyId={id} />;
    case 'survey-edit':
      return <SurveyFormPage key={`edit:${id}`} me={me} surveyId={id} />;
    case 'survey-results':
      return <SurveyResults key={id} me={me} surveyId={id} />;
    case 'plan':
      return <PlanView key={`${id}/${route.year}/${route.version}`} me={me} networkId={id} year={route.year} version={route.version} />;
    case 'plans-waiting':
      return <PlansWaiting me={me} />;
    case 'certificates':
      return <Certificates key={id} me={me} networkId={id} />;
    case 'notifications':
      return <NotificationsView me={me} />;
    case 'search':
      return <SearchView me={me} />;
    case 'rejected':
      return <RejectedPanel />;
    case 'requests':
      return <MyRequests me={me} />;
    case 'ask':
      return <AskNetwork />;
    case 'profile':
      return <Profile me={me} />;
    case 'staff':
      return <StaffHome me={me} />;
    case 'queue':
      return <Queue me={me} />;
    case 'dashboard':
      return <DashboardPage />;
    case 'schools':
      return <Schools me={me} />;
    case 'people':
      return <StaffPeople me={me} />;
    case 'poradnia':
      return <PoradniaPage me={me} />;
    case 'audit':
      return <AuditLog me={me} />;
    default:
      return <Home me={me} />;
  }
}
