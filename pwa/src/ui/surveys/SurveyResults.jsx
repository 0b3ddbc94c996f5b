/**
 * A survey's results for its coordinator and the Poradnia's staff, fetched
 * from the server (answers never sit on devices): per question the counts and
 * percentages as small bar charts, the scale's average, the written answers
 * listed; and the CSV to download. An anonymous survey's results name no one.
 */
import { useEffect, useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { surveyResults, surveyCsvUrl, NetworkError, SURVEY_LIMITS } from '../../sync/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { BackLink, Loading } from '../bits.jsx';
import { Bars } from './Bars.jsx';
import './surveys.css';

/** @param {{me: {id: string}, surveyId: string}} props */
export function SurveyResults({ surveyId }) {
  const survey = useQuery(() => store.getRow('survey', surveyId), [surveyId]);
  const [body, setBody] = useState(/** @type {any} */ (null));
  const [error, setError] = useState('');
  useEffect(() => {
    surveyResults(surveyId).then(setBody, (err) =>
      setError(err instanceof NetworkError ? t('results.offline') : t('results.failed', { message: err.message || String(err) })));
  }, [surveyId]);
  const back = `#/s/${surveyId}`;
  if (error) return <main class="page"><BackLink href={back} label={t('surveys.heading')} /><p class="notice" data-testid="results-error">{error}</p></main>;
  if (!body) return <main class="page"><Loading /></main>;
  return (
    <main class="page" data-testid="survey-results">
      <BackLink href={back} label={survey?.title || t('surveys.heading')} />
      <h1>{t('results.heading')}</h1>
      <p class="lead"><strong>{body.survey.title}</strong></p>
      <p class="muted" data-testid="results-respondents">{t('results.respondents', { n: body.respondents })}</p>
      {body.survey.anonymous && <p class="field-hint">{t('results.anonymous')}</p>}
      {body.withheld ? (
        <p class="notice" data-testid="results-withheld">{t('results.withheld', { n: SURVEY_LIMITS.anonymous_min })}</p>
      ) : <Tally body={body} surveyId={surveyId} />}
    </main>
  );
}

/** The counts, bars and open answers, and the CSV. @param {{body: any, surveyId: string}} props */
function Tally({ body, surveyId }) {
  return (
    <>
      <a class="btn-secondary btn-block" href={surveyCsvUrl(surveyId)} download="ankieta.csv" data-testid="results-csv">{t('results.csv')}</a>
      {body.questions.map((/** @type {any} */ q, /** @type {number} */ i) => (
        <section key={q.id} class="card result" data-testid="result-question">
          <h2 class="result-title">{i + 1}. {q.text}</h2>
          <p class="muted">{t('results.answered', { n: q.answered })}</p>
          {q.options && <Bars rows={q.options.map((/** @type {any} */ o) => ({ label: o.option, count: o.count, percent: o.percent }))} />}
          {q.scale && (
            <>
              {q.average !== null && <p data-testid="result-average">{t('results.average', { avg: formatNumber(q.average) })}</p>}
              <Bars rows={q.scale.map((/** @type {any} */ s) => ({ label: String(s.value), count: s.count, percent: s.percent }))} inline />
            </>
          )}
          {q.texts && (q.texts.length ? (
            <ul class="texts" data-testid="result-texts">{q.texts.map((/** @type {string} */ text, /** @type {number} */ j) => <li key={j}>{text}</li>)}</ul>
          ) : <p class="muted">{t('results.noTexts')}</p>)}
        </section>
      ))}
    </>
  );
}
