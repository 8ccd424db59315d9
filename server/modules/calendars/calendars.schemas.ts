export { calendarBody, calendarSchema, listCalendarsQuery, type Calendar, type CalendarBody } from '../../../common/preparedness.js';
