/** A survey's results: asked of the server (the answers are not on devices). */
import { request } from '../api.js';

/** @param {string} surveyId */
export const surveyResults = (surveyId) => request('GET', `/api/surveys/${encodeURIComponent(surveyId)}/results`);

/** The CSV's address, for a download link. @param {string} surveyId */
export const surveyCsvUrl = (surveyId) => `/api/surveys/${encodeURIComponent(surveyId)}/results?format=csv`;
